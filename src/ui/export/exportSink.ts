import type { Row } from '../../db/arrowRows';

/** Where an export's chunks of rows go, in order; `finish` gives the file. */
export interface ExportSink {
  add(rows: readonly Row[]): void;
  finish(): Promise<Blob>;
  /** Frees what it holds (a worker, the parts), also after a cancel. */
  dispose(): void;
}

/** Excel's last row is 1,048,576; one is the header. (Here, not beside exceljs: the page needs it, not exceljs.) */
export const XLSX_MAX_ROWS = 1_048_575;
