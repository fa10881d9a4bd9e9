import { toRows } from '../db/arrowRows';
import type { Db } from '../db/types';
import { sniffCsv } from '../ingest/sniffCsv';
import { DEFAULT_PLACEHOLDERS } from '../ingest/placeholders';
import type { LookupJoin } from '../sql/leadFacts';
import { tableColumns, tableExists, type Catalog } from './tableInfo';
import {
  createLookupRegistrySql,
  LOOKUPS,
  loadLookupSql,
  lookupFitSql,
  lookupTableName,
  numberLookupLinesSql,
  registeredLookupsSql,
  registerLookupSql,
  unmatchedExamplesSql,
} from '../sql/lookups';
import { ExportError } from './exportError';
import { assertTextExport, encodingOf, HEAD_BYTES, type CsvImportInput, type TextCodec } from './importCsv';
import { parquetAsCsv } from './importParquet';
import { refreshLeadFacts } from './leadFacts';
import { workbookAsCsv } from './importWorkbook';

/** What joins a lookup onto the leads: the lead column and the lookup file's header that holds the same values. */
export interface LookupKey {
  readonly leadColumn: string;
  readonly column: string;
}

/** A loaded lookup, as the shell lists it and the stored data and bundles remember it. */
export interface LookupSpec extends LookupKey {
  readonly table: string;
  readonly file: string;
}

export interface LookupReport extends LookupSpec {
  readonly fileName: string;
  readonly kind: 'lookup';
  readonly rowsLoaded: number;
  /** The lookup's columns that became lead dimensions (without the key). */
  readonly columns: readonly string[];
  readonly blankKeys: number;
  /** Rows whose key an earlier row already has: the first row wins. */
  readonly repeatedKeys: number;
  /** Distinct values of the lead column, and how many of them no key matches (a few as examples). */
  readonly leadValues: number;
  readonly unmatched: number;
  readonly unmatchedExamples: readonly string[];
}

const columnsOf = async (db: Db, table: string) => (await tableColumns(db, table)).map((c) => c.name);
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Imports a file as a lookup keyed on a lead column (src/sql/lookups.ts) and rebuilds lead_facts,
 * so its columns are dimensions of the leads. The leads must be loaded and have that column; the
 * key must be one of the file's headers. A lookup of the same file name replaces the earlier one.
 */
export async function importLookup(db: Db, original: CsvImportInput, codec: TextCodec, key: LookupKey): Promise<LookupReport> {
  const workbook = await workbookAsCsv(original, codec, HEAD_BYTES);
  const input = workbook?.input ?? (await parquetAsCsv(original, codec, HEAD_BYTES)) ?? original;
  const { fileName } = input;
  if (input.head.length === 0) throw new ExportError(fileName, 'the file is empty (0 bytes)');
  if (!(await tableExists(db, 'leads'))) throw new ExportError(fileName, 'a lookup joins onto the leads: import the leads first');
  const leadColumns = await columnsOf(db, 'leads');
  const leadColumn = leadColumns.find((c) => sameName(c, key.leadColumn));
  if (!leadColumn) throw new ExportError(fileName, `the leads have no column "${key.leadColumn}" to join this lookup on`);
  const { encoding, bomLength } = encodingOf(input);
  const headText = codec.decode(input.head.subarray(bomLength), encoding);
  assertTextExport(fileName, encoding, headText);
  const { delimiter, headers } = sniffCsv(headText, 2, input.delimiter);
  const keyHeader = headers.find((h) => h === key.column) ?? headers.find((h) => h.trim() === key.column.trim());
  if (keyHeader === undefined) throw new ExportError(fileName, `no column "${key.column}" to use as the key (headers: ${headers.join(', ')})`);
  const columns = lookupColumnNames(headers);
  const table = lookupTableName(fileName);
  const source = encoding === 'utf-8' ? input.source : await codec.toUtf8(input.source, encoding, bomLength);
  const ref = await db.registerFile(`lookup-${fileName}`, source);
  try {
    await db.query(loadLookupSql(table, columns, input.placeholders ?? DEFAULT_PLACEHOLDERS, ref, delimiter, fileName));
  } catch (error) {
    throw new ExportError(fileName, error instanceof Error ? error.message : String(error));
  } finally {
    await db.unregisterFile(`lookup-${fileName}`);
  }
  await db.query(numberLookupLinesSql(table));
  const keyName = columns.find((c) => c.header === keyHeader)!.name;
  const spec: LookupSpec = { table, file: fileName, leadColumn, column: keyName };
  await registerLookups(db, [spec]);
  const fit = toRows(await db.query(lookupFitSql(table, keyName, leadColumn)))[0] ?? {};
  await refreshLeadFacts(db);
  const examples = toRows(await db.query(unmatchedExamplesSql(table, keyName, leadColumn))).map((r) => String(r.value));
  return {
    ...spec,
    fileName,
    kind: 'lookup',
    rowsLoaded: Number(fit.rows ?? 0),
    columns: columns.filter((c) => c.name !== keyName).map((c) => c.name),
    blankKeys: Number(fit.blank_keys ?? 0),
    repeatedKeys: Number(fit.repeated_keys ?? 0),
    leadValues: Number(fit.lead_values ?? 0),
    unmatched: Number(fit.unmatched ?? 0),
    unmatchedExamples: examples,
  };
}

/** Column names of a lookup: its headers, trimmed, made unique (case-insensitively) and kept clear of _source and _line. */
function lookupColumnNames(headers: readonly string[]): { header: string; name: string }[] {
  const names: { header: string; name: string }[] = [];
  for (const [i, header] of headers.entries()) {
    let name = header.trim() || `column ${i + 1}`;
    while (['_source', '_line'].some((t) => sameName(t, name)) || names.some((n) => sameName(n.name, name))) name = `${name} (${i + 1})`;
    names.push({ header, name });
  }
  return names;
}

/** Writes lookups into the registry (after an import, or when stored data or a bundle brings them back). */
export async function registerLookups(db: Db, specs: readonly LookupSpec[]): Promise<void> {
  await db.query(createLookupRegistrySql());
  for (const spec of specs) for (const query of registerLookupSql({ table: spec.table, file: spec.file, leadColumn: spec.leadColumn, key: spec.column })) await db.query(query);
}

/** Every registered lookup. */
async function registeredLookups(db: Db, catalog: Catalog): Promise<LookupSpec[]> {
  if (!catalog.hasTable(LOOKUPS)) return [];
  return toRows(await db.query(registeredLookupsSql())).map((r) => ({ table: String(r.name), file: String(r.file), leadColumn: String(r.lead_column), column: String(r.key_column) }));
}

/**
 * The registered lookups as joins onto the leads: those whose table and lead column exist. A lookup
 * column whose name the leads (or an earlier lookup) already have is named "<column> (<file>)".
 */
export async function lookupJoins(db: Db, catalog: Catalog): Promise<LookupJoin[]> {
  const specs = await registeredLookups(db, catalog);
  if (specs.length === 0) return [];
  const taken = catalog.columns('leads').map((c) => c.name);
  const joins: LookupJoin[] = [];
  for (const spec of specs) {
    if (!catalog.hasTable(spec.table) || !taken.some((c) => sameName(c, spec.leadColumn))) continue;
    const columns = catalog
      .columns(spec.table)
      .map((c) => c.name)
      .filter((c) => c !== spec.column && c !== '_source' && c !== '_line')
      .map((column) => {
        let name = column;
        if (taken.some((t) => sameName(t, name))) name = `${column} (${spec.file})`;
        taken.push(name);
        return { column, name };
      });
    joins.push({ table: spec.table, leadColumn: spec.leadColumn, key: spec.column, columns });
  }
  return joins;
}
