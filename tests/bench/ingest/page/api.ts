/** What the ingest bench page exposes on `window.ingestBench`; shared by the page and the harness. */
import type { StepTiming } from '../../shared/timedDb';

export interface Timed {
  readonly ms: number;
  readonly rows: number;
}

/** Main-thread blocking seen while a step ran. */
export interface MainThread {
  /** PerformanceObserver 'longtask' entries (tasks over 50 ms): how many, the longest and their sum. */
  readonly longTasks: number;
  readonly longTaskMaxMs: number;
  readonly longTaskTotalMs: number;
  /** Cross-check: the longest gap between the ticks of a 10 ms timer, less the 10 ms. */
  readonly maxTimerGapMs: number;
}

export interface IngestBenchApi {
  /**
   * Opens the app's duckdb-wasm adapter; `engine` names the bundle and the threads the adapter chose.
   * `threads` overrides that choice (SET threads) for diagnosis; the result says what is in effect.
   */
  open(threads?: number): Promise<{ engine: string; threads: number; crossOriginIsolated: boolean; cores: number }>;
  /** The app's own import: importCsv of the file on the input as `leads`, with per-statement timings. */
  fullLoad(): Promise<Timed & MainThread & { rejected: number; steps: StepTiming[] }>;
  /**
   * Reference: a bare CREATE TABLE … AS SELECT * FROM read_csv(?) of the same file (sniffed by
   * DuckDB), with `encoding` passed on when given (latin-1 for a Windows-1252 file).
   */
  bareRead(encoding?: string): Promise<Timed & MainThread>;
  /** The Overview's funnel query grouped by medium; rows = result rows, plus the result itself. */
  funnel(): Promise<Timed & { result: Record<string, unknown>[] }>;
}

declare global {
  interface Window {
    ingestBench?: IngestBenchApi;
  }
}
