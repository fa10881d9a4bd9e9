/**
 * npm run bench:startup [-- --runs 5 --no-build]
 * A first visit and a second one, as leadership opens a shared link: the app is built (the sample
 * bundle with it) and served as `npm start` serves it — Vite's preview server with the project's
 * config, so COOP/COEP, the CSP, the caching headers and the pre-compressed assets — and opened in
 * headless Chromium:
 *   first figure = navigation → the Overview's leads KPI card shows its value ([data-kpi="leads"][data-value]);
 *   engine ready = navigation → the status bar says the data is loaded ([data-phase="ready"]);
 * cold on a fresh profile (nothing cached), warm on a second visit in the same profile (the HTTP
 * cache and Chromium's compiled-wasm cache as a returning visitor has them). Medians of --runs.
 * Also the gzip size of the first JS chunk (the entry module and the chunks it imports statically).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { build, preview } from 'vite';
import { launchChromium } from '../../support/chromium';
import { folderBytes, wasmCodeCacheOf } from '../../support/folderBytes';
import { resultLine, table, writeResults, type Results } from '../shared/results';
import { median, round, withTimeout } from '../shared/stats';

const REPO = path.resolve(import.meta.dirname, '../../..');
const OUT_DIR = path.join(REPO, 'dist');
const TARGETS = { firstFigureCold: 1500, firstFigureWarm: 1000, readyCold: 4000, readyWarm: 2500, firstChunkKb: 200 };
const VISIT_TIMEOUT_MS = 120_000;
/** How long the first visit waits at most for Chromium to write the compiled engine to its cache. */
const WASM_CACHE_WAIT_MS = 30_000;

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    /** Serves dist/ as it is (after a `npm run build` of one's own). */
    'no-build': { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
if (!(runs >= 1)) throw new Error('--runs must be at least 1');

const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

/**
 * Installed before the app's first script: notes (on the page's clock, 0 = navigation start) when
 * the first figure and the ready state appear. Checked on every DOM change, so
 * the time is when the page could first show it, not when the bench's next poll came. A string: tsx
 * would wrap a function's names in helpers the page does not have.
 */
const WATCH_STARTUP = `(() => {
  const marks = {};
  window.__startupBench = marks;
  const check = () => {
    const kpi = document.querySelector('[data-kpi="leads"]');
    if (marks.firstFigure === undefined && kpi && (kpi.getAttribute('data-value') ?? '') !== '') marks.firstFigure = performance.now();
    if (marks.ready === undefined && document.querySelector('[data-phase="ready"]')) marks.ready = performance.now();
    return marks.firstFigure !== undefined && marks.ready !== undefined;
  };
  const observer = new MutationObserver(() => check() && observer.disconnect());
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-value', 'data-phase'] });
})();`;

interface Visit {
  readonly firstFigureMs: number;
  readonly readyMs: number;
  readonly engine: string;
  /** The app's own timing of its start's steps (the engine started, the data loaded), in ms. */
  readonly steps: Readonly<Record<string, number>>;
  /** Bytes the page (not its workers: the engine's wasm is fetched by its worker) got over the wire, by its resource timings. */
  readonly transferredKb: number;
  readonly cachedFiles: number;
}

async function visit(context: BrowserContext, url: string, beforeClose?: () => Promise<void>): Promise<Visit> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(url);
    await page.waitForFunction(() => {
      const marks = (window as unknown as { __startupBench?: { firstFigure?: number; ready?: number } }).__startupBench;
      return marks?.firstFigure !== undefined && marks.ready !== undefined;
    }, undefined, { timeout: VISIT_TIMEOUT_MS, polling: 100 });
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
    const marks = await page.evaluate(() => (window as unknown as { __startupBench: { firstFigure: number; ready: number } }).__startupBench);
    const resources = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((r) => {
        const t = r as PerformanceResourceTiming;
        return { transfer: t.transferSize, decoded: t.decodedBodySize };
      }),
    );
    const engine = (await page.textContent('[data-timings]').catch(() => null)) ?? '';
    const steps = JSON.parse((await page.getAttribute('[data-timings]', 'data-timings').catch(() => null)) ?? '{}') as Record<string, number>;
    await beforeClose?.();
    return {
      firstFigureMs: marks.firstFigure,
      readyMs: marks.ready,
      engine: engine.trim(),
      steps,
      transferredKb: resources.reduce((s, r) => s + r.transfer, 0) / 1024,
      // A resource served from the HTTP cache transfers no bytes (a revalidated one, only headers).
      cachedFiles: resources.filter((r) => r.transfer === 0 && r.decoded > 0).length,
    };
  } finally {
    await page.close();
  }
}

/**
 * Waits until a folder has stopped growing for 3 s (Chromium writes the compiled wasm when V8 has
 * optimised enough of it, in the background), at most WASM_CACHE_WAIT_MS; returns its size in KB.
 */
async function settledFolderKb(dir: string): Promise<number> {
  const deadline = Date.now() + WASM_CACHE_WAIT_MS;
  let size = folderBytes(dir);
  let stableSince = Date.now();
  while (Date.now() < deadline && Date.now() - stableSince < 3000) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = folderBytes(dir);
    if (now !== size) [size, stableSince] = [now, Date.now()];
  }
  return size / 1024;
}

/**
 * The first chunk as a browser needs it before the app runs: the entry module index.html loads and
 * the chunks it imports statically (index.html modulepreloads them), gzip -9 like a host would send.
 * Pages, charts, the explorer and the importers come later, in chunks of their own.
 */
function firstChunk(outDir: string): { files: { file: string; rawKb: number; gzipKb: number }[]; gzipKb: number; rawKb: number } {
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('index.html has no module script');
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const files = [entry, ...preloads].map((file) => {
    const bytes = readFileSync(path.join(outDir, file.replace(/^\//, '')));
    return { file, rawKb: bytes.length / 1024, gzipKb: gzipSync(bytes, { level: 9 }).length / 1024 };
  });
  return { files, rawKb: files.reduce((s, f) => s + f.rawKb, 0), gzipKb: files.reduce((s, f) => s + f.gzipKb, 0) };
}

// ---------------------------------------------------------------- main

const [load1] = loadavg();
log(`${cpus().length} cores, load average ${load1!.toFixed(2)}${load1! > 0.5 ? ' — WARNING: the machine is busy, timings will be noisy' : ''}`);
if (!args['no-build']) {
  log('building the sample bundle and the app (as npm start does)');
  execFileSync('npm', ['run', 'sample-bundle', '--silent'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  await build({ root: REPO, configFile: path.join(REPO, 'vite.config.ts'), logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } });
}
const chunk = firstChunk(OUT_DIR);
log(`first chunk: ${round(chunk.rawKb, 1)} KB, ${round(chunk.gzipKb, 1)} KB gzip (${chunk.files.map((f) => `${f.file} ${round(f.gzipKb, 1)} KB`).join(', ')})`);

const server = await preview({ root: REPO, configFile: path.join(REPO, 'vite.config.ts'), logLevel: 'warn', build: { outDir: OUT_DIR }, preview: { port: 4190, strictPort: false, host: '127.0.0.1' } });
const origin = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
if (!origin) throw new Error('the preview server has no local URL');
log(`serving ${path.relative(REPO, OUT_DIR)} with vite preview at ${origin}`);

const cold: Visit[] = [];
const warm: Visit[] = [];
const wasmCacheKbs: number[] = [];
try {
  for (let run = 1; run <= runs; run++) {
    const chrome = await launchChromium();
    try {
      await chrome.context.addInitScript({ content: WATCH_STARTUP });
      // A returning visitor's browser has written the engine's compiled code to its cache during the
      // first visit (once enough of it is optimised): the page stays open until it has.
      let wasmCacheKb = 0;
      const first = await withTimeout(
        visit(chrome.context, `${origin}/`, async () => {
          wasmCacheKb = await settledFolderKb(wasmCodeCacheOf(chrome.profileDir));
        }),
        VISIT_TIMEOUT_MS + WASM_CACHE_WAIT_MS + 10_000,
        'cold visit',
      );
      wasmCacheKbs.push(wasmCacheKb);
      const second = await withTimeout(visit(chrome.context, `${origin}/`), VISIT_TIMEOUT_MS + 10_000, 'warm visit');
      cold.push(first);
      warm.push(second);
      const show = (v: Visit) => `first figure ${round(v.firstFigureMs)} ms, ready ${round(v.readyMs)} ms (${Object.entries(v.steps).map(([step, ms]) => `${step} ${ms}`).join(', ')}), ${round(v.transferredKb)} KB transferred, ${v.cachedFiles} files from cache`;
      log(`run ${run}/${runs}: cold ${show(first)}; compiled wasm cached ${round(wasmCacheKb)} KB; warm ${show(second)}`);
      if (run === 1) log(`engine: ${first.engine}`);
    } finally {
      await chrome.close();
    }
  }
} finally {
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}

const verdict = (value: number, target: number) => (!Number.isFinite(value) ? 'n/a' : value <= target ? 'met' : `MISSED by ${round(value - target)}`);
const results: Results = {
  first_figure_cold_ms: round(median(cold.map((v) => v.firstFigureMs))),
  first_figure_warm_ms: round(median(warm.map((v) => v.firstFigureMs))),
  ready_cold_ms: round(median(cold.map((v) => v.readyMs))),
  ready_warm_ms: round(median(warm.map((v) => v.readyMs))),
  first_chunk_kb_gzip: round(chunk.gzipKb, 1),
  wasm_cache_kb: round(median(wasmCacheKbs)),
};
const row = (name: string, values: readonly number[], median_: number, target: number): string[] => [name, String(median_), String(round(Math.min(...values))), String(round(Math.max(...values))), `≤ ${target}: ${verdict(median_, target)}`];
console.log(
  '\n' +
    table(
      ['startup (ms)', 'median', 'min', 'max', 'target'],
      [
        row('first figure, cold', cold.map((v) => v.firstFigureMs), results.first_figure_cold_ms as number, TARGETS.firstFigureCold),
        row('first figure, warm', warm.map((v) => v.firstFigureMs), results.first_figure_warm_ms as number, TARGETS.firstFigureWarm),
        row('engine ready, cold', cold.map((v) => v.readyMs), results.ready_cold_ms as number, TARGETS.readyCold),
        row('engine ready, warm', warm.map((v) => v.readyMs), results.ready_warm_ms as number, TARGETS.readyWarm),
      ],
    ) +
    `\ncompiled wasm in Chromium's cache after the first visit: ${results.wasm_cache_kb} KB (median)` +
    `\nfirst chunk: ${results.first_chunk_kb_gzip} KB gzip (≤ ${TARGETS.firstChunkKb}: ${verdict(chunk.gzipKb, TARGETS.firstChunkKb)}); transferred cold ${round(median(cold.map((v) => v.transferredKb)))} KB, warm ${round(median(warm.map((v) => v.transferredKb)))} KB (medians)\n`,
);
log(`results written to ${path.relative(REPO, writeResults('startup', results))}`);
console.log(resultLine('startup', results));
