import type { FileSource } from '../../db/types';
import { convertWorkbook } from '../../ingest/xlsx';

/**
 * Converts one Excel workbook to CSV off the page's thread: exceljs needs seconds for a sheet of
 * 20,000 rows, which would freeze the page. Gets a FileSource, answers a WorkbookConversion with
 * the CSV's buffer transferred, not copied.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

async function bytesOf(source: FileSource): Promise<Uint8Array> {
  switch (source.kind) {
    case 'bytes':
      return source.bytes;
    case 'browser-file':
      return new Uint8Array(await source.file.arrayBuffer());
    case 'url':
      return new Uint8Array(await (await fetch(source.url)).arrayBuffer());
    case 'path':
      throw new Error('The browser cannot read file system paths');
  }
}

scope.onmessage = async ({ data }: MessageEvent<FileSource>) => {
  const result = await bytesOf(data).then(convertWorkbook, (error: unknown) => ({ ok: false, problem: 'unreadable', message: String(error) }) as const);
  scope.postMessage(result, result.ok ? [result.csv.buffer] : []);
};
