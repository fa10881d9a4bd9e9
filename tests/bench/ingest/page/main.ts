import { toRows } from '../../../../src/db/arrowRows';
import type { Db } from '../../../../src/db/types';
import { openBrowserDb } from '../../../../src/db/wasmBrowser';
import { DEFAULT_PIPELINE } from '../../../../src/domain/pipeline';
import { importCsv } from '../../../../src/services/importCsv';
import { browserCodec, fileInput } from '../../../../src/ui/data/browserCodec';
import { funnelKpisSql } from '../../../../src/sql/overview';
import { sumSteps, timedCodec, timedDb } from '../../shared/timedDb';
import type { IngestBenchApi, MainThread } from './api';

let db: Db | null = null;

function openDb(): Db {
  if (!db) throw new Error('call open() first');
  return db;
}

function inputFile(): File {
  const file = document.querySelector<HTMLInputElement>('#file')?.files?.[0];
  if (!file) throw new Error('no file on the input');
  return file;
}

async function count(table: string): Promise<number> {
  return Number(toRows(await openDb().query({ sql: `SELECT count(*)::BIGINT AS n FROM ${table}`, params: [] }))[0]?.n ?? 0);
}

/**
 * Watches the main thread while `work` runs: long tasks (PerformanceObserver 'longtask', tasks over
 * 50 ms) and, as a cross-check, the longest late tick of a 10 ms timer.
 */
async function watchMainThread<T>(work: () => Promise<T>): Promise<T & MainThread> {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  let maxGap = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last - 10);
    last = now;
  }, 10);
  try {
    const result = await work();
    // Long-task entries are delivered after the task: let the last ones arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    return {
      ...result,
      longTasks: durations.length,
      longTaskMaxMs: Math.max(0, ...durations),
      longTaskTotalMs: durations.reduce((a, b) => a + b, 0),
      maxTimerGapMs: Math.max(0, maxGap),
    };
  } finally {
    clearInterval(timer);
    for (const entry of observer.takeRecords()) durations.push(entry.duration);
    observer.disconnect();
  }
}

/** Errors reach the harness as text only: keep the name, the message and where it was thrown. */
function describe(e: unknown): Error {
  if (!(e instanceof Error)) return new Error(`thrown: ${String(e)}`);
  const where = e.stack?.split('\n').find((line) => line.trim().startsWith('at '))?.trim();
  return new Error(`${e.name}: ${e.message || '(no message)'}${where ? ` (${where})` : ''}`);
}

function guarded<A extends unknown[], R>(run: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await run(...args);
    } catch (e) {
      throw describe(e);
    }
  };
}

const api: IngestBenchApi = {
  async open(threads) {
    db = await openBrowserDb();
    if (threads !== undefined) await db.query({ sql: `SET threads = ${Math.max(1, Math.floor(threads))}`, params: [] });
    const setting = toRows(await db.query({ sql: "SELECT current_setting('threads')::INTEGER AS n", params: [] }))[0]?.n;
    return { engine: db.engine, threads: Number(setting), crossOriginIsolated: self.crossOriginIsolated, cores: navigator.hardwareConcurrency };
  },

  async fullLoad() {
    const file = inputFile();
    const timed = timedDb(openDb());
    const codec = timedCodec(browserCodec, timed.steps);
    return watchMainThread(async () => {
      const start = performance.now();
      // As the Import page does: with progress and a cancel signal, so the load is a sent, pollable query.
      const progress = { signal: new AbortController().signal, onProgress: () => undefined };
      const report = await importCsv(timed, await fileInput(file, 'leads'), codec, progress);
      return { ms: performance.now() - start, rows: report.rowsLoaded, rejected: report.rowsRejected, steps: sumSteps(timed.steps) };
    });
  },

  async bareRead(encoding) {
    const file = inputFile();
    const name = `raw-${file.name}`;
    return watchMainThread(async () => {
      const start = performance.now();
      const ref = await openDb().registerFile(name, { kind: 'browser-file', file });
      try {
        const options = encoding ? ', encoding = ?' : '';
        await openDb().query({ sql: `CREATE OR REPLACE TABLE raw AS SELECT * FROM read_csv(?${options})`, params: encoding ? [ref, encoding] : [ref] });
      } finally {
        await openDb().unregisterFile(name);
      }
      const ms = performance.now() - start;
      return { ms, rows: await count('raw') };
    });
  },

  async funnel() {
    const start = performance.now();
    const result = toRows(await openDb().query(funnelKpisSql({ pipeline: DEFAULT_PIPELINE, groupByMedium: true })));
    return { ms: performance.now() - start, rows: result.length, result };
  },
};

window.ingestBench = {
  open: guarded(api.open),
  fullLoad: guarded(api.fullLoad),
  bareRead: guarded(api.bareRead),
  funnel: guarded(api.funnel),
};
