import type { Cell, Row } from '../../db/arrowRows';
import { columnKind, exportHeader } from '../explorer/explorerColumns';
import type { ExportSink } from './exportSink';
import type { WorkbookColumn } from './leadsWorkbook';
import type { XlsxExportAnswer, XlsxExportMessage } from './xlsxExportWorker';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook written by its own worker (see xlsxExportWorker): columns given, rows as cells in column order. */
export interface WorkbookSink {
  addCells(rows: readonly (readonly Cell[])[]): void;
  finish(): Promise<Blob>;
  dispose(): void;
}

/** One sheet of typed columns, written off the page's thread; any table of the app can be exported through it. */
export function workbookSink(columns: readonly WorkbookColumn[], sheetName?: string): WorkbookSink {
  const worker = new Worker(new URL('./xlsxExportWorker.ts', import.meta.url), { type: 'module' });
  const send = (message: XlsxExportMessage) => worker.postMessage(message);
  // The first answer is the file or the first failure; an early failure is kept until finish().
  const answer = new Promise<Uint8Array>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<XlsxExportAnswer>) => (data.ok ? resolve(data.bytes) : reject(new Error(data.message)));
    worker.onerror = (event) => reject(new Error(event.message || 'the workbook writer stopped'));
  });
  answer.catch(() => undefined);
  send({ type: 'start', columns, ...(sheetName ? { sheetName } : {}) });
  return {
    addCells(rows) {
      send({ type: 'rows', rows });
    },
    async finish() {
      send({ type: 'finish' });
      const bytes = await answer;
      return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE });
    },
    dispose() {
      worker.terminate();
    },
  };
}

/** The Lead explorer's export: sends the chunks to a worker of its own that writes the workbook. */
export function xlsxSink(columns: readonly string[], labels: Readonly<Record<string, string>> = {}): ExportSink {
  const sink = workbookSink(columns.map((c) => ({ header: labels[c] ?? exportHeader(c), kind: columnKind(c) })));
  return {
    add(rows: readonly Row[]) {
      sink.addCells(rows.map((row) => columns.map((c) => row[c] ?? null)));
    },
    finish: () => sink.finish(),
    dispose: () => sink.dispose(),
  };
}
