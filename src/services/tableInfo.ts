import { toRows } from '../db/arrowRows';
import type { Db } from '../db/types';
import { tableColumnsSql, tableExistsSql } from '../sql/importMerge';

/** What the loaded data holds, asked of the engine: shared by the import, the derivation, lookups and the ETL. */

export async function tableExists(db: Db, table: string): Promise<boolean> {
  return Number(toRows(await db.query(tableExistsSql(table)))[0]?.n ?? 0) > 0;
}

/** A table's (or view's) columns with their DuckDB types, in table order. */
export async function tableColumns(db: Db, table: string): Promise<{ name: string; type: string }[]> {
  return toRows(await db.query(tableColumnsSql(table))).map((r) => ({ name: String(r.name), type: String(r.type) }));
}

/** Columns of `from` that `into` lacks, compared case-insensitively as DuckDB compares names. */
export async function newColumns(db: Db, from: string, into: string): Promise<{ name: string; type: string }[]> {
  const existing = new Set((await tableColumns(db, into)).map((c) => c.name.toLowerCase()));
  return (await tableColumns(db, from)).filter((c) => !existing.has(c.name.toLowerCase()));
}
