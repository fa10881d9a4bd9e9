import { toRows, type Row } from '../db/arrowRows';
import type { Db, FileSource } from '../db/types';
import { CANONICAL, TABLE_KINDS_IN_WORDS, VOCABULARY_COLUMNS, type TableKind } from '../domain/schema';
import type { SqlQuery } from '../domain/sqlQuery';
import { canonicalValue, VOCABULARIES, vocabularyKey, type Vocabulary } from '../domain/vocabulary';
import { dateRangeProblem, defaultDateRange, type DateRange } from '../domain/valueFormat';
import { detectEncoding, type TextEncoding } from '../ingest/encoding';
import { detectTableKind, extraColumns, missingRequired, readMapping, suggestMapping, type ColumnConstants, type ColumnMapping } from '../ingest/headerMapping';
import { DEFAULT_PLACEHOLDERS } from '../ingest/placeholders';
import { completeRecords, unclosedQuote } from '../ingest/csvHead';
import { sniffCsv } from '../ingest/sniffCsv';
import { detectValueFormatInSteps } from '../ingest/valueFormats';
import {
  clearedCellsSql,
  countSql,
  dropImportTablesSql,
  emptyPlaceholdersSql,
  placeholderCountsSql,
  placeholderTableSql,
  rejectRequiredPlaceholdersSql,
  requiredTextColumns,
  finalUpdateSql,
  flaggedCountSql,
  importStatsSql,
  lineSql,
  loadCsvSql,
  numberLinesSql,
  pruneWorkSql,
  rejectsSql,
  rejectsTableSql,
  replaceTableSql,
  recheckFlaggedSql,
  sampleCsvSql,
  trimTextSql,
  vocabularyValuesSql,
  WORK,
  type CsvEncoding,
  type ImportStats,
  type ExtraColumn,
  type LoadPlan,
  type ValueFormat,
} from '../sql/importCsv';
import { importIsKeyed, matchingRowsSql, tableExistsSql, upsertSql, type ImportMode } from '../sql/importMerge';
import { newColumns } from './tableInfo';
import { plausibilityWarnings, refreshLeadFacts } from './leadFacts';
import { ExportError } from './exportError';
import { withWholeHeader } from './wholeHeader';
import { importRisks } from './importRisks';
import { parquetAsCsv } from './importParquet';
import { workbookAsCsv, workbookReport } from './importWorkbook';
import { inTransaction } from './transaction';
import { sheetRowsSql } from '../sql/sheetRows';
import { errorText } from '../domain/errorText';
import type {
  CsvImportInput, CsvImportReport, CsvScan, ImportOptions, ImportStep, MergeSuggestion, Repair, ReviewedValue, TextCodec,
  UnknownValue, ValueMapping, ValueReview, WorkbookAsCsv,
} from './importTypes';

// Callers import the types from here too: this is the import's front door.
export type {
  CsvImportInput, CsvImportReport, CsvScan, ImportOptions, ImportStep, MergeSuggestion, Repair, ReviewedValue, TextCodec,
  UnknownValue, ValueMapping, ValueReview, WorkbookAsCsv,
};

/** How much of a file is read for sniffing: enough rows for formats, small enough to be instant. */
export const HEAD_BYTES = 64 * 1024;

/** NUL and the other C0 controls that no text export contains (tab, CR, LF, FF are fine). */
function hasBinaryBytes(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x09 || (code > 0x0d && code < 0x1b)) return true;
  }
  return false;
}

/**
 * Ends the current task, so that the import's synchronous parts (sniffing the head, planning from
 * the sample) run as separate short tasks and a page stays responsive (each took 20–50 ms).
 */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The detected encoding, or the user's choice (a byte-order mark of that encoding is still skipped). */
export function encodingOf(input: Pick<CsvImportInput, 'head' | 'encoding'>): { encoding: TextEncoding; bomLength: number } {
  const detected = detectEncoding(input.head);
  if (!input.encoding || input.encoding === detected.encoding) return detected;
  return { encoding: input.encoding, bomLength: 0 };
}

/** What the user chose in the review; it applies to a workbook's converted sheet as well. */
const chosenOf = ({ kind, mapping, constants, placeholders, currency, decimalSeparator, dateFormats, dateRange }: CsvImportInput): Partial<CsvImportInput> =>
  Object.fromEntries(Object.entries({ kind, mapping, constants, placeholders, currency, decimalSeparator, dateFormats, dateRange }).filter(([, value]) => value !== undefined));

/** Refuses a binary file (a PDF or image renamed .csv) before DuckDB reads it as garbage. */
export function assertTextExport(fileName: string, encoding: TextEncoding, headText: string): void {
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be' && hasBinaryBytes(headText)) {
    throw new ExportError(fileName, 'this is not a text export (it contains binary data); export the table as CSV');
  }
}

/** Text columns whose values a user's value mapping may rewrite: the mapped or constant text columns and the extras. */
function mappableColumns(plan: LoadPlan): string[] {
  const text = CANONICAL[plan.kind].filter((c) => c.type === 'VARCHAR' && (plan.mapping[c.name] !== undefined || plan.constants?.[c.name] !== undefined)).map((c) => c.name);
  return [...text, ...(plan.extras ?? []).map((e) => e.name)];
}

/** The upsert's statements, with the import's columns the table does not have yet added to it first. */
async function upsertSteps(db: Db, kind: TableKind): Promise<SqlQuery[]> {
  return upsertSql(WORK, kind, await newColumns(db, WORK, kind));
}

/** DuckDB's refusal of a file with a line longer than its max_line_size. */
const isLineTooLong = (error: unknown) => error instanceof Error && /maximum line size/i.test(error.message);
const READ_LINE_LIMIT_TEXT = '64 MB';

/** The first row of a result (counts and flags). */
const firstRow = async (db: Db, query: SqlQuery) => toRows(await db.query(query))[0] ?? {};

/** The first column of the first row, as a number (counts). */
const first = async (db: Db, query: SqlQuery) => Number(Object.values(await firstRow(db, query))[0] ?? 0);

/**
 * Imports one CSV export into its canonical table: detect encoding, delimiter and formats, read
 * everything as text, convert with TRY_ functions, and report every rejected or repaired value.
 * Replaces the table of that kind only when the import succeeds.
 */
export async function importCsv(db: Db, input: CsvImportInput, codec: TextCodec, options: ImportOptions = {}): Promise<CsvImportReport> {
  // An Excel workbook: its sheet, converted to CSV, takes this same path; lines become sheet rows.
  const workbook = input.workbook ?? (await workbookAsCsv(input, codec, HEAD_BYTES));
  if (workbook) return workbookReport(workbook, await importCsvText(db, { ...workbook.input, ...chosenOf(input) }, codec, options, workbook.sheetRows));
  const parquet = await parquetAsCsv(input, codec, HEAD_BYTES);
  return importCsvText(db, parquet ?? input, codec, options);
}

/** The import of a CSV text (a workbook's sheet converted to it: then `sheetRows` renumbers its lines before they are stored). */
async function importCsvText(db: Db, input: CsvImportInput, codec: TextCodec, options: ImportOptions, sheetRows?: ReadonlyMap<number, number>): Promise<CsvImportReport> {
  const { fileName } = input;
  input = await withWholeHeader(input, codec, HEAD_BYTES);
  if (input.head.length === 0) throw new ExportError(fileName, 'the file is empty (0 bytes)');
  const { encoding, bomLength } = encodingOf(input);
  const headText = codec.decode(input.head.subarray(bomLength), encoding);
  assertTextExport(fileName, encoding, headText);
  const delimiter = input.delimiter ?? sniffCsv(headText).delimiter;
  await nextTask();
  // Planning reads the head's complete records: a sample read of the file itself took DuckDB ~1 s at 1M rows.
  const file = { input, encoding, delimiter, head: completeRecords(headText, input.head.length < HEAD_BYTES) };
  const scanned = encoding === 'utf-8' || encoding === 'windows-1252' ? scanFile(codec, input.head.subarray(bomLength), input.source, delimiter, encoding) : null;
  // A head with bytes 0x80–0x9F already shows that latin-1 would misread the file.
  if (scanned && !(encoding === 'windows-1252' && scanned.head.c1Bytes)) {
    const { head, file: scan } = scanned;
    // Counting line breaks in cells costs the read time: only when the head has them (the scan checks the rest).
    const lineBreaks = head.lineBreakInCell || head.irregular;
    await nextTask();
    const report = await importText(db, file, input.source, encoding === 'utf-8' ? 'utf-8' : 'latin-1', scan, lineBreaks, { ...options, sheetRows });
    if (report) return report;
  }
  const utf8 = encoding === 'utf-8' ? input.source : await codec.toUtf8(input.source, encoding, bomLength);
  try {
    return (await importText(db, file, utf8, 'utf-8', null, true, { ...options, sheetRows }))!;
  } catch (error) {
    if (!(error instanceof DialectRefused)) throw error;
  }
  // DuckDB's sniffer refuses lines that end in CR LF and then LF (two exports concatenated): a copy with LF alone reads, lines unchanged.
  const lineFeeds = await codec.toUtf8(input.source, encoding, bomLength, { lineFeeds: true });
  return (await importText(db, { ...file, lineFeeds: true }, lineFeeds, 'utf-8', null, true, { ...options, sheetRows }))!;
}

/** DuckDB found no CSV dialect for the file: importCsv reads it again from a copy with LF line ends. */
class DialectRefused extends ExportError {}

/** DuckDB's sniffer's refusal, or its parser's on a line end that changes within the file. */
const isDialectError = (error: unknown) => error instanceof Error && /Error when sniffing file|state machine reached an invalid state/i.test(error.message);

/**
 * An engine error no step above turned into a message of its own, without DuckDB's wording: its
 * first line, with the error class and the advice about DuckDB's options taken off.
 */
function readableEngineError(message: string): string {
  const first = message.split('\n')[0]!.replace(/^[A-Za-z ]*Error:\s*/, '').trim();
  return `the file could not be read (${first.length > 160 ? `${first.slice(0, 160)}…` : first})`;
}

/** The codec's scan, if it has one; a scan that fails (e.g. the file could not be read) only means that every careful step is taken. */
function scanFile(codec: TextCodec, head: Uint8Array, source: FileSource, delimiter: string, encoding: 'utf-8' | 'windows-1252') {
  if (!codec.scan) return null;
  try {
    const scanned = codec.scan(source, head, delimiter, encoding);
    return { head: scanned.head, file: scanned.file.catch(() => null) };
  } catch {
    return null;
  }
}

interface CsvFile {
  readonly input: CsvImportInput;
  readonly encoding: TextEncoding;
  readonly delimiter: string;
  /** The complete records of the file's head, decoded. */
  readonly head: string;
  /** Read from a copy with LF line ends (after DuckDB refused the file's mixed ones). */
  readonly lineFeeds?: boolean;
}

/**
 * The import of the text DuckDB reads from `source`. `scan` is the codec's scan of that file (null
 * without one: then every careful step is taken). It is awaited before anything is published or an
 * error is reported: a latin-1 read it does not confirm returns null, with nothing changed, for the
 * import to start again from a UTF-8 copy; a file with line breaks in cells read without counting
 * them (`lineBreaks` false) is read again counting them.
 */
async function importText(
  db: Db,
  file: CsvFile,
  source: FileSource,
  csvEncoding: CsvEncoding,
  scan: Promise<CsvScan | null> | null,
  lineBreaks: boolean,
  options: ImportOptions & { readonly sheetRows?: ReadonlyMap<number, number> | undefined },
): Promise<CsvImportReport | null> {
  const { input, encoding, delimiter } = file;
  const { fileName } = input;
  const { signal, onProgress } = options;
  const name = `import-${fileName}`;
  const latin1Refused = async () => csvEncoding === 'latin-1' && ((await scan) ?? { c1Bytes: true }).c1Bytes;
  let published = false;
  try {
    await db.query(dropImportTablesSql());
    const sample = await readSample(db, `${name}-head`, file);
    const headers = sample.schema.fields.map((f) => f.name);
    // Only the columns planning reads are turned into strings: all rows of every column blocked the page for ~100 ms.
    const column = (header: string) => {
      const vector = sample.getChild(header);
      return Array.from({ length: sample.numRows }, (_, r) => String(vector?.get(r) ?? ''));
    };
    const plan = await planImport(fileName, headers, column, input, delimiter);
    const fileRef = await db.registerFile(name, source);
    try {
      onProgress?.('reading', 0);
      const progress = onProgress ? { onProgress: (fraction: number) => onProgress('reading', fraction) } : {};
      const load = (longRecords: boolean) => loadCsvSql(plan, headers, fileRef, delimiter, fileName, csvEncoding, lineBreaks, longRecords);
      const queryOptions = { ...(signal ? { signal } : {}), ...progress };
      // DuckDB refuses a whole file for one record over its line limit (naming the wrong line): read again, measuring them.
      await db.query(load(false), queryOptions).catch(async (error: unknown) => {
        if (!isLineTooLong(error)) throw error;
        onProgress?.('reading', 0);
        await db.query(load(true), queryOptions).catch((again: unknown) => {
          throw isLineTooLong(again) ? new ExportError(fileName, `a record is longer than ${READ_LINE_LIMIT_TEXT}: is a quote left open?`) : again;
        });
      });
    } finally {
      // Everything after the scan reads the working table; the engine gets all its threads back.
      await db.unregisterFile(name);
    }
    const scanned = scan ? await scan : null;
    if (await latin1Refused()) {
      await db.query(dropImportTablesSql());
      return null;
    }
    if (!lineBreaks && (!scanned || scanned.lineBreakInCell || scanned.irregular)) return await importText(db, file, source, csvEncoding, scan, true, options);
    const { kind } = plan;
    onProgress?.('checking');
    signal?.throwIfAborted();
    const trim = !scanned || scanned.spaceAtCellEdge || scanned.irregular ? trimTextSql(plan) : null;
    if (trim) await db.query(trim);
    let stats = await importStats(db, plan);
    const placeholders = await emptyPlaceholders(db, plan);
    // A required value that is a placeholder is missing: its row is flagged now, and counted.
    if (placeholders.some((p) => requiredTextColumns(plan).includes(p.column))) stats = { ...stats, ...(await flaggedCounts(db)) };
    const recheck = stats.bad + stats.soft > 0 ? recheckFlaggedSql(plan) : null;
    if (recheck) {
      for (const query of placeholderTableSql(plan.placeholders)) await db.query(query);
      await db.query(recheck);
      stats = { ...stats, ...(await flaggedCounts(db)) };
    }
    // Lines are rowid + 2 unless records were set aside or cells hold line breaks: then they are stored first.
    const simpleLines = stats.multiLine === 0 && stats.setAside === 0;
    if (!simpleLines) await db.query(numberLinesSql());
    const line = lineSql(simpleLines);
    const rejectsTable = rejectsTableSql(plan, line, { flagged: stats.bad > 0, repeatedIds: stats.repeatedIds, setAside: stats.setAside > 0, longRecords: stats.longRecords > 0 });
    if (rejectsTable) await db.query(rejectsTable);
    const clearedQuery = stats.soft > 0 ? clearedCellsSql(plan, line, rejectsTable !== null) : null;
    const cleared = clearedQuery ? toRows(await db.query(clearedQuery)) : [];
    const { repairs, changes, unknownValues } = await vocabularyChanges(db, kind, mappableColumns(plan), line, rejectsTable !== null, options);
    const update = finalUpdateSql(simpleLines, changes);
    if (update) await db.query(update);
    const rowsRead = stats.rows + stats.setAside;
    await db.query(pruneWorkSql(rejectsTable !== null));
    const rejects = rejectsTable ? toRows(await db.query(rejectsSql())) : [];
    const rowsLoaded = rejectsTable ? await first(db, countSql(WORK)) : stats.rows;
    const report: CsvImportReport = {
      fileName,
      kind,
      encoding,
      delimiter,
      format: plan.format,
      dateRange: plan.dateRange,
      mapping: plan.mapping,
      rowsRead,
      rowsLoaded,
      rowsRejected: rowsRead - rowsLoaded,
      rejects,
      repairs,
      mode: 'replace',
      rowsReplaced: 0,
      unknownValues,
      constants: plan.constants,
      cleared,
      placeholders,
      placeholderValues: plan.placeholders,
      extras: plan.extras,
      currency: plan.currency,
      plausibility: [],
    };
    // Asked before anything is replaced: an import that drops much of its file, empties a column or loads nothing.
    const risks = importRisks(report);
    if (risks.length && options.confirmRisks && !(await options.confirmRisks(risks, report))) {
      throw new ExportError(fileName, `not imported, nothing was replaced: ${risks.map((r) => r.message).join('; ')}`);
    }
    // The last moment to cancel: from here the table of that kind changes.
    signal?.throwIfAborted();
    // Rows are matched by the kind's key: an export without it (deals with no deal id) can only replace.
    const keyed = importIsKeyed(kind, (c) => plan.mapping[c] !== undefined || plan.constants[c] !== undefined);
    const mode: ImportMode = options.mode === 'upsert' && keyed && (await first(db, tableExistsSql(kind))) > 0 ? 'upsert' : 'replace';
    const rowsReplaced = mode === 'upsert' ? await first(db, matchingRowsSql(WORK, kind)) : 0;
    // A workbook's lines become its sheet rows while they are still only this import's rows.
    const renumber = options.sheetRows && rowsLoaded > 0 ? sheetRowsSql(WORK, options.sheetRows) : null;
    if (renumber) await db.query(renumber);
    await inTransaction(db, mode === 'upsert' ? await upsertSteps(db, kind) : replaceTableSql(kind));
    published = true;
    return { ...report, mode, rowsReplaced, ...(await afterImport(db, kind)) };
  } catch (error) {
    // A failed import frees its working tables and leaves the previous data as it was.
    await db.query(dropImportTablesSql()).catch(() => undefined);
    // An error found in text read as latin-1 (e.g. in a header) is only reported once that text is known to be right.
    if (!published && (await latin1Refused())) return null;
    if (error instanceof ExportError || signal?.aborted) throw error;
    if (!file.lineFeeds && isDialectError(error)) throw new DialectRefused(fileName, 'no CSV dialect found');
    if (isDialectError(error)) throw new ExportError(fileName, `could not be read as CSV with the delimiter ${JSON.stringify(delimiter)}: choose the delimiter, and check that every quote is closed`);
    // Out of memory is said as the engine says it: the browser turns it into advice (explainOutOfMemory).
    const engineText = errorText(error);
    throw new ExportError(fileName, `${/out of memory/i.test(engineText) ? engineText : readableEngineError(engineText)}; nothing was imported, your earlier data is unchanged`);
  }
}

/**
 * What follows a published import: freeing the working tables, the leads' derived facts and the
 * plausibility check. The import has happened by now, so a failure here is reported with it (the
 * figures may be stale until the next change) instead of turning it into a failed import.
 */
async function afterImport(db: Db, kind: TableKind): Promise<Pick<CsvImportReport, 'plausibility' | 'afterwards'>> {
  const afterwards: string[] = [];
  const attempt = async <T>(what: string, step: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await step();
    } catch (error) {
      afterwards.push(`${what}: ${errorText(error)}`);
      return fallback;
    }
  };
  await attempt('the working tables could not be freed', async () => void (await db.query(dropImportTablesSql())), undefined);
  await attempt('the figures could not be refreshed', () => refreshLeadFacts(db), undefined);
  const plausibility = kind === 'leads' || kind === 'deals' ? await attempt('the plausibility check failed', () => plausibilityWarnings(db), []) : [];
  return { plausibility, afterwards };
}

/** The head's records as DuckDB reads them: its names for the columns, and their values as text. */
async function readSample(db: Db, name: string, { input, head, delimiter, lineFeeds }: CsvFile) {
  const text = lineFeeds ? head.replace(/\r\n/g, '\n') : head;
  const fileRef = await db.registerFile(name, { kind: 'bytes', bytes: new TextEncoder().encode(text) });
  try {
    return await db.query(sampleCsvSql(fileRef, delimiter));
  } catch (error) {
    // DuckDB's sniffer only says that it found no dialect; a quote left open is the usual cause.
    const quote = unclosedQuote(head, delimiter);
    if (quote) throw new ExportError(input.fileName, `line ${quote.line}, column ${quote.column}: a quoted cell is never closed (the file ends inside it)`);
    throw error;
  } finally {
    await db.unregisterFile(name);
  }
}

async function flaggedCounts(db: Db): Promise<{ bad: number; soft: number }> {
  const flagged = await firstRow(db, flaggedCountSql());
  return { bad: Number(flagged.bad ?? 0), soft: Number(flagged.soft ?? 0) };
}

async function importStats(db: Db, plan: LoadPlan): Promise<ImportStats> {
  const row = await firstRow(db, importStatsSql(plan));
  return {
    rows: Number(row.rows ?? 0),
    bad: Number(row.bad ?? 0),
    soft: Number(row.soft ?? 0),
    multiLine: Number(row.multi_line ?? 0),
    longRecords: Number(row.long_records ?? 0),
    setAside: Number(row.set_aside ?? 0),
    repeatedIds: row.repeated_ids === true,
  };
}

/**
 * Table, column mapping, constants, extras and value formats from the headers and the first rows
 * (as text). Formats are detected one column at a time, each in a task of its own (all at once took
 * 50–200 ms).
 */
async function planImport(
  fileName: string,
  headers: readonly string[],
  sample: (header: string) => string[],
  chosen: CsvImportInput,
  delimiter: string,
): Promise<LoadPlan & { readonly constants: ColumnConstants; readonly extras: readonly ExtraColumn[]; readonly placeholders: readonly string[]; readonly currency: string | null; readonly dateRange: DateRange }> {
  // DuckDB names the columns of a file without a header row column0, column1, …
  if (headers.every((h) => /^column\d+$/.test(h))) throw new ExportError(fileName, 'no header row found');
  const kind = chosen.kind ?? detectTableKind(headers);
  if (!kind) throw new ExportError(fileName, `not recognised as ${TABLE_KINDS_IN_WORDS} (headers: ${headers.join(', ')}); choose its table, or import it as a lookup`);
  // A chosen mapping names headers as the preview showed them (trimmed); DuckDB keeps the spaces.
  const actual = (header: string) => headers.find((h) => h === header) ?? headers.find((h) => h.trim() === header.trim()) ?? header;
  const given = chosen.mapping ? Object.fromEntries(Object.entries(chosen.mapping).map(([column, header]) => [column, actual(header)])) : suggestMapping(kind, headers);
  const unknown = Object.values(given).filter((header) => !headers.includes(header));
  if (unknown.length) throw new ExportError(fileName, `the mapping names columns the file does not have: ${unknown.join(', ')}`);
  const currency = chosen.currency?.trim() ? chosen.currency.trim().toUpperCase() : null;
  // A currency chosen for the file fills its currency column where the file has none.
  const withCurrency = currency && (kind === 'leads' || kind === 'deals') && given.currency === undefined ? { currency, ...chosen.constants } : chosen.constants;
  const constants = checkedConstants(fileName, kind, withCurrency ?? {});
  const missing = missingRequired(kind, given, constants);
  // A header a constant replaces is not read for its column: it is kept as an extra column like any other the mapping leaves.
  const read = readMapping(given, constants);
  if (missing.length) throw new ExportError(fileName, `no column found for ${missing.join(', ')} (headers: ${headers.join(', ')})`);
  const extras = extraColumns(kind, headers, read);
  // The raw source is the medium column as the export wrote it, unless the file has a column of its own for it.
  const mapping = withRawSource(kind, read, constants);
  const detected = await detectValueFormatInSteps(kind, mapping, sample, delimiter, nextTask);
  const format: ValueFormat = {
    decimalSeparator: chosen.decimalSeparator ?? detected.decimalSeparator,
    dateFormats: { ...detected.dateFormats, ...chosen.dateFormats },
  };
  const dateRange = chosen.dateRange ?? defaultDateRange(new Date());
  const rangeProblem = dateRangeProblem(dateRange);
  if (rangeProblem) throw new ExportError(fileName, rangeProblem);
  return { kind, mapping, constants, extras, placeholders: chosen.placeholders ?? DEFAULT_PLACEHOLDERS, format, currency, dateRange };
}

/** Constants only for the kind's columns; a typed constant must read as its type (checked by the SQL builder too). */
function checkedConstants(fileName: string, kind: TableKind, constants: ColumnConstants): ColumnConstants {
  const known = CANONICAL[kind].map((c) => c.name);
  const wrong = Object.keys(constants).filter((c) => !known.includes(c));
  if (wrong.length) throw new ExportError(fileName, `constants for columns ${kind} does not have: ${wrong.join(', ')}`);
  return Object.fromEntries(Object.entries(constants).filter(([, value]) => value.trim() !== '').map(([column, value]) => [column, value.trim()]));
}

function withRawSource(kind: TableKind, mapping: ColumnMapping, constants: ColumnConstants): ColumnMapping {
  if (kind !== 'leads' || mapping.source !== undefined || constants.source !== undefined) return mapping;
  if (mapping.medium !== undefined) return { ...mapping, source: mapping.medium };
  return mapping;
}

/**
 * Counts the placeholders and empties them in the optional text columns and extras; in the typed
 * columns of the flagged rows they are counted here and read as empty by recheckFlaggedSql.
 * Required text was emptied of them while reading.
 */
async function emptyPlaceholders(db: Db, plan: LoadPlan): Promise<{ column: string; cells: number }[]> {
  const counts: { column: string; cells: number }[] = [];
  for (const count of placeholderCountsSql(plan)) {
    const row = await firstRow(db, count.query);
    counts.push(...count.columns.map((column, i) => ({ column, cells: Number(row[`n${i}`] ?? 0) })).filter((c) => c.cells > 0));
  }
  const typed = new Set(CANONICAL[plan.kind].filter((c) => c.type !== 'VARCHAR').map((c) => c.name));
  const required = new Set(requiredTextColumns(plan));
  const found = counts.filter((c) => !typed.has(c.column));
  const rejectRequired = rejectRequiredPlaceholdersSql(found.filter((c) => required.has(c.column)).map((c) => c.column), plan.placeholders ?? []);
  if (rejectRequired) await db.query(rejectRequired);
  const emptyTexts = emptyPlaceholdersSql(found.filter((c) => !required.has(c.column)).map((c) => c.column), plan.placeholders ?? []);
  if (emptyTexts) await db.query(emptyTexts);
  return counts;
}

/**
 * The vocabulary values of the rows that will be loaded that map onto other canonical values
 * (synonyms, then the user's value mapping): each mapping is reported as a repair, and the changes
 * are applied by the final update. Values still unknown are asked about (reviewValues) before
 * anything is replaced; what stays unknown is kept as it is and listed.
 */
async function vocabularyChanges(db: Db, kind: TableKind, textColumns: readonly string[], line: string, withRejects: boolean, options: ImportOptions) {
  const vocabularies = Object.entries(VOCABULARY_COLUMNS[kind]);
  // The raw source is asked about too: its spellings are what users merge ("google" → "Google").
  const spelled = textColumns.includes('source') && kind === 'leads' ? ['source'] : [];
  const query = vocabularyValuesSql([...vocabularies.map(([column]) => column), ...spelled], line, withRejects);
  const values = query ? toRows(await db.query(query)) : [];
  const isKnown = (vocabulary: Vocabulary, raw: string) => VOCABULARIES[vocabulary].has(vocabularyKey(raw.trim()));
  const unknownOf = (mapping: ValueMapping): UnknownValue[] =>
    vocabularies.flatMap(([column, vocabulary]) =>
      values
        .filter((v) => v.column_name === column)
        .map(({ value, n }) => ({ column, vocabulary, value: String(value), rows: Number(n) }))
        .filter((u) => !isKnown(vocabulary, u.value) && mapping[u.column]?.[u.value] === undefined),
    );
  let userMapping: ValueMapping = options.values ?? {};
  const review = valueReviewOf(vocabularies, values);
  const answered = (column: string, value: string) => userMapping[column]?.[value] !== undefined;
  const unreviewed = unknownOf(userMapping);
  const unansweredGroupings = review.values.some((v) => v.known && v.proposed !== v.value && review.values.filter((w) => w.column === v.column && w.proposed === v.proposed).length > 1 && !answered(v.column, v.value));
  const unansweredMerges = review.merges.some((m) => m.values.some((v) => !answered(m.column, v.value)));
  if ((unreviewed.length || unansweredGroupings || unansweredMerges) && options.reviewValues) {
    options.onProgress?.('mapping values');
    userMapping = mergeValueMappings(userMapping, await options.reviewValues(unreviewed, review));
    options.signal?.throwIfAborted();
  }
  const repairs: Repair[] = [];
  const changes = new Map<string, Map<string, string>>();
  for (const [column, vocabulary] of vocabularies) {
    const changed = new Map<string, string>();
    // In the order the values are first counted, as the report lists them.
    for (const { value, n } of values.filter((v) => v.column_name === column)) {
      const raw = String(value);
      const chosen = userMapping[column]?.[raw];
      const canonical = chosen ?? canonicalValue(vocabulary, raw);
      if (canonical === null || canonical === raw) continue;
      changed.set(raw, canonical);
      repairs.push({ column, from: raw, to: canonical, rows: Number(n), why: chosen === undefined ? `${vocabulary} synonym` : 'your value mapping' });
    }
    changes.set(column, changed);
  }
  // The user's merges of other text columns (the raw source's "google" → "Google", an extra column's spellings).
  const merged = Object.keys(userMapping).filter((column) => !changes.has(column) && textColumns.includes(column) && Object.keys(userMapping[column] ?? {}).length > 0);
  const mergeQuery = vocabularyValuesSql(merged, line, withRejects);
  for (const { column_name: column, value, n } of mergeQuery ? toRows(await db.query(mergeQuery)) : []) {
    const raw = String(value);
    const to = userMapping[String(column)]?.[raw];
    if (to === undefined || to === raw) continue;
    const changed = changes.get(String(column)) ?? new Map<string, string>();
    changed.set(raw, to);
    changes.set(String(column), changed);
    repairs.push({ column: String(column), from: raw, to, rows: Number(n), why: 'your value mapping' });
  }
  return { repairs, changes, unknownValues: unknownOf(userMapping) };
}

/**
 * The value step's content: each vocabulary value with its built-in grouping, and the spellings that
 * differ only in case or spaces (of the raw source, and of values the vocabularies do not know).
 */
function valueReviewOf(vocabularies: readonly [string, Vocabulary][], values: readonly Row[]): ValueReview {
  const reviewed: ReviewedValue[] = vocabularies.flatMap(([column, vocabulary]) =>
    values
      .filter((v) => v.column_name === column)
      .map(({ value, n }) => {
        const raw = String(value);
        const canonical = VOCABULARIES[vocabulary].get(vocabularyKey(raw.trim()));
        return { column, vocabulary, value: raw, rows: Number(n), proposed: canonical ?? raw, known: canonical !== undefined };
      }),
  );
  const candidates = [
    ...reviewed.filter((v) => !v.known).map((v) => ({ column: v.column, value: v.value, rows: v.rows })),
    ...values.filter((v) => v.column_name === 'source').map((v) => ({ column: 'source', value: String(v.value), rows: Number(v.n) })),
  ];
  const groups = new Map<string, { column: string; value: string; rows: number }[]>();
  for (const c of candidates) {
    const key = `${c.column}\u0000${c.value.trim().replace(/\s+/g, ' ').toLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const merges: MergeSuggestion[] = [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => {
      const sorted = [...g].sort((a, b) => b.rows - a.rows || (a.value < b.value ? -1 : 1));
      return { column: sorted[0]!.column, into: sorted[0]!.value, values: sorted.map(({ value, rows }) => ({ value, rows })) };
    });
  return { values: reviewed, merges };
}

function mergeValueMappings(a: ValueMapping, b: ValueMapping): ValueMapping {
  const merged: Record<string, Record<string, string>> = {};
  for (const mapping of [a, b]) for (const [column, values] of Object.entries(mapping)) merged[column] = { ...merged[column], ...values };
  return merged;
}
