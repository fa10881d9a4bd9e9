import type { Cell } from '../../db/arrowRows';
import { createLeadsWorkbook, type LeadsWorkbook, type WorkbookColumn } from './leadsWorkbook';
import { errorText } from '../../domain/errorText';

/**
 * Builds an XLSX export off the page's thread: exceljs (and its size) stays out of the main bundle,
 * and writing a sheet of many rows would freeze the page. The page sends the columns, then rows in
 * chunks as it queries them, then asks for the file; the answer is the file's buffer, transferred.
 */
export type XlsxExportMessage =
  | { readonly type: 'start'; readonly columns: readonly WorkbookColumn[]; readonly sheetName?: string }
  | { readonly type: 'rows'; readonly rows: readonly (readonly Cell[])[] }
  | { readonly type: 'finish' };

export type XlsxExportAnswer = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
let workbook: Promise<LeadsWorkbook> | null = null;

scope.onmessage = async ({ data }: MessageEvent<XlsxExportMessage>) => {
  try {
    // Handlers run interleaved while exceljs loads; awaiting the one promise keeps the chunks in order.
    if (data.type === 'start') workbook = createLeadsWorkbook(data.columns, data.sheetName);
    if (!workbook) throw new Error('the export was not started');
    if (data.type === 'rows') (await workbook).addRows(data.rows);
    else if (data.type === 'finish') {
      const bytes = await (await workbook).finish();
      scope.postMessage({ ok: true, bytes } satisfies XlsxExportAnswer, [bytes.buffer]);
    }
  } catch (error) {
    scope.postMessage({ ok: false, message: errorText(error) } satisfies XlsxExportAnswer);
  }
};
