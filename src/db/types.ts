import type { Table } from 'apache-arrow';
import type { SqlQuery } from '../domain/sqlQuery';
import type { Turn } from './serialTurns';

/** What a data file can be handed to an engine as. Each adapter accepts the kinds it can read. */
export type FileSource =
  | { readonly kind: 'browser-file'; readonly file: File }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'path'; readonly path: string };

/** For long statements (an import's load): cancel it, and hear how far it got (0…1). */
export interface QueryOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number) => void;
  /** Runs the call inside this turn of `Db.exclusive` (it would otherwise wait for the turn to end). */
  readonly turn?: Turn;
}

/**
 * The one interface through which the app, the ETL and the tests talk to DuckDB.
 * Values always travel as bound parameters; results always come back as Arrow.
 */
export interface Db {
  /** e.g. "duckdb-wasm v1.4.3 (eh)" — shown in the UI and logged by the benchmarks. */
  readonly engine: string;
  /** Adapters that cannot cancel or report progress still honour an abort that came before the start. */
  query(query: SqlQuery, options?: QueryOptions): Promise<Table>;
  /**
   * Runs `work` with the engine's connection to itself: no other caller's statement runs until it
   * settles. Its own statements pass `{ turn }` to `query`. For statements that must not be
   * interleaved with anyone else's, such as a transaction.
   */
  exclusive<T>(work: (turn: Turn) => Promise<T>): Promise<T>;
  /**
   * Makes a file readable by SQL and returns the name to pass to read_csv (bound, never pasted).
   * The browser adapter registers a file handle without copying it into wasm memory.
   */
  registerFile(name: string, source: FileSource): Promise<string>;
  unregisterFile(name: string): Promise<void>;
  dropTable(table: string): Promise<void>;
  /**
   * Replaces a table with the rows of an uncompressed Arrow IPC *stream* (the file format silently
   * breaks duckdb-wasm). Native DuckDB cannot read Arrow IPC: its adapter appends the rows one by
   * one, for small results only (and a few column types).
   */
  insertArrowStream?(table: string, ipcStream: Uint8Array, options?: { readonly append?: boolean }): Promise<void>;
  /**
   * A query's rows as the bytes of an Arrow IPC stream, chunk by chunk as the engine sends them,
   * undecoded: for storing a large result (the browser's snapshot). Only the wasm adapters have it.
   */
  queryIpcStream?(query: SqlQuery): AsyncIterable<Uint8Array>;
  /**
   * A query's whole result as the bytes of one Arrow IPC stream, undecoded: for handing a large
   * result to JavaScript in Node (the duplicate scan). Native DuckDB's adapter makes it by way of a
   * Parquet file; the browser streams instead (queryIpcStream).
   */
  queryIpc?(query: SqlQuery): Promise<Uint8Array>;
  /** Browser only: called once if the engine's worker crashes (every pending and later call then rejects). */
  onCrash?(listener: (error: Error) => void): void;
  close(): Promise<void>;
}
