/**
 * npm run bench:ingest [-- --sizes 1m,5m --styles de,en --runs 3 --data data-samples/large --browser-threads N]
 * Loading large lead exports in the browser (the app's duckdb-wasm adapter in headless Chromium)
 * vs native DuckDB (the ETL's adapter): full app load (importCsv, timed per statement, with the
 * page's long tasks; natively with the browser codec's scan, and apart with the ETL's codec), bare
 * read_csv of the same file and the funnel query.
 * Styles: de = German Excel export (Windows-1252, `;`, 1.234,56, dd.mm.yyyy), en = English CRM export.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
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
import { sumSteps, timedCodec, timedDb, type StepTiming } from '../shared/timedDb';
import { assertEmitted, buildPage } from '../shared/vitePage';
import { withScan } from './nodeScan';
import type { MainThread, Timed } from './page/api';

const REPO = path.resolve(import.meta.dirname, '../../..');
const SIZES: Record<string, number> = { '1m': 1_000_000, '5m': 5_000_000 };
const STEP_TIMEOUT_MS = 15 * 60_000;
const FUNNEL = funnelKpisSql({ pipeline: DEFAULT_PIPELINE, groupByMedium: true });

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1m,5m' },
    /** Export styles to load: de (German Excel, Windows-1252) and/or en (English CRM, UTF-8). */
    styles: { type: 'string', default: 'de,en' },
    runs: { type: 'string', default: '3' },
    /** Where the generated exports live: <data>/<size>/<style>/leads.csv. */
    data: { type: 'string', default: path.join(REPO, 'data-samples/large') },
    /** Overrides the adapter's thread count in the browser (SET threads = N), for diagnosis. */
    'browser-threads': { type: 'string' },
  },
});
const sizes = args.sizes.split(',').map((s) => s.trim());
const runs = Number(args.runs);
for (const size of sizes) if (!(size in SIZES)) throw new Error(`unknown size ${size}; known: ${Object.keys(SIZES).join(', ')}`);
const STYLES = ['de', 'en'] as const;
type Style = (typeof STYLES)[number];
const styles = args.styles.split(',').map((s) => s.trim()) as Style[];
for (const style of styles) if (!STYLES.includes(style)) throw new Error(`unknown style ${style}; known: ${STYLES.join(', ')}`);
/**
 * One benchmarked file. Its id keys the results: the size alone for the English export (as before
 * the German one was added, so earlier results stay comparable), size_de for the German one.
 */
interface Dataset {
  readonly id: string;
  readonly size: string;
  readonly style: Style;
  readonly leads: number;
  readonly file: string;
  /** What a bare read_csv must be told to read the file at all (DuckDB reads UTF-8 by default). */
  readonly encoding?: string;
}
const datasetId = (size: string, style: Style) => (style === 'en' ? size : `${size}_${style}`);
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

/** The leads export of `leads` rows in a style, generated once and reused while its line count is right. */
async function leadsFile(size: string, style: Style, leads: number): Promise<string> {
  const outDir = path.resolve(args.data, size);
  const file = path.join(outDir, `${style}/leads.csv`);
  const ok = async () => existsSync(file) && (await countLines(file)) === leads + 1;
  if (await ok()) {
    log(`${size}: using ${path.relative(REPO, file)} (${leads + 1} lines checked)`);
    return file;
  }
  const generator = path.join(REPO, 'data-samples/generate.ts');
  if (!existsSync(generator)) throw new Error(`${generator} not found: cannot generate ${size} leads`);
  log(`generating ${leads} leads into ${path.relative(REPO, outDir)} (slow, done once)`);
  const command = ['tsx', generator, '--leads', String(leads), '--out', outDir, '--styles', style];
  const result = spawnSync('npx', command, { cwd: REPO, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`generator failed (exit ${result.status})`);
  if (!(await ok())) throw new Error(`${file} does not hold ${leads} data lines after generation`);
  return file;
}

/**
 * A bare read_csv of a Windows-1252 file needs encoding = 'latin-1' (DuckDB's built-in codecs are
 * UTF-8, UTF-16 and latin-1). Both agree except on bytes 0x80–0x9F (€, „, – …): check the file has
 * none, so the bare read sees the same text as the import.
 */
async function assertLatin1Compatible(file: string): Promise<void> {
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 22 }) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b >= 0x80 && b <= 0x9f) throw new Error(`${file} holds byte 0x${b.toString(16)}: latin-1 and Windows-1252 differ there, the bare read would differ`);
    }
  }
}

/** The first bytes of a file, to check its style (a German export is not valid UTF-8). */
function headOf(file: string, bytes = 4096): Buffer {
  const handle = openSync(file, 'r');
  try {
    const head = Buffer.alloc(bytes);
    return head.subarray(0, readSync(handle, head, 0, bytes, 0));
  } finally {
    closeSync(handle);
  }
}

async function dataset(size: string, style: Style): Promise<Dataset> {
  const leads = SIZES[size]!;
  const file = await leadsFile(size, style, leads);
  const id = datasetId(size, style);
  if (style === 'en') return { id, size, style, leads, file };
  const head = headOf(file).toString('latin1');
  if (!head.startsWith('Lead-Nr.;') || !head.includes('\r\n')) throw new Error(`${file} does not look like a German export: ${head.slice(0, 60)}`);
  log(`${id}: checking that latin-1 reads ${path.relative(REPO, file)} as Windows-1252 does`);
  await assertLatin1Compatible(file);
  return { id, size, style, leads, file, encoding: 'latin-1' };
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
/** Per `<id>_<engine>`, per import step (statement or transcoding), the milliseconds of each run. */
const stepSamples = new Map<string, Map<string, number[]>>();

function recordSteps(key: string, steps: readonly StepTiming[]): void {
  const bySteps = stepSamples.get(key) ?? new Map<string, number[]>();
  for (const { step, ms } of steps) bySteps.set(step, [...(bySteps.get(step) ?? []), ms]);
  stepSamples.set(key, bySteps);
}

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
async function sampled<T extends Timed>(pids: () => number[], step: Promise<T>): Promise<T & RssSample> {
  const sampler = sampleRss(pids, 100);
  const result = await withTimeout(step, STEP_TIMEOUT_MS, 'browser step').finally(() => sampler.stop());
  return { ...result, ...sampler.stop() };
}

const memoryNote = (s: RssSample) => `peak ${round(s.peakMiB)} MiB, ${round(s.startMiB)} MiB before, ${s.processes} processes`;
const mainThreadNote = (m: MainThread) =>
  `${m.longTasks} long tasks, longest ${round(m.longTaskMaxMs)} ms, ${round(m.longTaskTotalMs)} ms in all; longest timer delay ${round(m.maxTimerGapMs)} ms`;

function recordMainThread(key: string, m: MainThread): void {
  record(`longtask_max_${key}_ms`, m.longTaskMaxMs);
  record(`longtask_count_${key}`, m.longTasks);
  record(`longtask_total_${key}_ms`, m.longTaskTotalMs);
  record(`timer_gap_${key}_ms`, m.maxTimerGapMs);
}

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

async function browserRun(server: StaticServer, data: Dataset, run: string): Promise<void> {
  const { id, file, leads } = data;
  await browserStep(`load_${id}_browser`, run, () =>
    withBrowserPage(server, file, async (page, pids) => {
      const load = await sampled(pids, page.evaluate(() => window.ingestBench!.fullLoad()));
      checkRows('browser full load', load.rows, leads);
      record(`load_${id}_browser_ms`, load.ms);
      record(`peak_${id}_browser_mib`, load.peakMiB);
      record(`base_${id}_browser_mib`, load.startMiB);
      recordMainThread(`${id}_browser`, load);
      recordSteps(`${id}_browser`, load.steps);
      const funnel = await withTimeout(page.evaluate(() => window.ingestBench!.funnel()), STEP_TIMEOUT_MS, 'browser funnel');
      record(`funnel_${id}_browser_ms`, funnel.ms);
      funnelResults[`${id}_browser`] = funnel.result;
      return `full load ${round(load.ms)} ms (${memoryNote(load)}; ${mainThreadNote(load)}), funnel ${round(funnel.ms)} ms`;
    }),
  );
  await browserStep(`read_${id}_browser`, run, () =>
    withBrowserPage(server, file, async (page, pids) => {
      const read = await sampled(pids, page.evaluate((encoding) => window.ingestBench!.bareRead(encoding), data.encoding));
      checkRows('browser bare read_csv', read.rows, leads);
      record(`read_${id}_browser_ms`, read.ms);
      record(`peak_read_${id}_browser_mib`, read.peakMiB);
      record(`base_read_${id}_browser_mib`, read.startMiB);
      recordMainThread(`read_${id}_browser`, read);
      return `bare read_csv ${round(read.ms)} ms (${memoryNote(read)}; ${mainThreadNote(read)})`;
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

async function nativeRun(data: Dataset, run: string): Promise<void> {
  const { id, file, leads } = data;
  await withNativeDb(async (native) => {
    const db = timedDb(native);
    let start = performance.now();
    const report = await importCsv(db, nodeInput(file, 'leads'), timedCodec(withScan(nodeCodec), db.steps));
    const loadMs = performance.now() - start;
    checkRows('native full load', report.rowsLoaded, leads);
    record(`load_${id}_native_ms`, loadMs);
    recordSteps(`${id}_native`, sumSteps(db.steps));
    start = performance.now();
    const result = toRows(await native.query(FUNNEL));
    const funnelMs = performance.now() - start;
    record(`funnel_${id}_native_ms`, funnelMs);
    funnelResults[`${id}_native`] = result;
    log(`${run} native: full load ${round(loadMs)} ms, funnel ${round(funnelMs)} ms`);
  });
  // The ETL's own path: its codec has no scan, so every careful step runs (and iconv-lite transcodes a Windows-1252 file whole).
  const etl = `load_${id}_etl`;
  try {
    await withNativeDb(async (db) => {
      const start = performance.now();
      const report = await importCsv(db, nodeInput(file, 'leads'), nodeCodec);
      const ms = performance.now() - start;
      checkRows('native full load with the ETL codec', report.rowsLoaded, leads);
      record(`${etl}_ms`, ms);
      log(`${run} native: full load with the ETL codec ${round(ms)} ms`);
    });
  } catch (e) {
    failures.set(etl, [...(failures.get(etl) ?? []), errorText(e)]);
    log(`${run} native: full load with the ETL codec FAILED: ${errorText(e)}`);
  }
  await withNativeDb(async (db) => {
    const start = performance.now();
    const ref = await db.registerFile('raw-leads.csv', { kind: 'path', path: file });
    const options = data.encoding ? ', encoding = ?' : '';
    await db.query({ sql: `CREATE OR REPLACE TABLE raw AS SELECT * FROM read_csv(?${options})`, params: data.encoding ? [ref, data.encoding] : [ref] });
    const ms = performance.now() - start;
    checkRows('native bare read_csv', Number(toRows(await db.query({ sql: 'SELECT count(*)::BIGINT AS n FROM raw', params: [] }))[0]?.n), leads);
    record(`read_${id}_native_ms`, ms);
    log(`${run} native: bare read_csv ${round(ms)} ms`);
  });
}

/** The funnel must give the same counts on both engines (revenue up to float summation order). */
function funnelsAgree(id: string): string {
  const [b, n] = [funnelResults[`${id}_browser`], funnelResults[`${id}_native`]];
  if (!b || !n) return 'not compared';
  const key = (rows: Record<string, unknown>[]) =>
    JSON.stringify(rows.map((r) => Object.entries(r).map(([k, v]) => (k === 'revenue' ? round(Number(v), 0) : v))));
  return key(b) === key(n) ? `identical (${b.length} media)` : 'DIFFERENT between engines';
}

// ---------------------------------------------------------------- report

const fmt = (v: number | null, unit = '') => (v === null ? 'n/a' : `${round(v).toLocaleString('en-US')}${unit}`);
const runsOf = (key: string) => (samples.get(key) ?? []).map((v) => round(v).toString()).join(' / ') || 'n/a';

/** Median milliseconds per import step, browser beside native, in the order the import runs them. */
function stepsTable(id: string): string {
  const [b, n] = [stepSamples.get(`${id}_browser`), stepSamples.get(`${id}_native`)];
  if (!b && !n) return '';
  const names = [...new Set([...(b?.keys() ?? []), ...(n?.keys() ?? [])])];
  const med = (m: Map<string, number[]> | undefined, step: string) => (m?.get(step)?.length ? median(m.get(step)!) : null);
  const rows = names.map((step) => [step, fmt(med(b, step)), fmt(med(n, step)), (b?.get(step) ?? []).map((v) => round(v).toString()).join(' / ')]);
  return `\nimport steps of ${id} (median ms):\n${table(['step', 'browser', 'native', 'browser runs'], rows)}`;
}

function datasetTable(data: Dataset): string {
  const { id, leads, file } = data;
  const rows: string[][] = [];
  for (const [label, op] of [
    ['full app load (ms)', 'load'],
    ['bare read_csv (ms)', 'read'],
    ['funnel query (ms)', 'funnel'],
  ] as const) {
    const [b, n] = [medianOf(`${op}_${id}_browser_ms`), medianOf(`${op}_${id}_native_ms`)];
    const failed = failures.get(`${op === 'funnel' ? 'load' : op}_${id}_browser`)?.length ?? 0;
    const browser = failed === 0 ? fmt(b) : b === null ? 'FAILED' : `${fmt(b)} (${failed} failed)`;
    rows.push([label, browser, fmt(n), ratio(b, n)?.toFixed(2) ?? 'n/a', runsOf(`${op}_${id}_browser_ms`), runsOf(`${op}_${id}_native_ms`)]);
  }
  const etlFailed = failures.get(`load_${id}_etl`)?.length ?? 0;
  rows.push(['full load, ETL codec (ms)', '', etlFailed ? `FAILED (${etlFailed})` : fmt(medianOf(`load_${id}_etl_ms`)), '', '', runsOf(`load_${id}_etl_ms`)]);
  for (const [label, key] of [
    ['longest long task, full load (ms)', `longtask_max_${id}_browser_ms`],
    ['long tasks, full load', `longtask_count_${id}_browser`],
    ['longest timer delay, full load (ms)', `timer_gap_${id}_browser_ms`],
    ['longest long task, bare read (ms)', `longtask_max_read_${id}_browser_ms`],
    ['RSS before full load (MiB)', `base_${id}_browser_mib`],
    ['peak RSS, full load (MiB)', `peak_${id}_browser_mib`],
    ['RSS before bare read (MiB)', `base_read_${id}_browser_mib`],
    ['peak RSS, bare read (MiB)', `peak_read_${id}_browser_mib`],
  ] as const) {
    rows.push([label, fmt(medianOf(key)), '', '', runsOf(key), '']);
  }
  const loadOverRead = ratio(medianOf(`load_${id}_browser_ms`), medianOf(`read_${id}_browser_ms`));
  const loadOverNativeRead = ratio(medianOf(`load_${id}_browser_ms`), medianOf(`read_${id}_native_ms`));
  const mib = round(statSync(file).size / 2 ** 20);
  const encoding = data.encoding ? `; bare reads with encoding = '${data.encoding}'` : '';
  return [
    `\n${id}: ${leads.toLocaleString('en-US')} leads, ${data.style} export, ${mib} MiB (${path.relative(REPO, file)}), medians of ${runs} run(s)${encoding}`,
    table(['', 'browser', 'native', 'browser/native', 'browser runs', 'native runs'], rows),
    `full load / bare read_csv in the browser: ${loadOverRead?.toFixed(2) ?? 'n/a'}; browser full load / native bare read_csv: ${loadOverNativeRead?.toFixed(2) ?? 'n/a'}; funnel results: ${funnelsAgree(id)}`,
    ...[...failures]
      .filter(([step]) => step.endsWith(`_${id}_browser`) || step === `load_${id}_etl`)
      .map(([step, errors]) => `ERROR ${step} (${errors.length} of ${runs} runs): ${[...new Set(errors)].join(' | ')}`),
    stepsTable(id),
  ].join('\n');
}

function summary(datasets: readonly Dataset[]): Results {
  const out: Results = {};
  const m = (key: string) => {
    const v = medianOf(key);
    return v === null ? null : round(v);
  };
  for (const { id } of datasets) {
    out[`load_${id}_browser_ms`] = m(`load_${id}_browser_ms`);
    out[`load_${id}_native_ms`] = m(`load_${id}_native_ms`);
    out[`load_${id}_etl_ms`] = m(`load_${id}_etl_ms`);
    out[`ratio_load_${id}`] = ratio(medianOf(`load_${id}_browser_ms`), medianOf(`load_${id}_native_ms`));
    out[`read_${id}_browser_ms`] = m(`read_${id}_browser_ms`);
    out[`read_${id}_native_ms`] = m(`read_${id}_native_ms`);
    out[`ratio_read_${id}`] = ratio(medianOf(`read_${id}_browser_ms`), medianOf(`read_${id}_native_ms`));
    out[`funnel_${id}_browser_ms`] = m(`funnel_${id}_browser_ms`);
    out[`funnel_${id}_native_ms`] = m(`funnel_${id}_native_ms`);
    out[`ratio_funnel_${id}`] = ratio(medianOf(`funnel_${id}_browser_ms`), medianOf(`funnel_${id}_native_ms`));
    out[`load_over_read_${id}_browser`] = ratio(medianOf(`load_${id}_browser_ms`), medianOf(`read_${id}_browser_ms`));
    out[`load_over_native_read_${id}`] = ratio(medianOf(`load_${id}_browser_ms`), medianOf(`read_${id}_native_ms`));
    out[`longtask_max_${id}_browser_ms`] = m(`longtask_max_${id}_browser_ms`);
    out[`longtask_count_${id}_browser`] = m(`longtask_count_${id}_browser`);
    out[`peak_${id}_browser_mib`] = m(`peak_${id}_browser_mib`);
    out[`peak_read_${id}_browser_mib`] = m(`peak_read_${id}_browser_mib`);
    out[`rss_before_${id}_browser_mib`] = m(`base_${id}_browser_mib`);
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
const datasets: Dataset[] = [];
for (const size of sizes) for (const style of styles) datasets.push(await dataset(size, style));

log('building the bench page with Vite');
const page = await buildPage(path.join(import.meta.dirname, 'page'));
assertEmitted(page, [/duckdb-eh.*\.wasm$/, /duckdb-browser-eh\.worker.*\.js$/]);
const server = await serveStatic(page.outDir);
log(`serving ${page.outDir} at ${server.origin} (COOP/COEP)`);

try {
  for (const data of datasets) {
    for (let r = 1; r <= runs; r++) {
      const run = `[${data.id} run ${r}/${runs}]`;
      await browserRun(server, data, run);
      await nativeRun(data, run);
    }
    console.log(datasetTable(data));
  }
} finally {
  await server.close();
  rmSync(page.outDir, { recursive: true, force: true });
}

console.log(`\nbrowser: ${engines.browser}, threads in effect: ${engines.browserThreads}\nnative:  ${engines.native} (2 threads)`);
const results = summary(datasets);
// A diagnostic run with overridden browser threads must not overwrite the benchmark's own result.
const resultName = browserThreads === undefined ? 'ingest' : `ingest-browser-threads-${browserThreads}`;
log(`results written to ${path.relative(REPO, writeResults(resultName, results))}`);
console.log(resultLine('ingest', results));
