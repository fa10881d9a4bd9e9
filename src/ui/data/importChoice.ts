import type { CsvImportInput, CsvImportReport, ImportOptions } from '../../services/importCsv';
import type { LookupKey, LookupReport } from '../../services/lookups';
import type { ColumnMapping } from '../../ingest/headerMapping';
import type { TableKind } from '../../domain/schema';

/** What the user chose for one file, and how the page follows and may cancel the import. */
export interface ImportChoice extends ImportOptions, Pick<CsvImportInput, 'decimalSeparator' | 'dateFormats' | 'dateRange' | 'constants' | 'placeholders' | 'currency'> {
  /** A table of the data model, or a lookup joined onto the leads by `lookupKey`. */
  readonly kind: TableKind | 'lookup';
  readonly mapping: ColumnMapping;
  readonly lookupKey?: LookupKey;
}

/** A file's report: a table's import, or a lookup's. */
export type AnyImportReport = CsvImportReport | LookupReport;

/** What became of one file the user imported: its report, or why it could not be used. */
export type ImportOutcome = { readonly file: string; readonly report: AnyImportReport } | { readonly file: string; readonly error: string };
