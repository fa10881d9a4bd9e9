import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { Table } from 'apache-arrow';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SqlQuery } from '../domain/sqlQuery';
import { dropTableSql, OFFLINE_SETTINGS } from './ddl';
import { ipcStreamChunks, ipcWhole } from './ipcStreamChunks';
import { serialTurns } from './serialTurns';
import type { Db, FileSource } from './types';

/** The adapter, plus its connection for what the Db interface does not offer (e.g. Arrow IPC inserts in tests). */
export interface WasmNodeDb extends Db {
  readonly connection: duckdb.DuckDBConnection;
}

/**
 * The browser's DuckDB build (duckdb-wasm) run in Node, so integration tests exercise the very
 * engine and version the app ships, without a browser. `ehWasm`: the path of another copy of the
 * engine with exceptions (tests pass one with its unused exports cut, which opens faster).
 */
export async function openWasmNodeDb(options: { ehWasm?: string } = {}): Promise<WasmNodeDb> {
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const engine = await duckdb.createDuckDB(
    {
      mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
      eh: { mainModule: options.ehWasm ?? path.join(dist, 'duckdb-eh.wasm'), mainWorker: '' },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await engine.instantiate();
  engine.open({ query: { castDecimalToDouble: true } });
  const connection = engine.connect();
  for (const setting of OFFLINE_SETTINGS) connection.query(setting);
  const version = connection.query('SELECT version() AS v').getChild('v')?.get(0) as string;
  // Each call is synchronous, but a transaction's statements are awaited one by one: others must wait for its end.
  const turns = serialTurns();

  function query({ sql, params }: SqlQuery): Table {
    if (params.length === 0) return connection.query(sql);
    const statement = connection.prepare(sql);
    try {
      return statement.query(...params);
    } finally {
      statement.close();
    }
  }

  function registerFile(name: string, source: FileSource): string {
    engine.dropFile(name);
    switch (source.kind) {
      case 'path':
        engine.registerFileURL(name, source.path, duckdb.DuckDBDataProtocol.NODE_FS, false);
        return name;
      case 'bytes':
        engine.registerFileBuffer(name, source.bytes);
        return name;
      default:
        throw new Error(`duckdb-wasm on Node cannot read a ${source.kind} source`);
    }
  }

  return {
    engine: `duckdb-wasm ${version} (node)`,
    connection,
    query: (q, options) =>
      turns.call(options?.turn, async () => {
        options?.signal?.throwIfAborted();
        return query(q);
      }),
    exclusive: turns.run,
    registerFile: async (name, source) => registerFile(name, source),
    unregisterFile: async (name) => engine.dropFile(name),
    dropTable: (table) => turns.call(undefined, async () => void connection.query(dropTableSql(table))),
    insertArrowStream: async (table, ipcStream, options = {}) => {
      if (!options.append) connection.query(dropTableSql(table));
      connection.insertArrowFromIPCStream(ipcStream, { name: table, create: !options.append });
    },
    queryIpcStream: (q) => connection.useUnsafe((bindings, conn) => ipcStreamChunks(bindings, conn, q)),
    queryIpc: (q) => turns.call(undefined, async () => connection.useUnsafe((bindings, conn) => ipcWhole(bindings, conn, q))),
    close: async () => {
      connection.close();
      await engine.reset();
    },
  };
}
