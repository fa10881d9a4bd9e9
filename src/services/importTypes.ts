/**
 * The import's shared types: what the shell hands over, the codec it brings, the options and the
 * report. In a module of their own so that the CSV, Parquet and workbook imports need not import
 * each other for them.
 */
import type { Row } from '../db/arrowRows';
import type { FileSource } from '../db/types';
import type { TableKind } from '../domain/schema';
import type { DateRange, ValueFormat } from '../domain/valueFormat';
import type { Vocabulary } from '../domain/vocabulary';
import type { CsvScan } from '../ingest/csvScan';
export type { CsvScan };
import type { TextEncoding } from '../ingest/encoding';
import type { ColumnConstants, ColumnMapping } from '../ingest/headerMapping';
import type { SheetSummary, WorkbookConversion } from '../ingest/xlsx';
import type { ImportMode } from '../sql/importMerge';
import type { ImportRisk } from './importRisks';
import type { PlausibilityWarning } from './leadFacts';

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
  /** Canonical column → text every row gets (stage "mql" for a file of MQLs); wins over a header. */
  readonly constants?: ColumnConstants;
  /** Cell texts that mean "not filled" (compared trimmed, case-insensitively); DEFAULT_PLACEHOLDERS when absent. */
  readonly placeholders?: readonly string[];
  /** The currency of the file's amounts where it has no currency column (ISO code, e.g. "USD"). */
  readonly currency?: string;
  /** Formats the user corrected in the review; the rest is detected. */
  readonly encoding?: TextEncoding;
  readonly delimiter?: string;
  readonly decimalSeparator?: ValueFormat['decimalSeparator'];
  readonly dateFormats?: ValueFormat['dateFormats'];
  /** Dates outside are flagged, not loaded (yyyy-mm-dd, both ends included); defaultDateRange(today) when absent. */
  readonly dateRange?: DateRange;
  /** A workbook already converted to CSV (when the user reviewed it first): not converted again. */
  readonly workbook?: WorkbookAsCsv;
}

export interface TextCodec {
  /** Decodes the head for sniffing (browser: TextDecoder; Node: iconv-lite, as Node's windows-1252 is wrong). */
  decode(bytes: Uint8Array, encoding: TextEncoding): string;
  /** A UTF-8 copy of the whole file for DuckDB, which reads only UTF-8; with `lineFeeds`, every CR LF written as LF (see LineFeeds). */
  toUtf8(source: FileSource, encoding: TextEncoding, bomLength: number, options?: { readonly lineFeeds?: boolean }): Promise<FileSource>;
  /** An Excel workbook's sheet as UTF-8 CSV (browser: in a worker, so the page stays responsive). */
  convertWorkbook(source: FileSource): Promise<WorkbookConversion>;
  /** A Parquet file's rows as UTF-8 CSV (parquet-wasm; browser: in a worker). */
  convertParquet(source: FileSource): Promise<Uint8Array>;
  /**
   * Optional: what the bytes of a UTF-8 or Windows-1252 export hold (see CsvScan), for its head
   * (after the BOM) at once, and for the whole file as it comes (the browser scans it in a worker
   * beside DuckDB's read; the import awaits it before publishing). With it, a Windows-1252 file
   * without the bytes 0x80–0x9F is read by DuckDB as latin-1 without a UTF-8 copy, and the import
   * skips the careful steps the file does not need; without it, every careful step is taken.
   */
  scan?(source: FileSource, head: Uint8Array, delimiter: string, encoding: 'utf-8' | 'windows-1252'): { readonly head: CsvScan; readonly file: Promise<CsvScan> };
  /** Optional: the first `bytes` of a source the import cannot slice itself (a path), for a header longer than the head. */
  readStart?(source: FileSource, bytes: number): Promise<Uint8Array>;
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

/** One value of a vocabulary column, and what it becomes unless the user says otherwise. */
export interface ReviewedValue {
  readonly column: string;
  readonly vocabulary: Vocabulary;
  readonly value: string;
  readonly rows: number;
  /** The canonical value a known synonym maps onto ("organic_search" → "web"), or the value itself when unknown. */
  readonly proposed: string;
  readonly known: boolean;
}

/** Spellings of one value that differ only in case or spaces ("Google", "google"): a merge to suggest. */
export interface MergeSuggestion {
  readonly column: string;
  /** The most used spelling. */
  readonly into: string;
  readonly values: readonly { readonly value: string; readonly rows: number }[];
}

/** What the value step shows: every value of the vocabulary columns with its built-in grouping, and the merges to suggest. */
export interface ValueReview {
  readonly values: readonly ReviewedValue[];
  readonly merges: readonly MergeSuggestion[];
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
   * Asked before anything is replaced, when values match nothing known, when the built-in
   * synonyms merge several values into one ("paid_search" and "display" → ad) or when spellings of
   * one value differ only in case ("Google", "google"), unless a remembered mapping answers all of
   * them: returns the mapping to apply (values it leaves out stay as proposed). Without it unknown
   * values are kept and synonyms applied.
   */
  readonly reviewValues?: (unknown: readonly UnknownValue[], review: ValueReview) => Promise<ValueMapping>;
  /**
   * Asked before anything is replaced when the import is risky (see importRisks): true goes on,
   * false stops it with nothing changed. Without it the import goes on.
   */
  readonly confirmRisks?: (risks: readonly ImportRisk[], report: CsvImportReport) => Promise<boolean>;
}

export interface CsvImportReport {
  readonly fileName: string;
  readonly kind: TableKind;
  readonly encoding: TextEncoding;
  readonly delimiter: string;
  readonly format: ValueFormat;
  /** The plausible dates: a date outside was flagged (rejected or cleared) with the range as its reason. */
  readonly dateRange: DateRange;
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
  /** Constants given for columns (stage "mql"). */
  readonly constants: ColumnConstants;
  /** Optional cells that did not convert: emptied, their rows kept; each with line, column, value and reason. */
  readonly cleared: readonly Row[];
  /** Cells read as empty because they held a placeholder, per column. */
  readonly placeholders: readonly { readonly column: string; readonly cells: number }[];
  /** The placeholders this import looked for. */
  readonly placeholderValues: readonly string[];
  /** File columns the mapping does not use, kept under `name` as extra attributes. */
  readonly extras: readonly { readonly header: string; readonly name: string }[];
  /** The currency of the amounts: the input's choice, else null (a currency column, if mapped, holds it per row). */
  readonly currency: string | null;
  /** Leads (with their deals applied) that look wrong but are kept: closed before created, won without amount. */
  readonly plausibility: readonly PlausibilityWarning[];
  /** Steps after the import that failed (it was imported): said with the report, never silently. */
  readonly afterwards?: readonly string[];
  /** For an Excel workbook: the sheet that was read, and what to know about it. Lines are then sheet rows. */
  readonly sheet?: SheetSummary;
}

export interface WorkbookAsCsv {
  /** The import input with the sheet's CSV in place of the workbook (same file name, kind and mapping). */
  readonly input: CsvImportInput;
  readonly summary: SheetSummary;
  readonly sheetRows: ReadonlyMap<number, number>;
}
