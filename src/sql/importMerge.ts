import { CANONICAL, type TableKind } from '../domain/schema';
import { quoteIdent, type SqlQuery } from '../domain/sqlQuery';

/**
 * How a validated import (the working table, rejected rows already removed) joins the data:
 * replace the table of its kind, or upsert by the kind's key so a re-import never duplicates rows.
 */
export type ImportMode = 'replace' | 'upsert';

/** The columns that identify a row: the id, or period and sales unit for targets. */
export const KEY_COLUMNS: Readonly<Record<TableKind, readonly string[]>> = {
  leads: ['lead_id'],
  deals: ['deal_id'],
  campaigns: ['campaign_id'],
  targets: ['period', 'sales_unit'],
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

/** Deletes the rows the import replaces and adds the imported ones, by column name. */
export function upsertSql(work: string, kind: TableKind): SqlQuery {
  const table = quoteIdent(kind);
  const columns = [...CANONICAL[kind].map((c) => c.name), '_source', '_line'].map(quoteIdent).join(', ');
  return {
    sql:
      `DELETE FROM ${table} AS t WHERE EXISTS (SELECT 1 FROM ${quoteIdent(work)} AS w WHERE ${keyMatch(kind, 't', 'w')}); ` +
      `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM ${quoteIdent(work)}; DROP TABLE ${quoteIdent(work)};`,
    params: [],
  };
}
