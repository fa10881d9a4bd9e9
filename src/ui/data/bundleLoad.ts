import { toRows } from '../../db/arrowRows';
import type { Db } from '../../db/types';
import type { BundleManifest, BundleTable } from '../../domain/bundleManifest';
import { TABLE_KINDS, type TableKind } from '../../domain/schema';
import { rowCountsSql } from '../../sql/importCsv';
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
  const loaded: LoadedTable[] = [];
  for (const kind of TABLE_KINDS) {
    const table = manifest.tables[kind];
    if (!table) {
      await db.dropTable(kind);
      continue;
    }
    onTable(kind);
    loaded.push(await insertTable(db, kind, table, await tables.get(kind)!));
  }
  for (const [i, lookup] of lookups.entries()) {
    onTable('leads');
    loaded.push(await insertTable(db, lookup.table, lookup, await lookupFiles[i]!));
  }
  await checkRows(db, loaded);
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

/** A table inserted, with the row count its manifest gives. */
interface LoadedTable {
  readonly name: string;
  readonly url: URL;
  readonly rows: number;
}

async function insertTable(db: ArrowDb, name: string, table: BundleTable, { url, bytes, arrow }: FetchedTable): Promise<LoadedTable> {
  await db.insertArrowStream(name, arrow ? bytes : await parquetToIpcStream(bytes));
  return { name, url, rows: table.rows };
}

/** Every table holds the rows its manifest says (one query: each round trip to the engine waits for a busy page at start-up). */
async function checkRows(db: Db, tables: readonly LoadedTable[]): Promise<void> {
  if (tables.length === 0) return;
  const counts = toRows(await db.query(rowCountsSql(tables.map((t) => t.name))))[0] ?? {};
  for (const [i, { url, rows: expected }] of tables.entries()) {
    const rows = Number(counts[`n${i}`] ?? 0);
    if (rows !== expected) throw new Error(`${url.pathname} has ${rows} rows; its manifest says ${expected}`);
  }
}
