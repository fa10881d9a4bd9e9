import { toRows } from '../../db/arrowRows';
import type { Db } from '../../db/types';
import type { BundleManifest, BundleTable } from '../../domain/bundleManifest';
import { TABLE_KINDS, type TableKind } from '../../domain/schema';
import { countSql } from '../../sql/importCsv';
import { dropLookupRegistrySql } from '../../sql/lookups';
import { registerLookups } from '../../services/lookups';
import { parquetToIpcStream } from './parquetToArrow';
import { verifiedBytes, type BundleLocation } from './publishedBundle';

type ArrowDb = Db & { insertArrowStream: NonNullable<Db['insertArrowStream']> };
const insertsArrow = (db: Db): db is ArrowDb => typeof db.insertArrowStream === 'function';

/** Loads every table of the bundle, checking each file's SHA-256 and row count against the manifest. */
export async function loadBundle(db: Db, bundle: BundleLocation, manifest: BundleManifest, onTable: (kind: TableKind) => void): Promise<void> {
  if (!insertsArrow(db)) throw new Error(`${db.engine} cannot load a published bundle`);
  for (const kind of TABLE_KINDS) {
    const table = manifest.tables[kind];
    if (!table) {
      await db.dropTable(kind);
      continue;
    }
    onTable(kind);
    await loadTable(db, kind, bundle, table);
  }
  for (const lookup of manifest.lookups ?? []) {
    onTable('leads');
    await loadTable(db, lookup.table, bundle, lookup);
  }
  await db.query(dropLookupRegistrySql());
  await registerLookups(db, (manifest.lookups ?? []).map((l) => ({ table: l.table, file: l.sources.join(', ') || l.file, leadColumn: l.leadColumn, column: l.key })));
}

/** One table, from its Arrow copy where the bundle has one (no Parquet reader to start), else from its Parquet. */
async function loadTable(db: ArrowDb, name: string, bundle: BundleLocation, table: BundleTable): Promise<void> {
  const read = table.arrow ?? table;
  const url = new URL(read.file, bundle.url);
  const bytes = await verifiedBytes(url, read.sha256);
  await db.insertArrowStream(name, table.arrow ? bytes : await parquetToIpcStream(bytes));
  await checkRows(db, name, url, table.rows);
}

async function checkRows(db: Db, table: string, url: URL, expected: number): Promise<void> {
  const rows = Number(toRows(await db.query(countSql(table)))[0]?.n ?? 0);
  if (rows !== expected) throw new Error(`${url.pathname} has ${rows} rows; its manifest says ${expected}`);
}

