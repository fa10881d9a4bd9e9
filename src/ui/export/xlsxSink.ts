import type { Row } from '../../db/arrowRows';
import { columnKind, exportHeader } from '../explorer/explorerColumns';
import type { ExportSink } from './exportSink';
import type { XlsxExportAnswer, XlsxExportMessage } from './xlsxExportWorker';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends the chunks to a worker of its own that writes the workbook (see xlsxExportWorker). */
export function xlsxSink(columns: readonly string[]): ExportSink {
  const worker = new Worker(new URL('./xlsxExportWorker.ts', import.meta.url), { type: 'module' });
  const send = (message: XlsxExportMessage) => worker.postMessage(message);
  // The first answer is the file or the first failure; an early failure is kept until finish().
  const answer = new Promise<Uint8Array>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<XlsxExportAnswer>) => (data.ok ? resolve(data.bytes) : reject(new Error(data.message)));
    worker.onerror = (event) => reject(new Error(event.message || 'the workbook writer stopped'));
  });
  answer.catch(() => undefined);
  send({ type: 'start', columns: columns.map((c) => ({ header: exportHeader(c), kind: columnKind(c) })) });
  return {
    add(rows: readonly Row[]) {
      send({ type: 'rows', rows: rows.map((row) => columns.map((c) => row[c] ?? null)) });
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
