import { toRows } from '../../db/arrowRows';
import type { Db } from '../../db/types';
import type { BundleManifest } from '../../domain/bundleManifest';
import { TABLE_KINDS, type TableKind } from '../../domain/schema';
import { countSql } from '../../sql/importCsv';
import { dropLookupRegistrySql } from '../../sql/lookups';
import { registerLookups } from '../../services/lookups';
import { parquetToIpcStream } from './parquetToArrow';
import { verifiedBytes, type BundleLocation } from './publishedBundle';

/** Loads every table of the bundle, checking each file's SHA-256 and row count against the manifest. */
export async function loadBundle(db: Db, bundle: BundleLocation, manifest: BundleManifest, onTable: (kind: TableKind) => void): Promise<void> {
  if (!db.insertArrowStream) throw new Error(`${db.engine} cannot load a published bundle`);
  for (const kind of TABLE_KINDS) {
    const table = manifest.tables[kind];
    if (!table) {
      await db.dropTable(kind);
      continue;
    }
    onTable(kind);
    const url = new URL(table.file, bundle.url);
    await db.insertArrowStream(kind, await parquetToIpcStream(await verifiedBytes(url, table.sha256)));
    await checkRows(db, kind, url, table.rows);
  }
  for (const lookup of manifest.lookups ?? []) {
    onTable('leads');
    const url = new URL(lookup.file, bundle.url);
    await db.insertArrowStream(lookup.table, await parquetToIpcStream(await verifiedBytes(url, lookup.sha256)));
    await checkRows(db, lookup.table, url, lookup.rows);
  }
  await db.query(dropLookupRegistrySql());
  await registerLookups(db, (manifest.lookups ?? []).map((l) => ({ table: l.table, file: l.sources.join(', ') || l.file, leadColumn: l.leadColumn, column: l.key })));
}

async function checkRows(db: Db, table: string, url: URL, expected: number): Promise<void> {
  const rows = Number(toRows(await db.query(countSql(table)))[0]?.n ?? 0);
  if (rows !== expected) throw new Error(`${url.pathname} has ${rows} rows; its manifest says ${expected}`);
}

