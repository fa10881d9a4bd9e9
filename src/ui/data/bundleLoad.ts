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

/**
 * Loads every table of the bundle, checking each file's SHA-256 and row count against the manifest.
 * All files are fetched and checked at once, so the engine inserts one table while the next arrives.
 */
export async function loadBundle(db: Db, bundle: BundleLocation, manifest: BundleManifest, onTable: (kind: TableKind) => void): Promise<void> {
  if (!insertsArrow(db)) throw new Error(`${db.engine} cannot load a published bundle`);
  const lookups = manifest.lookups ?? [];
  const tables = new Map(TABLE_KINDS.flatMap((kind) => (manifest.tables[kind] ? [[kind, fetchTable(bundle, manifest.tables[kind])] as const] : [])));
  const lookupFiles = lookups.map((lookup) => fetchTable(bundle, lookup));
  for (const kind of TABLE_KINDS) {
    const table = manifest.tables[kind];
    if (!table) {
      await db.dropTable(kind);
      continue;
    }
    onTable(kind);
    await insertTable(db, kind, table, await tables.get(kind)!);
  }
  for (const [i, lookup] of lookups.entries()) {
    onTable('leads');
    await insertTable(db, lookup.table, lookup, await lookupFiles[i]!);
  }
  await db.query(dropLookupRegistrySql());
  await registerLookups(db, lookups.map((l) => ({ table: l.table, file: l.sources.join(', ') || l.file, leadColumn: l.leadColumn, column: l.key })));
}

interface FetchedTable {
  readonly url: URL;
  readonly bytes: Uint8Array;
  readonly arrow: boolean;
}

/** One table's file, its Arrow copy where the bundle has one (no Parquet reader to start), else its Parquet; checked against its SHA-256. */
function fetchTable(bundle: BundleLocation, table: BundleTable): Promise<FetchedTable> {
  const read = table.arrow ?? table;
  const url = new URL(read.file, bundle.url);
  const fetched = verifiedBytes(url, read.sha256).then((bytes) => ({ url, bytes, arrow: Boolean(table.arrow) }));
  // Awaited in table order by loadBundle; one that fails while an earlier table loads is reported there, not as unhandled.
  fetched.catch(() => undefined);
  return fetched;
}

async function insertTable(db: ArrowDb, name: string, table: BundleTable, { url, bytes, arrow }: FetchedTable): Promise<void> {
  await db.insertArrowStream(name, arrow ? bytes : await parquetToIpcStream(bytes));
  await checkRows(db, name, url, table.rows);
}

async function checkRows(db: Db, table: string, url: URL, expected: number): Promise<void> {
  const rows = Number(toRows(await db.query(countSql(table)))[0]?.n ?? 0);
  if (rows !== expected) throw new Error(`${url.pathname} has ${rows} rows; its manifest says ${expected}`);
}
