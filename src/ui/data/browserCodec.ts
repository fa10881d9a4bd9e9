import type { FileSource } from '../../db/types';
import type { TableKind } from '../../domain/schema';
import type { WorkbookConversion } from '../../ingest/xlsx';
import { HEAD_BYTES, type CsvImportInput, type TextCodec } from '../../services/importCsv';

/** The browser's TextDecoder is right for windows-1252 (unlike Node's), so no library is needed here. */
const CHUNK_BYTES = 8 * 1024 * 1024;

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

export const browserCodec: TextCodec = {
  decode: (bytes, encoding) => new TextDecoder(encoding).decode(bytes),
  /** Transcodes in 8 MiB chunks into a new File, so DuckDB still reads it through a handle. */
  async toUtf8(source, encoding, bomLength) {
    const blob = await blobOf(source);
    const decoder = new TextDecoder(encoding);
    const encoder = new TextEncoder();
    const parts: BlobPart[] = [];
    for (let offset = bomLength; offset < blob.size; offset += CHUNK_BYTES) {
      const bytes = new Uint8Array(await blob.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
      parts.push(encoder.encode(decoder.decode(bytes, { stream: offset + CHUNK_BYTES < blob.size })));
    }
    return { kind: 'browser-file', file: new File(parts, 'utf-8.csv', { type: 'text/csv' }) };
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
