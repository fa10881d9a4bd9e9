import { joinSql, quoteIdent, type SqlQuery } from '../domain/sqlQuery';
import { placeholderSql } from './importCsv';

/**
 * Lookup tables (DESIGN.md): a file keyed on a lead column — sales agent → manager and office,
 * account → sector — loaded as text, each registered in LOOKUPS with the lead column it joins on.
 * src/sql/leadFacts.ts joins them onto the leads, so their columns are dimensions of the leads.
 */
export const LOOKUPS = '_lookups';

/** A lookup's table name from its file name: lookup_<letters, digits and _>, lower case. */
export function lookupTableName(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return `lookup_${base.slice(0, 40) || 'file'}`;
}

/** The registry's table, created once. */
export function createLookupRegistrySql(): SqlQuery {
  return { sql: `CREATE TABLE IF NOT EXISTS ${LOOKUPS} (name VARCHAR, file VARCHAR, lead_column VARCHAR, key_column VARCHAR)`, params: [] };
}

/** Registers (or re-registers) a lookup table. */
export function registerLookupSql(spec: { readonly table: string; readonly file: string; readonly leadColumn: string; readonly key: string }): SqlQuery[] {
  return [
    { sql: `DELETE FROM ${LOOKUPS} WHERE name = ?`, params: [spec.table] },
    { sql: `INSERT INTO ${LOOKUPS} VALUES (?, ?, ?, ?)`, params: [spec.table, spec.file, spec.leadColumn, spec.key] },
  ];
}

/** Forgets every lookup (their tables are dropped by whoever loaded them). */
export function dropLookupRegistrySql(): SqlQuery {
  return { sql: `DROP TABLE IF EXISTS ${LOOKUPS}`, params: [] };
}

export function registeredLookupsSql(): SqlQuery {
  return { sql: `SELECT name, file, lead_column, key_column FROM ${LOOKUPS} ORDER BY name`, params: [] };
}

export function unregisterLookupSql(table: string): SqlQuery {
  return { sql: `DELETE FROM ${LOOKUPS} WHERE name = ?`, params: [table] };
}

/**
 * Reads a lookup file into its table: every column as trimmed text under its header (`columns`:
 * header → name), blanks and placeholders NULL, with _source and _line.
 */
export function loadLookupSql(
  table: string,
  columns: readonly { readonly header: string; readonly name: string }[],
  placeholders: readonly string[],
  fileRef: string,
  delimiter: string,
  sourceName: string,
): SqlQuery {
  const cells = columns.map(({ header, name }) =>
    joinSql(['CASE WHEN', placeholderSql(quoteIdent(header), placeholders), `THEN NULL ELSE nullif(trim(${quoteIdent(header)}), '') END AS ${quoteIdent(name)}`]),
  );
  return joinSql([
    `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT`,
    joinSql(cells, ', '),
    { sql: ", ?::VARCHAR AS _source, NULL::INTEGER AS _line FROM read_csv(?, header = true, all_varchar = true, delim = ?, quote = '\"', escape = '\"')", params: [sourceName, fileRef, delimiter] },
  ]);
}

/** Lines of a lookup's rows (file order, after the header). */
export function numberLookupLinesSql(table: string): SqlQuery {
  return { sql: `UPDATE ${quoteIdent(table)} SET _line = (rowid + 2)::INTEGER`, params: [] };
}

/**
 * How well a lookup fits the leads: its rows, keys that are blank or repeated (the first row wins),
 * and the leads' distinct values of the lead column that no key matches (`unmatched`).
 */
export function lookupFitSql(table: string, key: string, leadColumn: string): SqlQuery {
  const t = quoteIdent(table);
  const k = quoteIdent(key);
  const l = `${quoteIdent(leadColumn)}::VARCHAR`;
  return {
    sql:
      `SELECT (SELECT count(*) FROM ${t})::BIGINT AS rows, (SELECT count(*) FROM ${t} WHERE ${k} IS NULL)::BIGINT AS blank_keys, ` +
      `(SELECT count(*) - count(DISTINCT ${k}) - count(*) FILTER (WHERE ${k} IS NULL) FROM ${t})::BIGINT AS repeated_keys, ` +
      `(SELECT count(DISTINCT ${l}) FROM leads WHERE ${l} IS NOT NULL)::BIGINT AS lead_values, ` +
      `(SELECT count(DISTINCT ${l}) FROM leads WHERE ${l} IS NOT NULL AND ${l} NOT IN (SELECT ${k} FROM ${t} WHERE ${k} IS NOT NULL))::BIGINT AS unmatched`,
    params: [],
  };
}

/** A few of the leads' values that no key of the lookup matches (`value`), for the report. */
export function unmatchedExamplesSql(table: string, key: string, leadColumn: string, limit = 5): SqlQuery {
  const l = `${quoteIdent(leadColumn)}::VARCHAR`;
  const k = quoteIdent(key);
  return {
    sql: `SELECT DISTINCT ${l} AS value FROM leads WHERE ${l} IS NOT NULL AND ${l} NOT IN (SELECT ${k} FROM ${quoteIdent(table)} WHERE ${k} IS NOT NULL) ORDER BY value LIMIT ${Math.floor(limit)}`,
    params: [],
  };
}
