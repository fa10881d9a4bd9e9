import * as duckdb from '@duckdb/duckdb-wasm';
import { Table, type RecordBatch } from 'apache-arrow';
// The engine's files are bundled and served by the app itself: never a CDN.
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { crashGuard, type CrashGuard } from './crashGuard';
import type { SqlQuery } from '../domain/sqlQuery';
import { toVariableQuery } from './boundVariables';
import { dropTableSql, OFFLINE_SETTINGS } from './ddl';
import { ipcStreamChunks } from './ipcStreamChunks';
import { serialTurns, type Turn } from './serialTurns';
import type { Db, FileSource, QueryOptions } from './types';

/** Sent queries report progress (read_csv: bytes read) from the start; measured every ~0.4 s. */
const PROGRESS_SETTINGS = ['SET enable_progress_bar = true', 'SET enable_progress_bar_print = true', 'SET progress_bar_time = 0'];

/**
 * The single-threaded bundles only: duckdb-wasm's threaded "coi" bundle was ready after 10.2 s against
 * 5.3 s for "eh" on a quiet 2-core machine (`npm run bench:startup`; it starts a pthread worker per
 * core, each loading its script and instantiating the module), and its threads could not read a
 * registered File ("No HTML5 file registered", "offset is out of bounds", "Reader is not file"), so
 * files were scanned on one thread anyway. selectBundle picks eh where WebAssembly exceptions exist.
 */
const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

function bundleName(bundle: duckdb.DuckDBBundle): string {
  return bundle.mainModule === ehWasm ? 'eh' : 'mvp';
}

/** A worker with the engine's wasm fetched, compiled and instantiated: what takes long at start-up. */
interface Instantiated {
  readonly bundle: duckdb.DuckDBBundle;
  readonly engine: duckdb.AsyncDuckDB;
  readonly crash: CrashGuard;
}

async function instantiate(): Promise<Instantiated> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  if (!bundle.mainWorker) throw new Error('duckdb-wasm: no worker in the selected bundle');
  const worker = new Worker(bundle.mainWorker);
  const crash = crashGuard(worker);
  const engine = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await engine.instantiate(bundle.mainModule);
  return { bundle, engine, crash };
}

/** The engine started by startBrowserEngine, until openBrowserDb takes it. */
let started: Promise<Instantiated> | null = null;

/**
 * Starts the engine's worker now, so the 34 MB wasm downloads and compiles while the app's own code
 * loads and renders (main.tsx calls this first): before, it started only when React had rendered
 * and the data provider's effect ran. The next openBrowserDb takes this engine over.
 */
export function startBrowserEngine(): void {
  started ??= instantiate();
  // A failure is reported by openBrowserDb, which awaits the same promise.
  started.catch(() => undefined);
}

/** duckdb-wasm in its web worker, on one thread (see BUNDLES). */
export async function openBrowserDb(): Promise<Db> {
  const early = started;
  started = null;
  const { bundle, engine, crash } = await (early ?? instantiate());
  await engine.open({
    maximumThreads: 1,
    query: { castDecimalToDouble: true },
    filesystem: { allowFullHTTPReads: false },
  });
  const connection = await engine.connect();
  // One round trip to the worker for all of them and the version (statements run in turn; the last one's result is returned).
  const version = (await connection.query([...OFFLINE_SETTINGS, ...PROGRESS_SETTINGS, 'SELECT version() AS v'].join('; '))).getChild('v')?.get(0) as string;
  const registered = new Set<string>();

  async function runPrepared(sql: string, params: readonly unknown[]): Promise<Table> {
    const statement = await connection.prepare(sql);
    try {
      return await statement.query(...params);
    } finally {
      await statement.close();
    }
  }

  // duckdb-wasm reports execution progress to handlers it keeps but offers no way to add one.
  const progressHandlers = (engine as unknown as { _onExecutionProgress: ((p: { percentage: string | number }) => void)[] })._onExecutionProgress;

  async function query({ sql, params }: SqlQuery, options: QueryOptions = {}): Promise<Table> {
    options.signal?.throwIfAborted();
    if (!options.signal && !options.onProgress) return params.length ? runPrepared(sql, params) : connection.query(sql);
    // Only a sent (pending) query can be polled, cancelled and followed: see boundVariables.ts.
    const variableQuery = toVariableQuery({ sql, params });
    for (const { sql: assignment, value } of variableQuery.assignments) await runPrepared(assignment, [value]);
    const cancel = () => void connection.cancelSent();
    options.signal?.addEventListener('abort', cancel);
    const onProgress = options.onProgress ? (p: { percentage: string | number }) => options.onProgress?.(Math.min(1, Number(p.percentage) / 100)) : null;
    if (onProgress) progressHandlers.push(onProgress);
    try {
      const reader = await connection.send(variableQuery.sql);
      const batches: RecordBatch[] = [];
      for await (const batch of reader) batches.push(batch);
      return new Table(batches);
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason instanceof Error ? options.signal.reason : new DOMException('cancelled', 'AbortError');
      throw error;
    } finally {
      options.signal?.removeEventListener('abort', cancel);
      if (onProgress) progressHandlers.splice(progressHandlers.indexOf(onProgress), 1);
    }
  }

  async function* queryIpcStream(query: SqlQuery): AsyncGenerator<Uint8Array> {
    // A connection of its own: a view's query on the app's connection between two fetches would end this result.
    const own = await engine.connect();
    try {
      yield* own.useUnsafe((bindings, conn) => ipcStreamChunks(bindings, conn, query));
    } finally {
      await own.close();
    }
  }

  async function registerFile(name: string, source: FileSource): Promise<string> {
    if (registered.has(name)) await engine.dropFile(name);
    await register(name, source);
    registered.add(name);
    return name;
  }

  async function register(name: string, source: FileSource): Promise<void> {
    switch (source.kind) {
      case 'browser-file':
        // Reads through the File handle on demand: no copy of the file into wasm memory.
        await engine.registerFileHandle(name, source.file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
        return;
      case 'bytes':
        await engine.registerFileBuffer(name, source.bytes);
        return;
      case 'url': {
        const response = await fetch(source.url);
        if (!response.ok) throw new Error(`Could not load ${source.url}: HTTP ${response.status}`);
        await engine.registerFileBuffer(name, new Uint8Array(await response.arrayBuffer()));
        return;
      }
      case 'path':
        throw new Error('The browser cannot read file system paths');
    }
  }

  const { guard } = crash;
  // Everything on the app's connection, one caller at a time (see serialTurns); the guard inside, so
  // a crashed engine ends the turn instead of holding up every caller behind it.
  const turns = serialTurns();
  const onConnection = <T>(call: () => Promise<T>, turn?: Turn) => turns.call(turn, () => guard(call));
  return {
    engine: `duckdb-wasm ${version} (${bundleName(bundle)}, 1 thread)`,
    query: (q, options) => onConnection(() => query(q, options), options?.turn),
    exclusive: turns.run,
    // A connection of its own: it may run beside the app's.
    queryIpcStream: (q) => guardedChunks(guard, queryIpcStream(q)),
    registerFile: (name, source) => onConnection(() => registerFile(name, source)),
    unregisterFile: (name) =>
      onConnection(async () => {
        if (registered.delete(name)) await engine.dropFile(name);
      }),
    dropTable: (table) => onConnection(async () => void (await connection.query(dropTableSql(table)))),
    insertArrowStream: (table, ipcStream, options = {}) =>
      onConnection(async () => {
        if (!options.append) await connection.query(dropTableSql(table));
        // The buffer is transferred to the worker: the caller's copy is detached afterwards.
        await connection.insertArrowFromIPCStream(ipcStream, { name: table, create: !options.append });
      }),
    onCrash: crash.onCrash,
    async close() {
      // A crashed engine's connection may never answer: the worker is ended either way.
      await guard(() => connection.close()).catch(() => undefined);
      await engine.terminate();
    },
  };
}

/** A stream's chunks, each awaited through the crash guard (a save must not wait forever on a crashed engine). */
async function* guardedChunks(guard: CrashGuard['guard'], chunks: AsyncGenerator<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    for (;;) {
      const next = await guard(() => chunks.next());
      if (next.done) return;
      yield next.value;
    }
  } finally {
    void chunks.return(undefined).catch(() => undefined);
  }
}
