/** What the ingest bench page exposes on `window.ingestBench`; shared by the page and the harness. */
export interface Timed {
  readonly ms: number;
  readonly rows: number;
}

export interface IngestBenchApi {
  /**
   * Opens the app's duckdb-wasm adapter; `engine` names the bundle and the threads the adapter chose.
   * `threads` overrides that choice (SET threads) for diagnosis; the result says what is in effect.
   */
  open(threads?: number): Promise<{ engine: string; threads: number; crossOriginIsolated: boolean; cores: number }>;
  /** The app's own import: importCsv of the file on the input as `leads`. */
  fullLoad(): Promise<Timed>;
  /** Reference: a bare CREATE TABLE … AS SELECT * FROM read_csv(?) of the same file. */
  bareRead(): Promise<Timed>;
  /** The Overview's funnel query grouped by medium; rows = result rows, plus the result itself. */
  funnel(): Promise<Timed & { result: Record<string, unknown>[] }>;
}

declare global {
  interface Window {
    ingestBench?: IngestBenchApi;
  }
}
