import { toRows } from '../db/arrowRows';
import type { Db } from '../db/types';
import { catalogSql, tableColumnsSql, tableExistsSql } from '../sql/importMerge';

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

type Column = { readonly name: string; readonly type: string };

/** The tables and views at one moment, read in one query (catalogSql): answers as tableExists and tableColumns would. */
export interface Catalog {
  /** A table (not temporary) of that name: tableExists. */
  hasTable(name: string): boolean;
  /** 'TABLE' or 'VIEW' where one of that name exists, else null. */
  kindOf(name: string): 'TABLE' | 'VIEW' | null;
  /** Its columns in table order (none where it does not exist): tableColumns. */
  columns(name: string): readonly Column[];
}

export async function readCatalog(db: Db): Promise<Catalog> {
  const objects = new Map<string, { kind: 'TABLE' | 'VIEW'; columns: Column[] }>();
  for (const row of toRows(await db.query(catalogSql()))) {
    const name = String(row.name);
    const object = objects.get(name) ?? { kind: row.kind === 'VIEW' ? 'VIEW' : 'TABLE', columns: [] };
    objects.set(name, object);
    if (row.column_name !== null && row.column_name !== undefined) object.columns.push({ name: String(row.column_name), type: String(row.data_type) });
  }
  return {
    hasTable: (name) => objects.get(name)?.kind === 'TABLE',
    kindOf: (name) => objects.get(name)?.kind ?? null,
    columns: (name) => objects.get(name)?.columns ?? [],
  };
}
