/**
 * npm run bench:ingest [-- --sizes 1m,5m --runs 3 --data data-samples/large --browser-threads N]
 * Loading large lead exports in the browser (the app's duckdb-wasm adapter in headless Chromium)
 * vs native DuckDB (the ETL's adapter): full app load, bare read_csv and the funnel query.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { toRows } from '../../../src/db/arrowRows';
import { openNativeDb } from '../../../src/db/nativeNode';
import type { Db } from '../../../src/db/types';
import { DEFAULT_PIPELINE } from '../../../src/domain/pipeline';
import { nodeCodec, nodeInput } from '../../../etl/nodeCodec';
import { importCsv } from '../../../src/services/importCsv';
import { funnelKpisSql } from '../../../src/sql/overview';
import { launchChromium } from '../../support/chromium';
import { serveStatic, type StaticServer } from '../../support/staticServer';
import { chromiumPids, sampleRss, type RssSample } from '../shared/memory';
import { resultLine, table, writeResults, type Results } from '../shared/results';
import { median, ratio, round, withTimeout } from '../shared/stats';
import { assertEmitted, buildPage } from '../shared/vitePage';
import type { Timed } from './page/api';

const REPO = path.resolve(import.meta.dirname, '../../..');
const SIZES: Record<string, number> = { '1m': 1_000_000, '5m': 5_000_000 };
const STEP_TIMEOUT_MS = 15 * 60_000;
const FUNNEL = funnelKpisSql({ pipeline: DEFAULT_PIPELINE, hasDeals: false, groupByMedium: true });

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1m,5m' },
    runs: { type: 'string', default: '3' },
    /** Where the generated exports live: <data>/<size>/en/leads.csv. */
    data: { type: 'string', default: path.join(REPO, 'data-samples/large') },
    /** Overrides the adapter's thread count in the browser (SET threads = N), for diagnosis. */
    'browser-threads': { type: 'string' },
  },
});
const sizes = args.sizes.split(',').map((s) => s.trim());
const runs = Number(args.runs);
for (const size of sizes) if (!(size in SIZES)) throw new Error(`unknown size ${size}; known: ${Object.keys(SIZES).join(', ')}`);
if (!(runs >= 1)) throw new Error('--runs must be at least 1');
const browserThreads = args['browser-threads'] === undefined ? undefined : Number(args['browser-threads']);
if (browserThreads !== undefined && !(browserThreads >= 1)) throw new Error('--browser-threads must be at least 1');

const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
const errorText = (e: unknown) =>
  (e instanceof Error ? e.message : String(e))
    .split('\n')
    .filter((line) => line.trim() && !/^\s+at /.test(line))
    .join(' ')
    .slice(0, 300);

// ---------------------------------------------------------------- data

async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 22 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return lines;
}

/** The English leads export of `leads` rows, generated once and reused while its line count is right. */
async function leadsFile(size: string, leads: number): Promise<string> {
  const outDir = path.resolve(args.data, size);
  const file = path.join(outDir, 'en/leads.csv');
  const ok = async () => existsSync(file) && (await countLines(file)) === leads + 1;
  if (await ok()) {
    log(`${size}: using ${path.relative(REPO, file)} (${leads + 1} lines checked)`);
    return file;
  }
  const generator = path.join(REPO, 'data-samples/generate.ts');
  if (!existsSync(generator)) throw new Error(`${generator} not found: cannot generate ${size} leads`);
  log(`generating ${leads} leads into ${path.relative(REPO, outDir)} (slow, done once)`);
  const command = ['tsx', generator, '--leads', String(leads), '--out', outDir, '--styles', 'en'];
  const result = spawnSync('npx', command, { cwd: REPO, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`generator failed (exit ${result.status})`);
  if (!(await ok())) throw new Error(`${file} does not hold ${leads} data lines after generation`);
  return file;
}

// ---------------------------------------------------------------- measurements

/** Per metric key, the values of the runs that succeeded; per failed browser step, its errors. */
const samples = new Map<string, number[]>();
const failures = new Map<string, string[]>();
/** Steps that timed out: a hung engine is not tried again. */
const hung = new Set<string>();
const record = (key: string, value: number) => samples.set(key, [...(samples.get(key) ?? []), value]);
const medianOf = (key: string): number | null => (samples.get(key)?.length ? median(samples.get(key)!) : null);
const engines = { browser: '', browserThreads: 0, native: '' };
const funnelResults: Record<string, Record<string, unknown>[]> = {};

function checkRows(what: string, got: number, expected: number): void {
  if (got !== expected) throw new Error(`${what} gave ${got} rows, expected ${expected}`);
}

/** A fresh Chromium (fresh profile), the bench page with the export on its file input and a fresh db. */
async function withBrowserPage<T>(server: StaticServer, file: string, work: (page: Page, pids: () => number[]) => Promise<T>): Promise<T> {
  const chrome = await launchChromium();
  try {
    const page = await chrome.context.newPage();
    page.on('pageerror', (e) => log(`  page error: ${errorText(e)}`));
    page.on('console', (m) => {
      if (m.type() === 'error') log(`  console error: ${errorText(m.text())}`);
    });
    page.on('crash', () => log('  the page crashed'));
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => window.ingestBench !== undefined);
    const info = await page.evaluate((threads) => window.ingestBench!.open(threads), browserThreads);
    if (!engines.browser) {
      log(`browser engine: ${info.engine}; threads in effect ${info.threads}; crossOriginIsolated=${info.crossOriginIsolated}, cores=${info.cores}`);
    }
    engines.browser = info.engine;
    engines.browserThreads = info.threads;
    await page.setInputFiles('#file', file); // a local browser gets the path: nothing is copied
    return await work(page, () => chromiumPids(chrome.profileDir));
  } finally {
    await chrome.close();
  }
}

/** Runs one browser step while sampling the summed RSS of the launch's processes. */
async function sampled(pids: () => number[], step: Promise<Timed>): Promise<Timed & RssSample> {
  const sampler = sampleRss(pids, 100);
  const result = await withTimeout(step, STEP_TIMEOUT_MS, 'browser step').finally(() => sampler.stop());
  return { ...result, ...sampler.stop() };
}

const memoryNote = (s: RssSample) => `peak ${round(s.peakMiB)} MiB, ${round(s.startMiB)} MiB before, ${s.processes} processes`;

/**
 * One browser measurement in its own Chromium. A failure (e.g. out of memory) is recorded and the
 * next run tries again, since some failures are intermittent; after a timeout the step is skipped.
 */
async function browserStep(step: string, run: string, work: () => Promise<string>): Promise<void> {
  if (hung.has(step)) return;
  try {
    log(`${run} browser: ${await work()}`);
  } catch (e) {
    failures.set(step, [...(failures.get(step) ?? []), errorText(e)]);
    if (/timed out/.test(errorText(e))) hung.add(step);
    log(`${run} browser: ${step} FAILED: ${errorText(e)}`);
  }
}

async function browserRun(server: StaticServer, size: string, file: string, leads: number, run: string): Promise<void> {
  await browserStep(`load_${size}_browser`, run, () =>
    withBrowserPage(server, file, async (page, pids) => {
      const load = await sampled(pids, page.evaluate(() => window.ingestBench!.fullLoad()));
      checkRows('browser full load', load.rows, leads);
      record(`load_${size}_browser_ms`, load.ms);
      record(`peak_${size}_browser_mib`, load.peakMiB);
      record(`base_${size}_browser_mib`, load.startMiB);
      const funnel = await withTimeout(page.evaluate(() => window.ingestBench!.funnel()), STEP_TIMEOUT_MS, 'browser funnel');
      record(`funnel_${size}_browser_ms`, funnel.ms);
      funnelResults[`${size}_browser`] = funnel.result;
      return `full load ${round(load.ms)} ms (${memoryNote(load)}), funnel ${round(funnel.ms)} ms`;
    }),
  );
  await browserStep(`read_${size}_browser`, run, () =>
    withBrowserPage(server, file, async (page, pids) => {
      const read = await sampled(pids, page.evaluate(() => window.ingestBench!.bareRead()));
      checkRows('browser bare read_csv', read.rows, leads);
      record(`read_${size}_browser_ms`, read.ms);
      record(`peak_read_${size}_browser_mib`, read.peakMiB);
      record(`base_read_${size}_browser_mib`, read.startMiB);
      return `bare read_csv ${round(read.ms)} ms (${memoryNote(read)})`;
    }),
  );
}

async function withNativeDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openNativeDb({ threads: 2 });
  engines.native = db.engine;
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

async function nativeRun(size: string, file: string, leads: number, run: string): Promise<void> {
  await withNativeDb(async (db) => {
    let start = performance.now();
    const report = await importCsv(db, nodeInput(file, 'leads'), nodeCodec);
    const loadMs = performance.now() - start;
    checkRows('native full load', report.rowsLoaded, leads);
    record(`load_${size}_native_ms`, loadMs);
    start = performance.now();
    const result = toRows(await db.query(FUNNEL));
    const funnelMs = performance.now() - start;
    record(`funnel_${size}_native_ms`, funnelMs);
    funnelResults[`${size}_native`] = result;
    log(`${run} native: full load ${round(loadMs)} ms, funnel ${round(funnelMs)} ms`);
  });
  await withNativeDb(async (db) => {
    const start = performance.now();
    const ref = await db.registerFile('raw-leads.csv', { kind: 'path', path: file });
    await db.query({ sql: 'CREATE OR REPLACE TABLE raw AS SELECT * FROM read_csv(?)', params: [ref] });
    const ms = performance.now() - start;
    checkRows('native bare read_csv', Number(toRows(await db.query({ sql: 'SELECT count(*)::BIGINT AS n FROM raw', params: [] }))[0]?.n), leads);
    record(`read_${size}_native_ms`, ms);
    log(`${run} native: bare read_csv ${round(ms)} ms`);
  });
}

/** The funnel must give the same counts on both engines (revenue up to float summation order). */
function funnelsAgree(size: string): string {
  const [b, n] = [funnelResults[`${size}_browser`], funnelResults[`${size}_native`]];
  if (!b || !n) return 'not compared';
  const key = (rows: Record<string, unknown>[]) =>
    JSON.stringify(rows.map((r) => Object.entries(r).map(([k, v]) => (k === 'revenue' ? round(Number(v), 0) : v))));
  return key(b) === key(n) ? `identical (${b.length} media)` : 'DIFFERENT between engines';
}

// ---------------------------------------------------------------- report

const fmt = (v: number | null, unit = '') => (v === null ? 'n/a' : `${round(v).toLocaleString('en-US')}${unit}`);
const runsOf = (key: string) => (samples.get(key) ?? []).map((v) => round(v).toString()).join(' / ') || 'n/a';

function sizeTable(size: string, leads: number, file: string): string {
  const rows: string[][] = [];
  for (const [label, op] of [
    ['full app load (ms)', 'load'],
    ['bare read_csv (ms)', 'read'],
    ['funnel query (ms)', 'funnel'],
  ] as const) {
    const [b, n] = [medianOf(`${op}_${size}_browser_ms`), medianOf(`${op}_${size}_native_ms`)];
    const failed = failures.get(`${op === 'funnel' ? 'load' : op}_${size}_browser`)?.length ?? 0;
    const browser = failed === 0 ? fmt(b) : b === null ? 'FAILED' : `${fmt(b)} (${failed} failed)`;
    rows.push([label, browser, fmt(n), ratio(b, n)?.toFixed(2) ?? 'n/a', runsOf(`${op}_${size}_browser_ms`), runsOf(`${op}_${size}_native_ms`)]);
  }
  for (const [label, key] of [
    ['RSS before full load (MiB)', `base_${size}_browser_mib`],
    ['peak RSS, full load (MiB)', `peak_${size}_browser_mib`],
    ['RSS before bare read (MiB)', `base_read_${size}_browser_mib`],
    ['peak RSS, bare read (MiB)', `peak_read_${size}_browser_mib`],
  ] as const) {
    rows.push([label, fmt(medianOf(key)), '', '', runsOf(key), '']);
  }
  const loadOverRead = ratio(medianOf(`load_${size}_browser_ms`), medianOf(`read_${size}_browser_ms`));
  const mib = round(statSync(file).size / 2 ** 20);
  return [
    `\n${size}: ${leads.toLocaleString('en-US')} leads, ${mib} MiB (${path.relative(REPO, file)}), medians of ${runs} run(s)`,
    table(['', 'browser', 'native', 'browser/native', 'browser runs', 'native runs'], rows),
    `full load / bare read_csv in the browser: ${loadOverRead?.toFixed(2) ?? 'n/a'}; funnel results: ${funnelsAgree(size)}`,
    ...[...failures]
      .filter(([step]) => step.includes(`_${size}_`))
      .map(([step, errors]) => `ERROR ${step} (${errors.length} of ${runs} runs): ${[...new Set(errors)].join(' | ')}`),
  ].join('\n');
}

function summary(): Results {
  const out: Results = {};
  for (const size of sizes) {
    const m = (key: string) => {
      const v = medianOf(key);
      return v === null ? null : round(v);
    };
    out[`load_${size}_browser_ms`] = m(`load_${size}_browser_ms`);
    out[`load_${size}_native_ms`] = m(`load_${size}_native_ms`);
    out[`ratio_load_${size}`] = ratio(medianOf(`load_${size}_browser_ms`), medianOf(`load_${size}_native_ms`));
    out[`read_${size}_browser_ms`] = m(`read_${size}_browser_ms`);
    out[`read_${size}_native_ms`] = m(`read_${size}_native_ms`);
    out[`ratio_read_${size}`] = ratio(medianOf(`read_${size}_browser_ms`), medianOf(`read_${size}_native_ms`));
    out[`funnel_${size}_browser_ms`] = m(`funnel_${size}_browser_ms`);
    out[`funnel_${size}_native_ms`] = m(`funnel_${size}_native_ms`);
    out[`ratio_funnel_${size}`] = ratio(medianOf(`funnel_${size}_browser_ms`), medianOf(`funnel_${size}_native_ms`));
    out[`load_over_read_${size}_browser`] = ratio(medianOf(`load_${size}_browser_ms`), medianOf(`read_${size}_browser_ms`));
    out[`peak_${size}_browser_mib`] = m(`peak_${size}_browser_mib`);
    out[`peak_read_${size}_browser_mib`] = m(`peak_read_${size}_browser_mib`);
    out[`rss_before_${size}_browser_mib`] = m(`base_${size}_browser_mib`);
  }
  out.bundle = /\((\w+),/.exec(engines.browser)?.[1] ?? null;
  out.threads = engines.browserThreads || null;
  out.runs = runs;
  for (const [step, errors] of failures) {
    out[`failed_${step}`] = `${errors.length}/${runs}`;
    out[`error_${step}`] = errors[0]!;
  }
  return out;
}

// ---------------------------------------------------------------- main

const [load1] = loadavg();
log(`${cpus().length} cores, load average ${load1!.toFixed(2)}${load1! > 0.5 ? ' — WARNING: the machine is busy, timings will be noisy' : ''}`);
const files: Record<string, string> = {};
for (const size of sizes) files[size] = await leadsFile(size, SIZES[size]!);

log('building the bench page with Vite');
const page = await buildPage(path.join(import.meta.dirname, 'page'));
assertEmitted(page, [/duckdb-coi.*\.wasm$/, /duckdb-browser-coi\.worker.*\.js$/, /duckdb-browser-coi\.pthread\.worker.*\.js$/, /duckdb-eh.*\.wasm$/]);
const server = await serveStatic(page.outDir);
log(`serving ${page.outDir} at ${server.origin} (COOP/COEP)`);

try {
  for (const size of sizes) {
    const [leads, file] = [SIZES[size]!, files[size]!];
    for (let r = 1; r <= runs; r++) {
      const run = `[${size} run ${r}/${runs}]`;
      await browserRun(server, size, file, leads, run);
      await nativeRun(size, file, leads, run);
    }
    console.log(sizeTable(size, leads, file));
  }
} finally {
  await server.close();
  rmSync(page.outDir, { recursive: true, force: true });
}

console.log(`\nbrowser: ${engines.browser}, threads in effect: ${engines.browserThreads}\nnative:  ${engines.native} (2 threads)`);
const results = summary();
// A diagnostic run with overridden browser threads must not overwrite the benchmark's own result.
const resultName = browserThreads === undefined ? 'ingest' : `ingest-browser-threads-${browserThreads}`;
log(`results written to ${path.relative(REPO, writeResults(resultName, results))}`);
console.log(resultLine('ingest', results));
