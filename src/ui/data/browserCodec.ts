import type { FileSource } from '../../db/types';
import type { TableKind } from '../../domain/schema';
import type { WorkbookConversion } from '../../ingest/xlsx';
import { HEAD_BYTES, type CsvImportInput, type TextCodec } from '../../services/importCsv';
import type { CodecRequest, CodecResponse } from './codecWorker';
import { scanCsvHead } from '../../ingest/csvScan';

async function blobOf(source: FileSource): Promise<Blob> {
  switch (source.kind) {
    case 'browser-file':
      return source.file;
    case 'bytes':
      return new Blob([source.bytes as Uint8Array<ArrayBuffer>]);
    case 'url':
      return (await fetch(source.url)).blob();
    case 'path':
      throw new Error('The browser cannot read file system paths');
  }
}

/** Runs one request in a worker of its own, so the page stays responsive however large the file. */
function inWorker(request: CodecRequest): Promise<CodecResponse> {
  const worker = new Worker(new URL('./codecWorker.ts', import.meta.url), { type: 'module' });
  return new Promise<CodecResponse>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<CodecResponse>) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(`text conversion failed: ${event.message || 'the worker did not start'}`));
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}

/** The browser's TextDecoder is right for windows-1252 (unlike Node's), so no library is needed here. */
export const browserCodec: TextCodec = {
  decode: (bytes, encoding) => new TextDecoder(encoding).decode(bytes),
  /** Transcodes in a worker into a new File, so DuckDB still reads it through a handle. */
  async toUtf8(source, encoding, bomLength, options) {
    const response = await inWorker({ op: 'toUtf8', blob: await blobOf(source), encoding, bomLength, lineFeeds: options?.lineFeeds === true });
    if ('error' in response) throw new Error(`text conversion failed: ${response.error}`);
    if (!('file' in response)) throw new Error('text conversion failed: unexpected answer');
    return { kind: 'browser-file', file: response.file };
  },
  /** The head at once, the whole file in a worker. */
  scan(source, head, delimiter, encoding) {
    const utf8 = encoding === 'utf-8';
    const headScan = scanCsvHead(head, delimiter, utf8);
    const file = (async () => {
      const response = await inWorker({ op: 'scan', blob: await blobOf(source), delimiter, utf8 });
      if ('error' in response) throw new Error(`text scan failed: ${response.error}`);
      if (!('scan' in response)) throw new Error('text scan failed: unexpected answer');
      return response.scan;
    })();
    return { head: headScan, file };
  },
  /** In a worker of its own, ended afterwards: the page stays responsive and exceljs's memory is freed. */
  convertWorkbook(source) {
    const worker = new Worker(new URL('./xlsxWorker.ts', import.meta.url), { type: 'module' });
    return new Promise<WorkbookConversion>((resolve, reject) => {
      worker.onmessage = ({ data }: MessageEvent<WorkbookConversion>) => resolve(data);
      worker.onerror = (event) => reject(new Error(event.message || 'the workbook reader stopped'));
      // A File goes over as a handle, not a copy.
      worker.postMessage(source);
    }).finally(() => worker.terminate());
  },
  convertParquet(source) {
    const worker = new Worker(new URL('./parquetWorker.ts', import.meta.url), { type: 'module' });
    return new Promise<Uint8Array>((resolve, reject) => {
      worker.onmessage = ({ data }: MessageEvent<{ ok: true; csv: Uint8Array } | { ok: false; message: string }>) => (data.ok ? resolve(data.csv) : reject(new Error(data.message)));
      worker.onerror = (event) => reject(new Error(event.message || 'the Parquet reader stopped'));
      worker.postMessage(source);
    }).finally(() => worker.terminate());
  },
};

/** A dropped or picked file as an import input. */
export async function fileInput(file: File, kind?: TableKind): Promise<CsvImportInput> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  return { fileName: file.name, source: { kind: 'browser-file', file }, head, ...(kind ? { kind } : {}) };
}

/** A file of the app's own origin (the bundled samples) as an import input. */
export async function urlInput(url: string, fileName: string, kind?: TableKind): Promise<CsvImportInput> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${fileName}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { fileName, source: { kind: 'bytes', bytes }, head: bytes.subarray(0, HEAD_BYTES), ...(kind ? { kind } : {}) };
}
