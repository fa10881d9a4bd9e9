import { DuckDBInstance, type DuckDBType } from '@duckdb/node-api';
import {
  Bool,
  DateMillisecond,
  Float64,
  Int64,
  Table,
  TimestampMillisecond,
  Utf8,
  tableFromIPC,
  vectorFromArray,
  type DataType,
  type Vector,
} from 'apache-arrow';
import type { DuckDBAppender } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readParquet } from 'parquet-wasm/node';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { quoteIdent, type SqlQuery, type SqlValue } from '../domain/sqlQuery';
import { utf8Vector } from './arrowVectors';
import { dropTableSql } from './ddl';
import { serialTurns } from './serialTurns';
import type { Db, FileSource, QueryOptions } from './types';

/** Types whose values node-api hands out as JS values already (text, booleans, numbers up to INTEGER, floats). */
const PLAIN_TYPES = /^(VARCHAR|BOOLEAN|TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT|DOUBLE|FLOAT)$/;

/** Arrow type for a native result column, and how a value (as getColumnsJS gives it) becomes the vector's. */
function arrowTypeOf(type: DuckDBType): { arrow: DataType; convert: (v: unknown) => unknown } {
  const name = type.toString();
  if (/^(DOUBLE|FLOAT|DECIMAL)/.test(name)) return { arrow: new Float64(), convert: (v) => (v == null ? null : Number(v)) };
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/.test(name))
    return { arrow: new Int64(), convert: (v) => (v == null ? null : BigInt(v as number | bigint)) };
  if (name === 'BOOLEAN') return { arrow: new Bool(), convert: (v) => v };
  if (name === 'DATE') return { arrow: new DateMillisecond(), convert: (v) => v };
  if (name.startsWith('TIMESTAMP')) return { arrow: new TimestampMillisecond(), convert: (v) => (v == null ? null : (v as Date).getTime()) };
  return { arrow: new Utf8(), convert: (v) => (v == null ? null : String(v)) };
}

/** The SQL type of an Arrow column the native engine takes in, and how one value is appended. */
function appendedAs(type: DataType): { sql: string; append: (appender: DuckDBAppender, value: unknown) => void } {
  const name = String(type);
  if (name === 'Utf8') return { sql: 'VARCHAR', append: (a, v) => a.appendVarchar(String(v)) };
  if (name === 'Int32') return { sql: 'INTEGER', append: (a, v) => a.appendInteger(Number(v)) };
  if (name === 'Uint8') return { sql: 'UTINYINT', append: (a, v) => a.appendUTinyInt(Number(v)) };
  if (name === 'Bool') return { sql: 'BOOLEAN', append: (a, v) => a.appendBoolean(Boolean(v)) };
  if (name === 'Float64') return { sql: 'DOUBLE', append: (a, v) => a.appendDouble(Number(v)) };
  throw new Error(`Native DuckDB does not take Arrow columns of type ${name}`);
}

/**
 * Native DuckDB (@duckdb/node-api) for the ETL: faster than wasm on Node and with Parquet, JSON
 * and ICU built in. Results are converted to Arrow so callers see the same shape as in the browser.
 */
export async function openNativeDb(options: { threads?: number } = {}): Promise<Db> {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(options.threads ?? 2) });
  const connection = await instance.connect();
  const version = (await connection.runAndReadAll('SELECT version() AS v')).getRowObjectsJS()[0]?.v;
  const scratch = mkdtempSync(path.join(tmpdir(), 'leadloop-native-'));
  const turns = serialTurns();
  let results = 0;

  async function query({ sql, params }: SqlQuery, options?: QueryOptions): Promise<Table> {
    options?.signal?.throwIfAborted();
    const result = await connection.runAndReadAll(sql, params.length ? (params as SqlValue[]) : undefined);
    const names = result.columnNames();
    const types = result.columnTypes();
    // getColumnsJS converts every value (1.75 s for 900,000 rows of three columns): only when a column needs it.
    const plain = types.every((t) => PLAIN_TYPES.test(t.toString()));
    const columns: unknown[][] = plain ? result.getColumns() : result.getColumnsJS();
    const vectors: Record<string, Vector> = {};
    names.forEach((name, i) => {
      const { arrow, convert } = arrowTypeOf(types[i]!);
      const values = columns[i] ?? [];
      vectors[name] = arrow instanceof Utf8 ? utf8Vector(values) : vectorFromArray(values.map(convert), arrow);
    });
    return new Table(vectors);
  }

  return {
    engine: `duckdb native ${String(version)}`,
    query: (q, options) => turns.call(options?.turn, () => query(q, options)),
    exclusive: turns.run,
    async registerFile(name: string, source: FileSource) {
      if (source.kind === 'path') return source.path;
      if (source.kind === 'bytes') {
        const file = path.join(scratch, path.basename(name));
        writeFileSync(file, source.bytes);
        return file;
      }
      throw new Error(`Native DuckDB cannot read a ${source.kind} source`);
    },
    async unregisterFile(name) {
      rmSync(path.join(scratch, path.basename(name)), { force: true });
    },
    // Native DuckDB cannot write Arrow IPC (an extension) and hands every value of a result to JS one
    // by one (12 s for a million leads' nine columns): a large result goes out as a Parquet file, which
    // parquet-wasm turns into Arrow (1.8 s in all). The types are Parquet's (a DATE is Arrow's Date32).
    queryIpc: (q) =>
      turns.call(undefined, async () => {
        // The file is ours (a scratch directory's), not user text.
        const file = path.join(scratch, `result-${++results}.parquet`);
        await connection.run(`COPY (${q.sql}) TO '${file}' (FORMAT parquet, COMPRESSION uncompressed)`, q.params.length ? (q.params as SqlValue[]) : undefined);
        try {
          return readParquet(readFileSync(file)).intoIPCStream();
        } finally {
          rmSync(file, { force: true });
        }
      }),
    // Native DuckDB cannot read Arrow IPC (an extension): the rows are appended one by one, for the
    // few column types the app hands over (appendedAs).
    insertArrowStream: (table, ipcStream, options = {}) =>
      turns.call(undefined, async () => {
        const rows = tableFromIPC(ipcStream);
        const columns = rows.schema.fields.map((field) => ({ name: field.name, ...appendedAs(field.type), vector: rows.getChild(field.name)! }));
        const name = quoteIdent(table);
        if (!options.append) await connection.run(`CREATE OR REPLACE TABLE ${name} (${columns.map((c) => `${quoteIdent(c.name)} ${c.sql}`).join(', ')})`);
        const appender = await connection.createAppender(table);
        try {
          for (let row = 0; row < rows.numRows; row++) {
            for (const { vector, append } of columns) {
              const value = vector.get(row);
              if (value === null || value === undefined) appender.appendNull();
              else append(appender, value);
            }
            appender.endRow();
          }
          appender.flushSync();
        } finally {
          appender.closeSync();
        }
      }),
    dropTable: (table) => turns.call(undefined, async () => void (await connection.run(dropTableSql(table)))),
    async close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
