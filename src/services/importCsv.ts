import { toRows, type Row } from '../db/arrowRows';
import type { Db, FileSource } from '../db/types';
import { CANONICAL, VOCABULARY_COLUMNS, type TableKind } from '../domain/schema';
import { quoteIdent } from '../domain/sqlQuery';
import { canonicalValue } from '../domain/vocabulary';
import { detectEncoding, type TextEncoding } from '../ingest/encoding';
import { detectTableKind, missingRequired, suggestMapping, type ColumnMapping } from '../ingest/headerMapping';
import { sniffCsv } from '../ingest/sniffCsv';
import { detectDateFormats, detectDecimalSeparator } from '../ingest/valueFormats';
import {
  cellRejectsSql,
  countSql,
  dropImportTablesSql,
  hasMultiLineCellsSql,
  insertAcceptedSql,
  numberStagedLinesSql,
  remapValuesSql,
  rejectsSql,
  shapeRejectedRecordsSql,
  stageCsvSql,
  stagedHeadersSql,
  STAGE,
  TYPED,
  typedStageSql,
  type ValueFormat,
} from '../sql/importCsv';
import { ExportError } from './exportError';

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
}

export interface TextCodec {
  /** Decodes the head for sniffing (browser: TextDecoder; Node: iconv-lite, as Node's windows-1252 is wrong). */
  decode(bytes: Uint8Array, encoding: TextEncoding): string;
  /** A UTF-8 copy of the whole file for DuckDB, which reads only UTF-8. */
  toUtf8(source: FileSource, encoding: TextEncoding, bomLength: number): Promise<FileSource>;
}

export interface Repair {
  readonly column: string;
  readonly from: string;
  readonly to: string;
  readonly rows: number;
  readonly why: string;
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
}

/** NUL and the other C0 controls that no text export contains (tab, CR, LF, FF are fine). */
function hasBinaryBytes(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x09 || (code > 0x0d && code < 0x1b)) return true;
  }
  return false;
}

const count = async (db: Db, table: string) => Number(toRows(await db.query(countSql(table)))[0]?.n ?? 0);

/**
 * Imports one CSV export into its canonical table: detect encoding, delimiter and formats, read
 * everything as text, convert with TRY_ functions, and report every rejected or repaired value.
 * Replaces the table of that kind only when the import succeeds.
 */
export async function importCsv(db: Db, input: CsvImportInput, codec: TextCodec): Promise<CsvImportReport> {
  const { fileName } = input;
  if (input.head.length === 0) throw new ExportError(fileName, 'the file is empty (0 bytes)');
  const { encoding, bomLength } = detectEncoding(input.head);
  const headText = codec.decode(input.head.subarray(bomLength), encoding);
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be' && hasBinaryBytes(headText)) {
    throw new ExportError(fileName, 'this is not a text export (it contains binary data); export the table as CSV');
  }
  const { delimiter } = sniffCsv(headText);
  const utf8 = encoding === 'utf-8' ? input.source : await codec.toUtf8(input.source, encoding, bomLength);
  const name = `import-${fileName}`;
  try {
    await db.query(dropImportTablesSql());
    const fileRef = await db.registerFile(name, utf8);
    try {
      await db.query(stageCsvSql(fileRef, delimiter));
    } finally {
      // Everything after staging reads the staged table; the engine gets all its threads back.
      await db.unregisterFile(name);
    }
    const headers = (await db.query(stagedHeadersSql())).schema.fields.map((f) => f.name).filter((h) => h !== '_line');
    if (headers.every((h) => /^column\d+$/.test(h))) throw new ExportError(fileName, 'no header row found');
    const kind = input.kind ?? detectTableKind(headers);
    if (!kind) throw new ExportError(fileName, `not recognised as leads, deals, campaigns or targets (headers: ${headers.join(', ')})`);
    const mapping = suggestMapping(kind, headers);
    const missing = missingRequired(kind, mapping);
    if (missing.length) throw new ExportError(fileName, `no column found for ${missing.join(', ')} (headers: ${headers.join(', ')})`);

    const format = await detectFormats(db, kind, mapping, delimiter);
    const multiLine = Number(toRows(await db.query(hasMultiLineCellsSql(headers)))[0]?.n ?? 0) > 0;
    const shapeRejected = Number(toRows(await db.query(shapeRejectedRecordsSql()))[0]?.n ?? 0);
    await db.query(numberStagedLinesSql(headers, multiLine, shapeRejected > 0));
    await db.query(typedStageSql(kind, mapping, format));
    await db.query(cellRejectsSql(kind, mapping, format));
    const rowsRead = (await count(db, STAGE)) + shapeRejected;
    await db.query(dropImportTablesSql(STAGE));
    await db.query(insertAcceptedSql(kind, fileName));
    await db.query(dropImportTablesSql(TYPED));
    const repairs = await canonicalise(db, kind);
    const rejects = toRows(await db.query(rejectsSql()));
    const rowsLoaded = await count(db, kind);
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
    };
  } catch (error) {
    if (error instanceof ExportError) throw error;
    throw new ExportError(fileName, error instanceof Error ? error.message : String(error));
  }
}

/** Decimal separator and date formats from the first staged rows of the mapped columns. */
async function detectFormats(db: Db, kind: TableKind, mapping: ColumnMapping, delimiter: string): Promise<ValueFormat> {
  const mapped = CANONICAL[kind].filter((c) => mapping[c.name] !== undefined);
  const sample = toRows(
    await db.query({ sql: `SELECT ${mapped.map((c) => quoteIdent(mapping[c.name] ?? '')).join(', ')} FROM ${STAGE} LIMIT 1000`, params: [] }),
  );
  const values = (header: string) => sample.map((r) => String(r[header] ?? ''));
  const numbers = mapped.filter((c) => c.type === 'DOUBLE' || c.type === 'INTEGER').flatMap((c) => values(mapping[c.name] ?? ''));
  const dateFormats: Record<string, string[]> = {};
  for (const column of mapped.filter((c) => c.type === 'DATE')) {
    const formats = detectDateFormats(values(mapping[column.name] ?? ''));
    if (formats.length) dateFormats[column.name] = formats;
  }
  return { decimalSeparator: detectDecimalSeparator(numbers, delimiter === ';' ? ',' : '.'), dateFormats };
}

/** Maps vocabulary columns onto canonical values and reports each mapping as a repair. */
async function canonicalise(db: Db, kind: TableKind): Promise<Repair[]> {
  const repairs: Repair[] = [];
  for (const [column, vocabulary] of Object.entries(VOCABULARY_COLUMNS[kind])) {
    const values = toRows(
      await db.query({ sql: `SELECT ${quoteIdent(column)} AS value, count(*)::BIGINT AS n FROM ${quoteIdent(kind)} WHERE ${quoteIdent(column)} IS NOT NULL GROUP BY 1`, params: [] }),
    );
    const changes = new Map<string, string>();
    for (const { value, n } of values) {
      const raw = String(value);
      const canonical = canonicalValue(vocabulary, raw);
      if (canonical === null || canonical === raw) continue;
      changes.set(raw, canonical);
      repairs.push({ column, from: raw, to: canonical, rows: Number(n), why: `${vocabulary} synonym` });
    }
    const update = remapValuesSql(kind, column, changes);
    if (update) await db.query(update);
  }
  return repairs;
}
