import { tableFromIPC } from 'apache-arrow';
import type { FileSource } from '../../db/types';
import { arrowTableToCsv } from '../../ingest/parquetCsv';
import { parquetToIpcStream } from './parquetToArrow';
import { errorText } from '../../domain/errorText';

/** Converts one Parquet file to CSV off the page's thread; answers the CSV bytes (transferred) or an error text. */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async ({ data }: MessageEvent<FileSource>) => {
  try {
    if (data.kind !== 'browser-file' && data.kind !== 'bytes') throw new Error(`cannot read a ${data.kind} source`);
    const bytes = data.kind === 'bytes' ? data.bytes : new Uint8Array(await data.file.arrayBuffer());
    const csv = arrowTableToCsv(tableFromIPC(await parquetToIpcStream(bytes)));
    scope.postMessage({ ok: true, csv }, [csv.buffer]);
  } catch (error) {
    scope.postMessage({ ok: false, message: errorText(error) });
  }
};
