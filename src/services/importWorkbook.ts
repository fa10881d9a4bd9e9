import type { Row } from '../db/arrowRows';
import { workbookFormat, type WorkbookFormat } from '../ingest/xlsx';
import { ExportError } from './exportError';
import type { CsvImportInput, CsvImportReport, TextCodec, WorkbookAsCsv } from './importTypes';
import { errorText } from '../domain/errorText';

/**
 * Excel workbooks on the CSV import path: the workbook is recognised by its first bytes, its sheet
 * converted to UTF-8 CSV (by the codec: in a worker in the browser) and imported as that;
 * afterwards the report's and the table's line numbers are turned into sheet rows and the report
 * names the sheet.
 */

const UNREADABLE: Readonly<Record<Exclude<WorkbookFormat, 'xlsx'>, string>> = {
  encrypted:
    'this Excel workbook is password-protected (encrypted) and cannot be read: open it in Excel, remove the password ' +
    '(File › Info › Protect Workbook › Encrypt with Password) and save it again, or save it as CSV',
  xls: 'this is an old Excel workbook (.xls), which cannot be read here: save it as .xlsx or CSV',
  xlsb: 'this is a binary Excel workbook (.xlsb), which cannot be read here: save it as .xlsx or CSV',
  ods: 'this is an OpenDocument spreadsheet (.ods), which cannot be read here: save it as .xlsx or CSV',
};


/** The workbook's sheet as CSV input; null when the input is no spreadsheet. Throws an ExportError for one that cannot be read. */
export async function workbookAsCsv(input: CsvImportInput, codec: TextCodec, headBytes: number): Promise<WorkbookAsCsv | null> {
  const { fileName } = input;
  const format = workbookFormat(fileName, input.head);
  if (format === null) return null;
  if (format !== 'xlsx') throw new ExportError(fileName, UNREADABLE[format]);
  const unreadable = (message: string) => new ExportError(fileName, `this is an Excel workbook but could not be read: ${message}`);
  const converted = await codec.convertWorkbook(input.source).catch((error: unknown) => {
    throw unreadable(errorText(error));
  });
  if (!converted.ok) throw converted.problem === 'no-data' ? new ExportError(fileName, 'the workbook has no sheet with data') : unreadable(converted.message);
  const { csv, summary, sheetRows } = converted;
  return { input: { ...input, source: { kind: 'bytes', bytes: csv }, head: csv.subarray(0, headBytes) }, summary, sheetRows };
}

/** The CSV import's report for the workbook: its lines are sheet rows (the table's were renumbered by the import), and the sheet is named. */
export function workbookReport(workbook: WorkbookAsCsv, report: CsvImportReport): CsvImportReport {
  const { sheetRows } = workbook;
  const row = (line: number) => sheetRows.get(line) ?? line;
  const toSheetRow = (entry: Row): Row => ({
    ...entry,
    line: typeof entry.line === 'number' ? row(entry.line) : (entry.line ?? null),
    // "duplicate of line 5" names a line too: it becomes the sheet row.
    reason: typeof entry.reason === 'string' ? entry.reason.replace(/\bline (\d+)\b/g, (_, n: string) => `row ${row(Number(n))}`) : (entry.reason ?? null),
  });
  return { ...report, rejects: report.rejects.map(toSheetRow), cleared: report.cleared.map(toSheetRow), sheet: workbook.summary };
}
