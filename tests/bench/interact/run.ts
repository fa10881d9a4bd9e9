/**
 * npm run bench:interact [-- --sizes 1m,5m --changes 32 --pages 10 --pause 250 --data data-samples/large]
 * The Funnel page under interaction, in the real app (built with --mode bench) in headless Chromium:
 * the leads export is imported through the Import page, then the user changes filters from four
 * sources in turn — a month range brushed on the trend, a medium clicked on the split chart, a
 * channel ticked (later removed by its chip's ×), an owner ticked (later unticked) — and per change:
 *   query  = from the pointer release until the last view has its data ('leadloop:query'
 *            measures: the coordinator's SQL queries and the answers from the in-memory cube),
 *            with the engine's busy time (union of uncached SQL queries) and the cube's compute time;
 *   render = until every view is ready again and every chart has drawn its new option;
 *   long tasks during the change; per view, when its data arrived.
 * Also the cube build after the import (the app's timings.cubes), the explorer's Next page, and as
 * baseline the same page's queries as plain GROUP BYs on the raw table, timed one by one in the
 * page's engine for the same filter states. Then the Media & campaigns page: the sample's campaigns
 * and campaign responses are imported too, the page is opened (its cells built on this first
 * visit), and the user ticks a channel, an owner, and selects a medium in its table, in turn; per
 * change the same query/render/long-task figures (render: every view ready, no view or chart
 * changing for 300 ms, counted to the last change).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import type { SqlQuery } from '../../../src/domain/sqlQuery';
import { openApp, upload } from '../../e2e/harness';
import { launchChromium } from '../../support/chromium';
import { serveStatic } from '../../support/staticServer';
import { startCpuProfile } from '../shared/cpuProfile';
import { resultLine, table, writeResults, type Results } from '../shared/results';
import { median, percentile, round } from '../shared/stats';
import { brushMonths, clickMedium, closePickers, hasChip, removeChip, tickValue, type Source } from './actions';
import { funnelPageQueries } from './pageQueries';

const REPO = path.resolve(import.meta.dirname, '../../..');
const VIEWS = ['funnel', 'split', 'cohorts', 'trend', 'velocity'] as const;
const TARGETS = { queryMedian: 20, renderMedian: 60, renderP95: 150, longTask: 100, explorerPage: 50 };

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1m,5m' },
    changes: { type: 'string', default: '32' },
    /** Next-page clicks in the explorer. */
    pages: { type: 'string', default: '10' },
    /** Idle time between changes, as a user reads the result (long tasks of one change stay its own). */
    pause: { type: 'string', default: '250' },
    data: { type: 'string', default: path.join(REPO, 'data-samples/large') },
    /**
     * Records a CPU profile of the changes: tests/bench/results/interact-<size>.cpuprofile, top self
     * times logged. The app is then built unminified, so the profile names the app's functions.
     */
    profile: { type: 'boolean', default: false },
    /** The Media & campaigns page's phase (--no-media skips it). */
    media: { type: 'boolean', default: true },
  },
});
const sizes = args.sizes.split(',').map((s) => s.trim());
const changes = Number(args.changes);
const pages = Number(args.pages);
const pause = Number(args.pause);
if (!(changes >= 8)) throw new Error('--changes must be at least 8 (one round of every source on and off)');

const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
const ms = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : String(round(v, 1)));

// ---------------------------------------------------------------- page side

declare global {
  interface Window {
    __interactBench?: {
      arm(kind: 'settle' | 'views' | 'explorerPage', page?: number): void;
      wait(timeoutMs: number): Promise<{ at: number; t0: number; readyAt?: Record<string, number>; chartAt?: Record<string, number>; heapBefore: number | null; heapAfter: number | null }>;
      queriesSince(t0: number): { start: number; end: number; cached: boolean; cube: boolean }[];
      longTasks(from: number, to: number): { start: number; duration: number }[];
      now(): number;
    };
    __leadloopBench?: { query(query: SqlQuery): Promise<{ ms: number; rows: number }> };
  }
}

/** Runs an action between arming the page's watch and waiting for it; returns its timings (page clock). */
async function measured(page: Page, kind: 'settle' | 'views' | 'explorerPage', action: () => Promise<unknown>, arg?: number, timeoutMs = 120_000) {
  await page.evaluate(([k, a]) => window.__interactBench!.arm(k, a), [kind, arg] as const);
  await action();
  const result = await page.evaluate((t) => window.__interactBench!.wait(t), timeoutMs);
  if (result.t0 < 0) throw new Error('no pointer release seen: the action did not reach the page');
  return result;
}

/** The length of the union of intervals: time the engine had at least one query to answer. */
function busyTime(intervals: readonly { start: number; end: number }[]): number {
  let total = 0;
  let reach = -Infinity;
  for (const { start, end } of [...intervals].sort((a, b) => a.start - b.start)) {
    if (end <= reach) continue;
    total += end - Math.max(start, reach);
    reach = end;
  }
  return total;
}

// ---------------------------------------------------------------- one change

interface Change {
  readonly source: Source | MediaSource;
  readonly what: string;
  readonly hash: string;
  readonly queryMs: number;
  readonly renderMs: number;
  readonly busyMs: number;
  readonly sumMs: number;
  /** Main-thread time of the views answered from the in-memory cube, and how many were. */
  readonly cubeMs: number;
  readonly fromCube: number;
  readonly queries: number;
  readonly uncached: number;
  readonly longTaskMs: number;
  readonly viewMs: Partial<Record<string, number>>;
  /** Per chart: when it had drawn the change. */
  readonly chartMs: Partial<Record<string, number>>;
  /** The page's JS heap before and after the change (MB). */
  readonly heapMb: readonly [number | null, number | null];
}

/** The change number `step`: sources alternate; each is turned on in the first half of a round of 8, off in the second. */
async function change(page: Page, step: number, months: number): Promise<{ source: Source; what: string; run: () => Promise<unknown> }> {
  const round8 = Math.floor(step / 8);
  const on = step % 8 < 4;
  switch (step % 4) {
    case 0: {
      if (!on && round8 % 2 === 1 && (await hasChip(page, 'selection-trend'))) return { source: 'brush', what: '× trend selection', run: () => removeChip(page, 'selection-trend') };
      const span = 1 + (step % 3); // 2–4 months
      const first = (step * 5) % Math.max(1, months - span);
      return { source: 'brush', what: `brush months ${first}–${first + span} of ${months}`, run: () => brushMonths(page, months, first, first + span) };
    }
    case 1:
      return { source: 'medium', what: 'medium bar', run: () => clickMedium(page, round8) };
    case 2:
      if (!on && (await hasChip(page, 'channel'))) return { source: 'channel', what: '× channel chip', run: () => removeChip(page, 'channel') };
      return { source: 'channel', what: 'channel tick', run: () => tickValue(page, 'channel', round8) };
    default:
      return { source: 'owner', what: 'owner tick', run: () => tickValue(page, 'owner', round8 * 7) };
  }
}

async function measureChange(page: Page, next: { source: Source | MediaSource; what: string; run: () => Promise<unknown> }, kind: 'settle' | 'views' = 'settle'): Promise<Change> {
  const { source, what, run } = next;
  let did = what;
  const r = await measured(page, kind, async () => {
    const detail = await run();
    if (typeof detail === 'string') did = `${what}: ${detail}`;
  });
  const queries = await page.evaluate((t0) => window.__interactBench!.queriesSince(t0), r.t0);
  const longTasks = await page.evaluate(([from, to]) => window.__interactBench!.longTasks(from, to), [r.t0, r.at] as const);
  const hash = await page.evaluate(() => location.hash);
  await closePickers(page);
  const uncached = queries.filter((q) => !q.cached && !q.cube);
  const cube = queries.filter((q) => q.cube);
  const viewMs: Partial<Record<string, number>> = {};
  for (const [view, at] of Object.entries(r.readyAt ?? {})) viewMs[view] = at - r.t0;
  const chartMs: Partial<Record<string, number>> = {};
  for (const [chart, at] of Object.entries(r.chartAt ?? {})) chartMs[chart.replace('chart-', '')] = at - r.t0;
  return {
    source,
    what: did,
    hash,
    queryMs: queries.length ? Math.max(...queries.map((q) => q.end)) - r.t0 : Number.NaN,
    renderMs: r.at - r.t0,
    busyMs: busyTime(uncached),
    sumMs: uncached.reduce((s, q) => s + q.end - q.start, 0),
    cubeMs: cube.reduce((s, q) => s + q.end - q.start, 0),
    fromCube: cube.length,
    queries: queries.length,
    uncached: uncached.length,
    longTaskMs: Math.max(0, ...longTasks.map((t) => t.duration)),
    viewMs,
    chartMs,
    heapMb: [r.heapBefore, r.heapAfter],
  };
}

// ---------------------------------------------------------------- one size

interface SizeRun {
  readonly id: string;
  readonly importMs: number;
  readonly cubesMs: number | null;
  readonly changes: Change[];
  readonly failed: string[];
  readonly baseline: Awaited<ReturnType<typeof timeQueries>>[];
  readonly explorerPages: number[];
  readonly explorerLongTaskMs: number;
  readonly longTaskAllMs: number;
  readonly media: MediaRun | null;
}

/** The Media & campaigns page's phase: its cells' build on the first visit, then filter changes. */
interface MediaRun {
  readonly extraImportMs: number;
  readonly cellsMs: number;
  readonly changes: Change[];
  readonly failed: string[];
}

type MediaSource = 'media-channel' | 'media-owner' | 'media-select';
const MEDIA_VIEWS = ['media', 'campaigns', 'monthly', 'attribution'] as const;

/** The Media page's change number `step`: a channel ticked or unticked, an owner likewise, a medium selected in the table or cleared. */
async function mediaChange(page: Page, step: number): Promise<{ source: MediaSource; what: string; run: () => Promise<unknown> }> {
  const round3 = Math.floor(step / 3);
  switch (step % 3) {
    case 0:
      return { source: 'media-channel', what: 'channel tick', run: () => tickValue(page, 'channel', round3) };
    case 1:
      return { source: 'media-owner', what: 'owner tick', run: () => tickValue(page, 'owner', round3 * 7) };
    default:
      return {
        source: 'media-select',
        what: 'medium in the table',
        run: async () => {
          const buttons = page.locator('[data-testid="media-figures"] tbody button[aria-pressed]');
          const pressed = page.locator('[data-testid="media-figures"] tbody button[aria-pressed="true"]');
          const target = (await pressed.count()) > 0 ? pressed.first() : buttons.nth(round3 % Math.max(1, await buttons.count()));
          const name = (await target.textContent()) ?? '';
          await target.click();
          return `${(await pressed.count()) > 0 ? 'off' : 'on'} ${name.trim()}`;
        },
      };
  }
}

async function runMedia(page: Page, id: string, files: readonly string[]): Promise<MediaRun> {
  await page.evaluate(() => (location.hash = '#/import'));
  await page.waitForSelector('[data-testid="file-input"]', { state: 'attached' });
  let start = Date.now();
  // A new batch's reports replace the leads import's one: as many as files.
  await upload(page, files, files.length);
  const extraImportMs = Date.now() - start;
  log(`${id}: imported ${files.map((f) => path.basename(f)).join(', ')} in ${extraImportMs} ms`);
  await page.waitForSelector('[data-testid="loaded-data"][data-storage="saved"], [data-testid="loaded-data"][data-storage="failed"]', { timeout: 600_000 });
  start = Date.now();
  await page.evaluate(() => (location.hash = '#/media'));
  await page.waitForSelector('[data-testid="media-page"][data-cells="ready"]', { timeout: 600_000 });
  const cellsMs = Date.now() - start;
  await page.waitForFunction((n) => [...document.querySelectorAll('[data-view]')].filter((v) => v.getAttribute('data-ready') === 'true').length === n, MEDIA_VIEWS.length, { timeout: 300_000 });
  log(`${id}: media page with its cells after ${cellsMs} ms`);
  const done: Change[] = [];
  const failed: string[] = [];
  for (let step = 0; step < changes; step++) {
    try {
      const c = await measureChange(page, await mediaChange(page, step), 'views');
      done.push(c);
      const views = MEDIA_VIEWS.map((v) => `${v} ${ms(c.viewMs[v])}`).join(', ');
      log(`${id} media ${String(step + 1).padStart(2)}/${changes} ${c.source.padEnd(13)} query ${ms(c.queryMs)} ms, render ${ms(c.renderMs)} ms (${c.uncached} SQL, ${c.fromCube} from the cells in ${ms(c.cubeMs)} ms), longest task ${ms(c.longTaskMs)} ms; views ${views} — ${c.what}`);
    } catch (e) {
      failed.push(`${step + 1} ${(e as Error).message.split('\n')[0]}`);
      log(`${id} media ${step + 1}/${changes} FAILED: ${(e as Error).message.split('\n')[0]}`);
      await closePickers(page);
    }
    await page.waitForTimeout(pause);
  }
  return { extraImportMs, cellsMs, changes: done, failed };
}

/** Times the page's queries for a view state one after another in the page's engine (no cache). */
async function timeQueries(page: Page, hash: string) {
  const views: Partial<Record<string, number>> = {};
  const queries: Partial<Record<string, number>> = {};
  let total = 0;
  for (const { view, name, query } of funnelPageQueries(hash)) {
    const { ms: spent } = await page.evaluate((q) => window.__leadloopBench!.query(q), query);
    views[view] = (views[view] ?? 0) + spent;
    queries[name] = spent;
    total += spent;
  }
  return { total, views, queries };
}

/** Query names of funnelPageQueries, in the page's order. */
const QUERY_NAMES = ['funnel', 'split', 'cohorts', 'trend', 'velocity'];

async function allViewsReady(page: Page, timeout = 600_000): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const views = [...document.querySelectorAll('[data-view]')];
      return views.length === n && views.every((v) => v.getAttribute('data-ready') === 'true') && document.querySelector('[data-cubes-ready="true"]') !== null;
    },
    VIEWS.length,
    { timeout },
  );
}

async function runSize(origin: string, id: string): Promise<SizeRun> {
  const file = path.join(args.data, id, 'en/leads.csv');
  const chrome = await launchChromium();
  try {
    await chrome.context.addInitScript({ path: path.join(import.meta.dirname, 'monitor.js') });
    const { page, errors } = await openApp(chrome, origin, '#/import');
    log(`${id}: crossOriginIsolated=${await page.evaluate(() => crossOriginIsolated)}, engine: ${await page.textContent('[data-timings]')}`);
    let start = Date.now();
    await upload(page, [file], 1);
    const importMs = Date.now() - start;
    if (await page.$('[data-testid="import-error"]')) throw new Error(`import failed: ${await page.textContent('[data-testid="import-error"]')}`);
    log(`${id}: imported ${path.relative(REPO, file)} in ${importMs} ms; waiting for the browser copy (OPFS) and the cubes`);
    // The copy into the browser's storage runs on the same engine: measuring beside it would time it too.
    await page.waitForSelector('[data-testid="loaded-data"][data-storage="saved"], [data-testid="loaded-data"][data-storage="failed"]', { timeout: 600_000 });
    log(`${id}: storage ${await page.getAttribute('[data-testid="loaded-data"]', 'data-storage')} after ${Date.now() - start} ms`);
    await page.evaluate(() => (location.hash = '#/funnel'));
    await allViewsReady(page);
    const timings = JSON.parse((await page.getAttribute('[data-timings]', 'data-timings')) ?? '{}') as Record<string, number>;
    const cubesMs = timings.cubes ?? null;
    const months = (await page.evaluate(() => window.__leadloopBench!.query({ sql: "SELECT DISTINCT date_trunc('month', created_at) FROM leads", params: [] }))).rows;
    log(`${id}: funnel page ready, cubes built in ${cubesMs} ms (app's timing), ${months} months of leads`);

    const phaseStart = await page.evaluate(() => window.__interactBench!.now());
    const profiler = args.profile ? await startCpuProfile(page) : null;
    const done: Change[] = [];
    const failed: string[] = [];
    for (let step = 0; step < changes; step++) {
      try {
        const c = await measureChange(page, await change(page, step, months));
        done.push(c);
        const views = VIEWS.map((v) => `${v} ${ms(c.viewMs[v])}`).join(', ');
        const charts = Object.entries(c.chartMs).map(([name, at]) => `${name} ${ms(at)}`).join(', ');
        log(`${id} ${String(step + 1).padStart(2)}/${changes} ${c.source.padEnd(7)} query ${ms(c.queryMs)} ms, render ${ms(c.renderMs)} ms, engine busy ${ms(c.busyMs)} ms (${c.uncached} SQL, ${c.fromCube} from the cube in ${ms(c.cubeMs)} ms, of ${c.queries}), longest task ${ms(c.longTaskMs)} ms, heap ${c.heapMb[0]}→${c.heapMb[1]} MB; views ready: ${views}; charts drawn: ${charts} — ${c.what}`);
      } catch (e) {
        failed.push(`${step + 1} ${(e as Error).message.split('\n')[0]}`);
        log(`${id} ${step + 1}/${changes} FAILED: ${(e as Error).message.split('\n')[0]}`);
        await closePickers(page);
        await allViewsReady(page, 120_000).catch(() => undefined);
      }
      await page.waitForTimeout(pause);
    }
    const phaseEnd = await page.evaluate(() => window.__interactBench!.now());
    if (profiler) {
      const file = path.join(REPO, `tests/bench/results/interact-${id.replace(/[^\w-]+/g, "") || "sample"}.cpuprofile`);
      const top = await profiler.stop(file);
      log(`${id}: CPU profile of the changes in ${path.relative(REPO, file)}; most self time (excluding idle):\n${top.join('\n')}`);
    }
    const allTasks = await page.evaluate(([f, t]) => window.__interactBench!.longTasks(f, t), [phaseStart, phaseEnd] as const);

    // Explorer: all filters off, then the leads behind the first stage's figure, page after page.
    if (await page.$('[data-testid="clear-filters"]')) await measured(page, 'settle', () => page.click('[data-testid="clear-filters"]'));
    await page.click('[data-testid="funnel-table"] tbody tr:first-child button.figure');
    await page.waitForSelector('[data-testid="explorer-table"][aria-busy="false"] tbody tr', { timeout: 300_000 });
    const explorerPages: number[] = [];
    const explorerStart = await page.evaluate(() => window.__interactBench!.now());
    for (let p = 2; p <= pages + 1; p++) {
      const r = await measured(page, 'explorerPage', () => page.click('[data-testid="explorer-next"]'), p, 60_000);
      explorerPages.push(r.at - r.t0);
      await page.waitForTimeout(pause);
    }
    const explorerEnd = await page.evaluate(() => window.__interactBench!.now());
    const explorerTasks = await page.evaluate(([f, t]) => window.__interactBench!.longTasks(f, t), [explorerStart, explorerEnd] as const);
    log(`${id}: explorer next page ${explorerPages.map((v) => ms(v)).join(', ')} ms`);
    await page.click('[data-testid="explorer-close"]');

    // Baseline: the same filter states' queries on the raw table, past the cache.
    const baseline: SizeRun['baseline'] = [];
    start = Date.now();
    for (const c of done) baseline.push(await timeQueries(page, c.hash));
    log(`${id}: baseline of ${done.length} states timed in ${Date.now() - start} ms`);

    // The Media page, with the campaigns and campaign responses of the same sample.
    if (await page.$('[data-testid="clear-filters"]')) await page.click('[data-testid="clear-filters"]');
    const mediaFiles = ['campaigns', 'touches'].map((kind) => path.join(args.data, id, `en/${kind}.csv`)).filter((f) => existsSync(f));
    const media = args.media
      ? await runMedia(page, id, mediaFiles).catch((e: unknown) => {
          log(`${id}: media phase FAILED: ${(e as Error).message.split('\n')[0]}`);
          return null;
        })
      : null;
    if (errors.length) log(`${id}: page errors: ${[...new Set(errors)].slice(0, 3).join(' | ')}`);
    return {
      id,
      importMs,
      cubesMs,
      changes: done,
      failed,
      baseline,
      explorerPages,
      explorerLongTaskMs: Math.max(0, ...explorerTasks.map((t) => t.duration)),
      longTaskAllMs: Math.max(0, ...allTasks.map((t) => t.duration)),
      media,
    };
  } finally {
    await chrome.close();
  }
}

// ---------------------------------------------------------------- report

const stat = (values: readonly number[]) => {
  const v = values.filter(Number.isFinite);
  return { median: median(v), p95: percentile(v, 95), max: v.length ? Math.max(...v) : Number.NaN, n: v.length };
};
const verdict = (value: number, target: number) => (!Number.isFinite(value) ? 'n/a' : value <= target ? 'met' : `MISSED by ${round(value - target, 1)} ms`);

function report(run: SizeRun): string {
  const c = run.changes;
  const rows: string[][] = [];
  const line = (name: string, values: readonly number[], target?: string) => {
    const s = stat(values);
    rows.push([name, ms(s.median), ms(s.p95), ms(s.max), String(s.n), target ?? '']);
  };
  const q = stat(c.map((x) => x.queryMs));
  const r = stat(c.map((x) => x.renderMs));
  const lt = Math.max(0, ...c.map((x) => x.longTaskMs));
  const ex = stat(run.explorerPages);
  line('query: action → last view query answered', c.map((x) => x.queryMs), `median ≤ ${TARGETS.queryMedian}: ${verdict(q.median, TARGETS.queryMedian)}`);
  line('render: action → all views ready, charts drawn', c.map((x) => x.renderMs), `median ≤ ${TARGETS.renderMedian}: ${verdict(r.median, TARGETS.renderMedian)}; p95 ≤ ${TARGETS.renderP95}: ${verdict(r.p95, TARGETS.renderP95)}`);
  line('engine busy (union of uncached queries)', c.map((x) => x.busyMs));
  line('engine sum (uncached queries, overlaps summed)', c.map((x) => x.sumMs));
  line('cube: compute of the views answered in memory', c.map((x) => x.cubeMs));
  for (const v of VIEWS) line(`  ${v} view: action → its data`, c.map((x) => x.viewMs[v] ?? Number.NaN));
  for (const s of ['brush', 'medium', 'channel', 'owner'] as const) {
    line(`  ${s}: query`, c.filter((x) => x.source === s).map((x) => x.queryMs));
    line(`  ${s}: render`, c.filter((x) => x.source === s).map((x) => x.renderMs));
  }
  line('longest task per change', c.map((x) => x.longTaskMs), `≤ ${TARGETS.longTask}: ${verdict(lt, TARGETS.longTask)}`);
  line('baseline: raw GROUP BYs, one by one', run.baseline.map((b) => b.total));
  // Per query: a query identical to an earlier view's ran once (as in the page) and counts there.
  for (const n of QUERY_NAMES) line(`  raw ${n}`, run.baseline.map((b) => b.queries[n] ?? Number.NaN));
  line('explorer: Next → new rows shown', run.explorerPages, `median ≤ ${TARGETS.explorerPage}: ${verdict(ex.median, TARGETS.explorerPage)}`);
  const m = run.media;
  const mediaRows: string[][] = [];
  if (m) {
    const mq = stat(m.changes.map((x) => x.queryMs));
    const mr = stat(m.changes.map((x) => x.renderMs));
    const mlt = Math.max(0, ...m.changes.map((x) => x.longTaskMs));
    const mline = (name: string, values: readonly number[], target?: string) => {
      const v = stat(values);
      mediaRows.push([name, ms(v.median), ms(v.p95), ms(v.max), String(v.n), target ?? '']);
    };
    mline('query: action → last view answered', m.changes.map((x) => x.queryMs), `median ≤ ${TARGETS.queryMedian}: ${verdict(mq.median, TARGETS.queryMedian)}`);
    mline('render: action → views ready, charts drawn', m.changes.map((x) => x.renderMs), `median ≤ ${TARGETS.renderMedian}: ${verdict(mr.median, TARGETS.renderMedian)}; p95 ≤ ${TARGETS.renderP95}: ${verdict(mr.p95, TARGETS.renderP95)}`);
    mline('cells: compute of the views answered in memory', m.changes.map((x) => x.cubeMs));
    for (const s of ['media-channel', 'media-owner', 'media-select'] as const) mline(`  ${s}: render`, m.changes.filter((x) => x.source === s).map((x) => x.renderMs));
    mline('longest task per change', m.changes.map((x) => x.longTaskMs), `≤ ${TARGETS.longTask}: ${verdict(mlt, TARGETS.longTask)}`);
  }
  return [
    `\n${run.id}: import ${run.importMs} ms, cubes built in ${ms(run.cubesMs)} ms after it (once per data change); longest task over all changes ${ms(run.longTaskAllMs)} ms, in the explorer ${ms(run.explorerLongTaskMs)} ms`,
    table([`${run.id} (ms)`, 'median', 'p95', 'max', 'n', 'target'], rows),
    ...run.failed.map((f) => `FAILED change ${f}`),
    ...(m
      ? [
          `\n${run.id} Media & campaigns: campaigns and responses imported in ${m.extraImportMs} ms; first visit with its cells built ${m.cellsMs} ms`,
          table([`${run.id} media (ms)`, 'median', 'p95', 'max', 'n', 'target'], mediaRows),
          ...m.failed.map((f) => `FAILED media change ${f}`),
        ]
      : []),
  ].join('\n');
}

function summary(runs: readonly SizeRun[]): Results {
  const out: Results = {};
  const put = (key: string, v: number | null) => (out[key] = v === null || !Number.isFinite(v) ? null : round(v, 1));
  for (const run of runs) {
    const { id } = run;
    const q = stat(run.changes.map((x) => x.queryMs));
    const r = stat(run.changes.map((x) => x.renderMs));
    const b = stat(run.baseline.map((x) => x.total));
    const e = stat(run.explorerPages);
    put(`query_${id}_median_ms`, q.median);
    put(`query_${id}_p95_ms`, q.p95);
    put(`query_${id}_max_ms`, q.max);
    put(`render_${id}_median_ms`, r.median);
    put(`render_${id}_p95_ms`, r.p95);
    put(`render_${id}_max_ms`, r.max);
    put(`busy_${id}_median_ms`, median(run.changes.map((x) => x.busyMs)));
    put(`baseline_${id}_median_ms`, b.median);
    put(`baseline_${id}_p95_ms`, b.p95);
    put(`baseline_${id}_max_ms`, b.max);
    put(`cube_compute_${id}_median_ms`, median(run.changes.map((x) => x.cubeMs)));
    put(`cubes_${id}_ms`, run.cubesMs);
    put(`import_${id}_ms`, run.importMs);
    put(`explorer_page_${id}_median_ms`, e.median);
    put(`explorer_page_${id}_max_ms`, e.max);
    put(`longtask_max_${id}_ms`, Math.max(0, ...run.changes.map((x) => x.longTaskMs)));
    put(`longtask_all_${id}_ms`, run.longTaskAllMs);
    for (const v of VIEWS) put(`view_${v}_${id}_median_ms`, median(run.changes.map((x) => x.viewMs[v]).filter((x): x is number => x !== undefined)));
    out[`changes_${id}`] = run.changes.length;
    out[`failed_${id}`] = run.failed.length;
    if (run.media) {
      const m = run.media;
      put(`media_query_${id}_median_ms`, median(m.changes.map((x) => x.queryMs)));
      put(`media_render_${id}_median_ms`, median(m.changes.map((x) => x.renderMs)));
      put(`media_render_${id}_p95_ms`, percentile(m.changes.map((x) => x.renderMs), 95));
      put(`media_longtask_max_${id}_ms`, Math.max(0, ...m.changes.map((x) => x.longTaskMs)));
      put(`media_cells_${id}_ms`, m.cellsMs);
      out[`media_failed_${id}`] = m.failed.length;
    }
  }
  out.load_average = round(loadavg()[0]!, 2);
  return out;
}

// ---------------------------------------------------------------- main

const [load1] = loadavg();
log(`${cpus().length} cores, load average ${load1!.toFixed(2)}${load1! > 0.5 ? ' — WARNING: the machine is busy, timings will be noisy' : ''}`);
log('building the app with Vite (--mode bench: the page exposes its engine to time the baseline)');
const outDir = mkdtempSync(path.join(tmpdir(), 'leadloop-bench-app-'));
await build({ root: REPO, configFile: path.join(REPO, 'vite.config.ts'), mode: 'bench', logLevel: 'warn', build: { outDir, emptyOutDir: true, minify: !args.profile } });
const server = await serveStatic(outDir);
log(`serving ${outDir} at ${server.origin} (COOP/COEP)`);
const runs: SizeRun[] = [];
try {
  for (const id of sizes) {
    try {
      runs.push(await runSize(server.origin, id));
      console.log(report(runs[runs.length - 1]!));
    } catch (e) {
      log(`${id}: FAILED: ${(e as Error).message.split('\n')[0]}`);
    }
  }
} finally {
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
const results = summary(runs);
log(`results written to ${path.relative(REPO, writeResults('interact', results))}`);
console.log(resultLine('interact', results));
