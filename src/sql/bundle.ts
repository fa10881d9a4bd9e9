import type { TableKind } from '../domain/schema';
import { quoteIdent, type SqlQuery } from '../domain/sqlQuery';
import { addColumnsSql, keyPartsSql } from './importMerge';

/**
 * SQL of the ETL's bundle: several exports of one kind gathered into one table, the keys they
 * share, and the Parquet file written from it (native DuckDB only: duckdb-wasm has no Parquet).
 */

/**
 * Codec of the Parquet files. parquet-wasm 0.8 (the browser's reader) reads snappy, gzip, brotli,
 * lz4 and zstd; zstd is about 2.5× smaller than snappy on the samples and fast to decode.
 */
export const PARQUET_COMPRESSION = 'zstd';


/**
 * Moves a freshly imported table into the gathering table of its kind (created by the first export).
 * Exports of one kind may differ in their extra columns: `newColumns` (the import's columns the
 * gathering table lacks) are added first, and the rows are inserted by name, in order.
 */
export function gatherSql(from: string, into: string, first: boolean, newColumns: readonly { readonly name: string; readonly type: string }[] = []): SqlQuery[] {
  if (first) return [{ sql: `ALTER TABLE ${quoteIdent(from)} RENAME TO ${quoteIdent(into)}`, params: [] }];
  return [
    ...addColumnsSql(into, newColumns),
    { sql: `INSERT INTO ${quoteIdent(into)} BY NAME SELECT * FROM ${quoteIdent(from)}; DROP TABLE ${quoteIdent(from)}`, params: [] },
  ];
}

export function renameTableSql(from: string, to: string): SqlQuery {
  return { sql: `DROP TABLE IF EXISTS ${quoteIdent(to)}; ALTER TABLE ${quoteIdent(from)} RENAME TO ${quoteIdent(to)}`, params: [] };
}

/** Every row whose key also occurs in another export, with its file and line, ordered by key. */
export function keysInSeveralSourcesSql(table: string, kind: TableKind): SqlQuery {
  const key = `concat_ws(' / ', ${keyPartsSql(kind, 't').map((part) => `${part}::VARCHAR`).join(', ')})`;
  return {
    sql:
      `WITH k AS (SELECT ${key} AS key, _source, _line FROM ${quoteIdent(table)} AS t) ` +
      `SELECT key, _source AS source, _line AS line FROM k WHERE key IN (SELECT key FROM k GROUP BY key HAVING count(DISTINCT _source) > 1) ORDER BY key`,
    params: [],
  };
}

/** Writes a table to a Parquet file, rows in the order they were loaded (file, then line). */
export function copyToParquetSql(table: string, file: string): SqlQuery {
  return { sql: `COPY (SELECT * FROM ${quoteIdent(table)}) TO ? (FORMAT parquet, COMPRESSION ${PARQUET_COMPRESSION})`, params: [file] };
}

/** Column names and DuckDB types of a table, in table order. */
export function columnsSql(table: string): SqlQuery {
  return {
    sql: 'SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position',
    params: [table],
  };
}
