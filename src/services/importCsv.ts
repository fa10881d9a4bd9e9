import { toRows, type Row } from '../db/arrowRows';
import type { Db, FileSource } from '../db/types';
import { VOCABULARY_COLUMNS, type TableKind } from '../domain/schema';
import type { SqlQuery } from '../domain/sqlQuery';
import { canonicalValue, VOCABULARIES, vocabularyKey, type Vocabulary } from '../domain/vocabulary';
import { detectEncoding, type TextEncoding } from '../ingest/encoding';
import { detectTableKind, missingRequired, suggestMapping, type ColumnMapping } from '../ingest/headerMapping';
import { sniffCsv } from '../ingest/sniffCsv';
import { detectValueFormat } from '../ingest/valueFormats';
import type { SheetSummary, WorkbookConversion } from '../ingest/xlsx';
import {
  countSql,
  dropImportTablesSql,
  loadCsvSql,
  multiLineRecordsSql,
  numberLinesSql,
  pruneWorkSql,
  rejectsSql,
  rejectsTableSql,
  replaceTableSql,
  sampleCsvSql,
  shapeRejectedRecordsSql,
  WORK,
  type ValueFormat,
} from '../sql/importCsv';
import { matchingRowsSql, remapValuesSql, tableExistsSql, upsertSql, valueCountsSql, type ImportMode } from '../sql/importMerge';
import { ExportError } from './exportError';
import { parquetAsCsv } from './importParquet';
import { workbookAsCsv, workbookReport, type WorkbookAsCsv } from './importWorkbook';

/** How much of a file is read for sniffing: enough rows for formats, small enough to be instant. */
export const HEAD_BYTES = 64 * 1024;

/** What the shell hands over: the file, its first bytes, and how to decode text where it runs. */
export interface CsvImportInput {
  readonly fileName: string;
  readonly source: FileSource;
  /** The first HEAD_BYTES of the file, for sniffing. */
  readonly head: Uint8Array;
  /** Force the table instead of recognising it from the headers. */
  readonly kind?: TableKind;
  /** Canonical column → file header, chosen by the user or a mapping file, instead of the suggestion. */
  readonly mapping?: ColumnMapping;
  /** Formats the user corrected in the review; the rest is detected. */
  readonly encoding?: TextEncoding;
  readonly delimiter?: string;
  readonly decimalSeparator?: ValueFormat['decimalSeparator'];
  readonly dateFormats?: ValueFormat['dateFormats'];
  /** A workbook already converted to CSV (when the user reviewed it first): not converted again. */
  readonly workbook?: WorkbookAsCsv;
}

export interface TextCodec {
  /** Decodes the head for sniffing (browser: TextDecoder; Node: iconv-lite, as Node's windows-1252 is wrong). */
  decode(bytes: Uint8Array, encoding: TextEncoding): string;
  /** A UTF-8 copy of the whole file for DuckDB, which reads only UTF-8. */
  toUtf8(source: FileSource, encoding: TextEncoding, bomLength: number): Promise<FileSource>;
  /** An Excel workbook's sheet as UTF-8 CSV (browser: in a worker, so the page stays responsive). */
  convertWorkbook(source: FileSource): Promise<WorkbookConversion>;
  /** A Parquet file's rows as UTF-8 CSV (parquet-wasm; browser: in a worker). */
  convertParquet(source: FileSource): Promise<Uint8Array>;
}

export interface Repair {
  readonly column: string;
  readonly from: string;
  readonly to: string;
  readonly rows: number;
  readonly why: string;
}

/** A value of a stage, medium, channel or outcome column that no synonym maps onto a known value. */
export interface UnknownValue {
  readonly column: string;
  readonly vocabulary: Vocabulary;
  readonly value: string;
  readonly rows: number;
}

/** Per column, raw value → the value to store instead (a user's value mapping). */
export type ValueMapping = Readonly<Record<string, Readonly<Record<string, string>>>>;

export type ImportStep = 'reading' | 'checking' | 'mapping values' | 'saving';

export interface ImportOptions {
  readonly mode?: ImportMode;
  /** Cancels the import; the data loaded before stays as it was. */
  readonly signal?: AbortSignal;
  /** fraction is known while the file is read (0…1). */
  readonly onProgress?: (step: ImportStep, fraction?: number) => void;
  /** Value mappings known up front (remembered from an earlier import of the same layout). */
  readonly values?: ValueMapping;
  /**
   * Asked before anything is replaced, when values match nothing known: returns the mapping to
   * apply (values it leaves out are kept as they are). Without it unknown values are kept.
   */
  readonly reviewValues?: (unknown: readonly UnknownValue[]) => Promise<ValueMapping>;
}

export interface CsvImportReport {
  readonly fileName: string;
  readonly kind: TableKind;
  readonly encoding: TextEncoding;
  readonly delimiter: string;
  readonly format: ValueFormat;
  readonly mapping: ColumnMapping;
  readonly rowsRead: number;
  readonly rowsLoaded: number;
  readonly rowsRejected: number;
  /** One entry per failing cell or malformed record: line, column, value, reason. */
  readonly rejects: readonly Row[];
  readonly repairs: readonly Repair[];
  /** Replace the table of that kind, or upsert by its key. */
  readonly mode: ImportMode;
  /** Upsert: rows of the existing table that the import replaced (same key). */
  readonly rowsReplaced: number;
  /** Values of vocabulary columns that match no known value and were kept as they are. */
  readonly unknownValues: readonly UnknownValue[];
  /** For an Excel workbook: the sheet that was read, and what to know about it. Lines are then sheet rows. */
  readonly sheet?: SheetSummary;
}

/** NUL and the other C0 controls that no text export contains (tab, CR, LF, FF are fine). */
function hasBinaryBytes(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x09 || (code > 0x0d && code < 0x1b)) return true;
  }
  return false;
}

/** The detected encoding, or the user's choice (a byte-order mark of that encoding is still skipped). */
export function encodingOf(input: Pick<CsvImportInput, 'head' | 'encoding'>): { encoding: TextEncoding; bomLength: number } {
  const detected = detectEncoding(input.head);
  if (!input.encoding || input.encoding === detected.encoding) return detected;
  return { encoding: input.encoding, bomLength: 0 };
}

/** What the user chose in the review; it applies to a workbook's converted sheet as well. */
const chosenOf = ({ kind, mapping, decimalSeparator, dateFormats }: CsvImportInput): Partial<CsvImportInput> =>
  Object.fromEntries(Object.entries({ kind, mapping, decimalSeparator, dateFormats }).filter(([, value]) => value !== undefined));

/** Refuses a binary file (a PDF or image renamed .csv) before DuckDB reads it as garbage. */
export function assertTextExport(fileName: string, encoding: TextEncoding, headText: string): void {
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be' && hasBinaryBytes(headText)) {
    throw new ExportError(fileName, 'this is not a text export (it contains binary data); export the table as CSV');
  }
}

/** The first column of the first row, as a number (counts). */
const first = async (db: Db, query: SqlQuery) => Number(Object.values(toRows(await db.query(query))[0] ?? {})[0] ?? 0);

/**
 * Imports one CSV export into its canonical table: detect encoding, delimiter and formats, read
 * everything as text, convert with TRY_ functions, and report every rejected or repaired value.
 * Replaces the table of that kind only when the import succeeds.
 */
export async function importCsv(db: Db, input: CsvImportInput, codec: TextCodec, options: ImportOptions = {}): Promise<CsvImportReport> {
  // An Excel workbook: its sheet, converted to CSV, takes this same path; lines become sheet rows.
  const workbook = input.workbook ?? (await workbookAsCsv(input, codec, HEAD_BYTES));
  if (workbook) return workbookReport(db, workbook, await importCsv(db, { ...workbook.input, ...chosenOf(input) }, codec, options));
  const parquet = await parquetAsCsv(input, codec, HEAD_BYTES);
  if (parquet) return importCsv(db, parquet, codec, options);
  const { signal, onProgress } = options;
  const { fileName } = input;
  if (input.head.length === 0) throw new ExportError(fileName, 'the file is empty (0 bytes)');
  const { encoding, bomLength } = encodingOf(input);
  const headText = codec.decode(input.head.subarray(bomLength), encoding);
  assertTextExport(fileName, encoding, headText);
  const delimiter = input.delimiter ?? sniffCsv(headText).delimiter;
  const utf8 = encoding === 'utf-8' ? input.source : await codec.toUtf8(input.source, encoding, bomLength);
  const name = `import-${fileName}`;
  try {
    await db.query(dropImportTablesSql());
    const fileRef = await db.registerFile(name, utf8);
    let plan: { kind: TableKind; mapping: ColumnMapping; format: ValueFormat };
    try {
      const sample = await db.query(sampleCsvSql(fileRef, delimiter));
      const headers = sample.schema.fields.map((f) => f.name);
      plan = planImport(fileName, headers, toRows(sample), input, delimiter);
      onProgress?.('reading', 0);
      const progress = onProgress ? { onProgress: (fraction: number) => onProgress('reading', fraction) } : {};
      await db.query(loadCsvSql(plan.kind, headers, plan.mapping, plan.format, fileRef, delimiter, fileName), { ...(signal ? { signal } : {}), ...progress });
    } finally {
      // Everything after the scan reads the working table; the engine gets all its threads back.
      await db.unregisterFile(name);
    }
    const { kind, mapping, format } = plan;
    onProgress?.('checking');
    signal?.throwIfAborted();
    const multiLine = (await first(db, multiLineRecordsSql())) > 0;
    const shapeRejected = await first(db, shapeRejectedRecordsSql());
    await db.query(numberLinesSql(multiLine, shapeRejected > 0));
    await db.query(rejectsTableSql(kind, mapping, format));
    const rowsRead = (await first(db, countSql(WORK))) + shapeRejected;
    await db.query(pruneWorkSql());
    const { repairs, unknownValues } = await canonicalise(db, kind, options);
    const rejects = toRows(await db.query(rejectsSql()));
    const rowsLoaded = await first(db, countSql(WORK));
    // The last moment to cancel: from here the table of that kind changes.
    signal?.throwIfAborted();
    const mode: ImportMode = options.mode === 'upsert' && (await first(db, tableExistsSql(kind))) > 0 ? 'upsert' : 'replace';
    const rowsReplaced = mode === 'upsert' ? await first(db, matchingRowsSql(WORK, kind)) : 0;
    await db.query(mode === 'upsert' ? upsertSql(WORK, kind) : replaceTableSql(kind));
    await db.query(dropImportTablesSql());
    return {
      fileName,
      kind,
      encoding,
      delimiter,
      format,
      mapping,
      rowsRead,
      rowsLoaded,
      rowsRejected: rowsRead - rowsLoaded,
      rejects,
      repairs,
      mode,
      rowsReplaced,
      unknownValues,
    };
  } catch (error) {
    // A failed import frees its working tables and leaves the previous data as it was.
    await db.query(dropImportTablesSql()).catch(() => undefined);
    if (error instanceof ExportError || signal?.aborted) throw error;
    throw new ExportError(fileName, error instanceof Error ? error.message : String(error));
  }
}

/** Table, column mapping and value formats from the headers and the first rows (as text). */
function planImport(fileName: string, headers: readonly string[], sample: readonly Row[], chosen: CsvImportInput, delimiter: string) {
  // DuckDB names the columns of a file without a header row column0, column1, …
  if (headers.every((h) => /^column\d+$/.test(h))) throw new ExportError(fileName, 'no header row found');
  const kind = chosen.kind ?? detectTableKind(headers);
  if (!kind) throw new ExportError(fileName, `not recognised as leads, deals, campaigns or targets (headers: ${headers.join(', ')})`);
  // A chosen mapping names headers as the preview showed them (trimmed); DuckDB keeps the spaces.
  const actual = (header: string) => headers.find((h) => h === header) ?? headers.find((h) => h.trim() === header.trim()) ?? header;
  const mapping = chosen.mapping ? Object.fromEntries(Object.entries(chosen.mapping).map(([column, header]) => [column, actual(header)])) : suggestMapping(kind, headers);
  const unknown = Object.values(mapping).filter((header) => !headers.includes(header));
  if (unknown.length) throw new ExportError(fileName, `the mapping names columns the file does not have: ${unknown.join(', ')}`);
  const missing = missingRequired(kind, mapping);
  if (missing.length) throw new ExportError(fileName, `no column found for ${missing.join(', ')} (headers: ${headers.join(', ')})`);
  const detected = detectValueFormat(kind, mapping, (header) => sample.map((r) => String(r[header] ?? '')), delimiter);
  const format: ValueFormat = {
    decimalSeparator: chosen.decimalSeparator ?? detected.decimalSeparator,
    dateFormats: { ...detected.dateFormats, ...chosen.dateFormats },
  };
  return { kind, mapping, format };
}

/**
 * Maps vocabulary columns of the working table onto canonical values (synonyms, then the user's
 * value mapping) and reports each mapping as a repair; values still unknown are kept and listed.
 */
async function canonicalise(db: Db, kind: TableKind, options: ImportOptions): Promise<{ repairs: Repair[]; unknownValues: UnknownValue[] }> {
  const columns = Object.entries(VOCABULARY_COLUMNS[kind]);
  const counts = new Map<string, Row[]>();
  for (const [column] of columns) counts.set(column, toRows(await db.query(valueCountsSql(WORK, column))));
  const isKnown = (vocabulary: Vocabulary, raw: string) => VOCABULARIES[vocabulary].has(vocabularyKey(raw.trim()));
  let userMapping: ValueMapping = options.values ?? {};
  const unknownOf = (mapping: ValueMapping) =>
    columns.flatMap(([column, vocabulary]) =>
      (counts.get(column) ?? [])
        .map(({ value, n }) => ({ column, vocabulary, value: String(value), rows: Number(n) }))
        .filter((u) => !isKnown(vocabulary, u.value) && mapping[u.column]?.[u.value] === undefined),
    );
  const unreviewed = unknownOf(userMapping);
  if (unreviewed.length && options.reviewValues) {
    options.onProgress?.('mapping values');
    const answer = await options.reviewValues(unreviewed);
    options.signal?.throwIfAborted();
    userMapping = mergeValueMappings(userMapping, answer);
  }
  const repairs: Repair[] = [];
  for (const [column, vocabulary] of columns) {
    const changes = new Map<string, string>();
    for (const { value, n } of counts.get(column) ?? []) {
      const raw = String(value);
      const chosen = userMapping[column]?.[raw];
      const canonical = chosen ?? canonicalValue(vocabulary, raw);
      if (canonical === null || canonical === raw) continue;
      changes.set(raw, canonical);
      repairs.push({ column, from: raw, to: canonical, rows: Number(n), why: chosen === undefined ? `${vocabulary} synonym` : 'your value mapping' });
    }
    const update = remapValuesSql(WORK, column, changes);
    if (update) await db.query(update);
  }
  return { repairs, unknownValues: unknownOf(userMapping) };
}

function mergeValueMappings(a: ValueMapping, b: ValueMapping): ValueMapping {
  const merged: Record<string, Record<string, string>> = {};
  for (const mapping of [a, b]) for (const [column, values] of Object.entries(mapping)) merged[column] = { ...merged[column], ...values };
  return merged;
}
