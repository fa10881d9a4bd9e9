import type { TableKind } from '../domain/schema';
import { quoteIdent, type SqlQuery } from '../domain/sqlQuery';

/**
 * How a validated import (the working table, rejected rows already removed) joins the data:
 * replace the table of its kind, or upsert by the kind's key so a re-import never duplicates rows.
 */
export type ImportMode = 'replace' | 'upsert';

/** The columns that identify a row: the id; period and sales unit for targets; lead, campaign and date for touches. */
export const KEY_COLUMNS: Readonly<Record<TableKind, readonly string[]>> = {
  leads: ['lead_id'],
  deals: ['deal_id'],
  campaigns: ['campaign_id'],
  targets: ['period', 'sales_unit'],
  touches: ['lead_id', 'campaign_id', 'touched_at'],
};

const keyMatch = (kind: TableKind, left: string, right: string) =>
  KEY_COLUMNS[kind].map((c) => `${left}.${quoteIdent(c)} IS NOT DISTINCT FROM ${right}.${quoteIdent(c)}`).join(' AND ');

export function tableExistsSql(table: string): SqlQuery {
  return { sql: 'SELECT count(*)::BIGINT AS n FROM duckdb_tables() WHERE table_name = ? AND NOT temporary', params: [table] };
}

/** Rows of the existing table that the import will replace (same key). */
export function matchingRowsSql(work: string, kind: TableKind): SqlQuery {
  return { sql: `SELECT count(*)::BIGINT AS n FROM ${quoteIdent(kind)} AS t WHERE EXISTS (SELECT 1 FROM ${quoteIdent(work)} AS w WHERE ${keyMatch(kind, 't', 'w')})`, params: [] };
}

/**
 * Deletes the rows the import replaces and adds the imported ones, by column name. `newColumns`
 * are the import's columns the table lacks (extra attributes of a newer export): added first, so
 * the earlier rows have them empty.
 */
export function upsertSql(work: string, kind: TableKind, newColumns: readonly { readonly name: string; readonly type: string }[] = []): SqlQuery[] {
  const table = quoteIdent(kind);
  return [
    ...addColumnsSql(kind, newColumns),
    { sql: `DELETE FROM ${table} AS t WHERE EXISTS (SELECT 1 FROM ${quoteIdent(work)} AS w WHERE ${keyMatch(kind, 't', 'w')})`, params: [] },
    { sql: `INSERT INTO ${table} BY NAME SELECT * FROM ${quoteIdent(work)}`, params: [] },
  ];
}

/** Adds columns (name and type) to a table. */
export function addColumnsSql(table: string, columns: readonly { readonly name: string; readonly type: string }[]): SqlQuery[] {
  return columns.map((c) => ({ sql: `ALTER TABLE ${quoteIdent(table)} ADD COLUMN ${quoteIdent(c.name)} ${columnType(c.type)}`, params: [] }));
}

/** Only the types an import creates reach DDL text. */
function columnType(type: string): string {
  if (!['VARCHAR', 'DATE', 'DOUBLE', 'INTEGER', 'BIGINT', 'TIMESTAMP', 'BOOLEAN'].includes(type)) throw new Error(`Unexpected column type ${type}`);
  return type;
}

/** Column names and types of a table (`name`, `type`), in table order. */
export function tableColumnsSql(table: string): SqlQuery {
  return { sql: 'SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE table_name = ? AND NOT internal ORDER BY column_index', params: [table] };
}
