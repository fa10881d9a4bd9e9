import { quoteIdent } from '../domain/sqlQuery';

/** DDL shared by the adapters; table names are ours, quoted anyway. */
export const dropTableSql = (table: string): string => `DROP TABLE IF EXISTS ${quoteIdent(table)}`;

/**
 * Offline by design: duckdb-wasm would otherwise try to download extensions (parquet, json, icu)
 * from the network, which fails here and can leave the worker broken.
 */
export const OFFLINE_SETTINGS = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
];
