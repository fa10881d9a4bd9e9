import type { TableKind } from '../domain/schema';
import { quoteIdent, type SqlQuery } from '../domain/sqlQuery';

/**
 * How a validated import (the working table, rejected rows already removed) joins the data:
 * replace the table of its kind, or upsert by the kind's key so a re-import never duplicates rows.
 */
export type ImportMode = 'replace' | 'upsert';

/**
 * The columns an export needs for its rows to be matched: the id; period and sales unit for targets;
 * lead, campaign and date for touches. Without them an import can only replace its table.
 */
export const KEY_COLUMNS: Readonly<Record<TableKind, readonly string[]>> = {
  leads: ['lead_id'],
  deals: ['deal_id'],
  campaigns: ['campaign_id'],
  targets: ['period', 'sales_unit'],
  touches: ['lead_id', 'campaign_id', 'touched_at'],
};

/**
 * What identifies a row, as SQL over a table alias: the key columns; for a cost without a campaign
 * id, its medium and period. A campaign's rows share its id: an update replaces all of them
 * together (a total by months, or months by a total, never both).
 */
export function keyPartsSql(kind: TableKind, alias: string): string[] {
  const c = (column: string) => `${alias}.${quoteIdent(column)}`;
  if (kind !== 'campaigns') return KEY_COLUMNS[kind].map(c);
  const mediumCost = `${c('campaign_id')} IS NULL`;
  return [
    c('campaign_id'),
    `CASE WHEN ${mediumCost} THEN ${c('medium')} END`,
    `CASE WHEN ${mediumCost} THEN ${c('month')} END`,
    `CASE WHEN ${mediumCost} AND ${c('month')} IS NULL THEN ${c('start_date')} END`,
  ];
}

/**
 * Whether an import's rows can be matched to the loaded ones (else it can only replace its table):
 * it has the kind's key columns; a costs file either a campaign id or a medium.
 */
export function importIsKeyed(kind: TableKind, supplied: (column: string) => boolean): boolean {
  if (kind === 'campaigns') return supplied('campaign_id') || supplied('medium');
  return KEY_COLUMNS[kind].every(supplied);
}

const keyMatch = (kind: TableKind, left: string, right: string) => {
  const rights = keyPartsSql(kind, right);
  return keyPartsSql(kind, left).map((part, i) => `${part} IS NOT DISTINCT FROM ${rights[i]}`).join(' AND ');
};

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

/**
 * Every table (not temporary) and view with its columns in table order (`kind`, `name`, `column_name`,
 * `data_type`; a row per column), in one query: what a derivation asks of the catalog, without a round
 * trip per question.
 */
export function catalogSql(): SqlQuery {
  return {
    sql:
      "SELECT o.kind, o.name, c.column_name, c.data_type FROM (SELECT 'TABLE' AS kind, table_name AS name, table_oid AS oid FROM duckdb_tables() WHERE NOT temporary " +
      "UNION ALL SELECT 'VIEW', view_name, view_oid FROM duckdb_views() WHERE NOT internal AND NOT temporary) AS o " +
      'LEFT JOIN duckdb_columns() AS c ON c.table_oid = o.oid AND NOT c.internal ORDER BY o.name, c.column_index',
    params: [],
  };
}

/** Column names and types of a table (`name`, `type`), in table order. */
export function tableColumnsSql(table: string): SqlQuery {
  return { sql: 'SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE table_name = ? AND NOT internal ORDER BY column_index', params: [table] };
}
