/**
 * npm run bench:quality [-- --runs 3 --data data-samples/large/1m/en/leads.csv --no-build]
 * Scoring every lead and finding duplicate clusters (services/qualityScores.ts: the match keys, the
 * blocks, the clusters, the scores, the largest clusters' members), as the Data quality page runs it:
 *   browser = the built app in headless Chromium: the leads imported through the Import page, then
 *             per run the app loaded anew on the Overview (the scoring is kept for the app's life, not
 *             across loads), its background work awaited, then the Data quality page opened: its
 *             'leadloop:quality' measure;
 *             the longest task of the page's thread while it scores (the engine works in its worker);
 *   native = the same service on @duckdb/node-api (2 threads) after the same CSV's import.
 * Medians of --runs; ratio = browser / native. The leads file is made with
 * `npm run samples -- --leads 1000000 --out data-samples/large/1m --styles en` when missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { openNativeDb } from '../../../src/db/nativeNode';
import { DEFAULT_PIPELINE } from '../../../src/domain/pipeline';
import { DEFAULT_QUALITY_SETTINGS } from '../../../src/domain/quality/rules';
import { scanDuplicatesHere } from '../../../src/services/duplicateScan';
import { checkPhonesHere } from '../../../src/services/phoneCheck';
import { buildQualityScores, dropQualityTables, largestClusters } from '../../../src/services/qualityScores';
import { importCsv } from '../../../src/services/importCsv';
import { nodeCodec, nodeInput } from '../../../etl/nodeCodec';
import { openApp, upload } from '../../e2e/harness';
import { launchChromium } from '../../support/chromium';
import { serveStatic } from '../../support/staticServer';
import { resultLine, table, writeResults, type Results } from '../shared/results';
import { median, round } from '../shared/stats';

const REPO = path.resolve(import.meta.dirname, '../../..');
const TARGETS = { browserMs: 3000, longTaskMs: 100 };
const SHOWN_CLUSTERS = 12;
/** Where the 1M leads are generated when missing: only there, never beside another --data path (which would overwrite whatever lies at <dir>/../en). */
const GENERATED = path.join(REPO, 'data-samples/large/1m/en/leads.csv');

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    data: { type: 'string', default: GENERATED },
    /** Serves dist/ as it is (after a `npx vite build` of one's own). */
    'no-build': { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
if (!(runs >= 1)) throw new Error('--runs must be at least 1');
const file = path.resolve(args.data);
/** The scoring's steps and their milliseconds, as the service reports them. */
const stepsText = (steps: Record<string, number>) => Object.entries(steps).map(([step, ms]) => `${step} ${ms}`).join(', ');
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

if (!existsSync(file)) {
  if (file !== GENERATED) throw new Error(`${file} does not exist (only ${path.relative(REPO, GENERATED)} is generated when missing)`);
  log(`${path.relative(REPO, file)} is missing: generating 1M sample leads`);
  execFileSync('npx', ['tsx', 'data-samples/generate.ts', '--leads', '1000000', '--out', path.dirname(path.dirname(file)), '--styles', 'en'], { cwd: REPO, stdio: 'inherit' });
}
log(`machine: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

// ---------------------------------------------------------------- native

async function nativeRuns(): Promise<{ ms: number[]; leads: number; clusters: number }> {
  const db = await openNativeDb({ threads: 2 });
  try {
    let start = performance.now();
    await importCsv(db, nodeInput(file, 'leads'), nodeCodec);
    log(`native: imported in ${Math.round(performance.now() - start)} ms`);
    const times: number[] = [];
    let clusters = 0;
    for (let i = 0; i < runs; i++) {
      start = performance.now();
      const steps: Record<string, number> = {};
      const onStep = (step: string, ms: number) => (steps[step] = Math.round(ms));
      const scored = await buildQualityScores(db, { pipeline: DEFAULT_PIPELINE, settings: DEFAULT_QUALITY_SETTINGS, asOf: '2026-12-04', checkPhones: checkPhonesHere, scanDuplicates: scanDuplicatesHere, onStep });
      await largestClusters(db, scored.tables, SHOWN_CLUSTERS);
      times.push(performance.now() - start);
      clusters = scored.clusterCount;
      log(`native run ${i + 1}/${runs}: ${Math.round(times[i]!)} ms (${clusters} clusters; ${stepsText(steps)})`);
      await dropQualityTables(db, scored.tables);
    }
    const leads = Number((await db.query({ sql: 'SELECT count(*) AS n FROM leads', params: [] })).toArray()[0]?.n ?? 0);
    return { ms: times, leads, clusters };
  } finally {
    await db.close();
  }
}

// ---------------------------------------------------------------- browser

/** Installed before the app: long tasks of the page's thread, on the page's clock. */
const WATCH_LONG_TASKS = `(() => {
  const tasks = [];
  window.__qualityBench = { tasks };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
})();`;

async function browserRuns(): Promise<{ ms: number[]; longestTaskMs: number[] }> {
  const outDir = path.join(REPO, 'dist');
  if (!args['no-build']) {
    log('building the app with Vite');
    await build({ root: REPO, configFile: path.join(REPO, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  }
  const server = await serveStatic(outDir);
  const chrome = await launchChromium();
  try {
    await chrome.context.addInitScript(WATCH_LONG_TASKS);
    const { page, errors } = await openApp(chrome, server.origin, '#/import');
    let start = Date.now();
    await upload(page, [file], 1);
    if (await page.$('[data-testid="import-error"]')) throw new Error(`import failed: ${await page.textContent('[data-testid="import-error"]')}`);
    await page.waitForSelector('[data-testid="loaded-data"][data-storage="saved"], [data-testid="loaded-data"][data-storage="failed"]', { timeout: 600_000 });
    log(`browser: imported and stored in ${Date.now() - start} ms`);
    // The app builds the Funnel's cubes on the same engine after a load: scoring beside it would time both.
    const engineIdle = () =>
      page.waitForFunction(() => (document.querySelector('[data-timings]')?.getAttribute('data-timings') ?? '').includes('"cubes"'), undefined, { timeout: 600_000, polling: 250 });
    const times: number[] = [];
    const longest: number[] = [];
    for (let i = 0; i < runs; i++) {
      // A new load of the app on the Overview (the stored leads read again): its first visit of the page
      // scores again. Not from the Import page: its report scores what was just loaded itself.
      await page.goto(`${server.origin}/#/overview`);
      await page.reload();
      await page.waitForSelector('[data-phase="ready"]', { timeout: 600_000 });
      await engineIdle();
      start = Date.now();
      await page.click('[data-testid="nav-quality"]');
      await page.waitForSelector('[data-testid="quality-page"][data-ready="true"] [data-testid="quality-duplicates"]', { timeout: 600_000 });
      const measured = await page.evaluate(() => {
        const entry = performance.getEntriesByName('leadloop:quality').at(-1);
        if (!entry) return null;
        const tasks = (window as unknown as { __qualityBench: { tasks: { start: number; duration: number }[] } }).__qualityBench.tasks;
        const during = tasks.filter((t) => t.start + t.duration >= entry.startTime && t.start <= entry.startTime + entry.duration);
        const steps = ((entry as PerformanceMeasure).detail as { steps?: Record<string, number> } | null)?.steps ?? {};
        return { ms: entry.duration, longest: Math.max(0, ...during.map((t) => t.duration)), steps };
      });
      if (!measured) throw new Error('the page did not measure its scoring (leadloop:quality)');
      times.push(measured.ms);
      longest.push(measured.longest);
      log(`browser run ${i + 1}/${runs}: scoring ${Math.round(measured.ms)} ms, longest task ${Math.round(measured.longest)} ms, page ready after ${Date.now() - start} ms (${stepsText(measured.steps)})`);
    }
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
    return { ms: times, longestTaskMs: longest };
  } finally {
    await chrome.close();
    await server.close();
  }
}

const native = await nativeRuns();
const browser = await browserRuns();
const browserMs = median(browser.ms);
const nativeMs = median(native.ms);
const longestTask = Math.max(...browser.longestTaskMs);
const status = (value: number, target: number) => (value <= target ? `≤ ${target}: met` : `≤ ${target}: MISSED by ${Math.round(value - target)}`);
console.log(`\nquality: ${native.leads.toLocaleString('en-US')} leads, ${native.clusters.toLocaleString('en-US')} duplicate clusters`);
console.log(
  table(
    ['scoring + duplicates (ms)', 'median', 'min', 'max', 'target'],
    [
      ['browser (duckdb-wasm)', String(Math.round(browserMs)), String(Math.round(Math.min(...browser.ms))), String(Math.round(Math.max(...browser.ms))), status(browserMs, TARGETS.browserMs)],
      ['native (2 threads)', String(Math.round(nativeMs)), String(Math.round(Math.min(...native.ms))), String(Math.round(Math.max(...native.ms))), ''],
      ['longest task, page thread', String(Math.round(longestTask)), '', '', status(longestTask, TARGETS.longTaskMs)],
    ],
  ),
);
const results: Results = {
  browser_1m_ms: Math.round(browserMs),
  native_1m_ms: Math.round(nativeMs),
  ratio_native: round(browserMs / nativeMs, 2),
  longest_task_ms: Math.round(longestTask),
};
log(`results written to ${path.relative(REPO, writeResults('quality', results))}`);
console.log(resultLine('quality', results));
