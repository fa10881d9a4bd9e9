import type { Row } from '../../db/arrowRows';

/** Where an export's chunks of rows go, in order; `finish` gives the file. */
export interface ExportSink {
  add(rows: readonly Row[]): void;
  finish(): Promise<Blob>;
  /** Frees what it holds (a worker, the parts), also after a cancel. */
  dispose(): void;
}

/** Excel's last row is 1,048,576; one is the header. */
const EXCEL_MAX_ROWS = 1_048_575;
/**
 * exceljs holds the whole workbook in memory. Measured in headless Chromium with 1M leads loaded:
 * ~386k rows × 10 columns (3.9M cells) were written in 86 s; 1M × 10 crashed the page (out of memory).
 */
const XLSX_MAX_CELLS = 4_000_000;

/** How many rows an Excel export of this many columns may have (here, not beside exceljs: the page needs it). */
export function xlsxRowLimit(columns: number): number {
  return Math.min(EXCEL_MAX_ROWS, Math.floor(XLSX_MAX_CELLS / Math.max(columns, 1)));
}
