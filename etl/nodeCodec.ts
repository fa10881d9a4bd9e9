import { closeSync, createReadStream, createWriteStream, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import type { FileSource } from '../src/db/types';
import type { TextEncoding } from '../src/ingest/encoding';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/node';
import { crlfToLf, LineFeeds } from '../src/ingest/lineFeeds';
import { arrowTableToCsv } from '../src/ingest/parquetCsv';
import { convertWorkbook } from '../src/ingest/xlsx';
import type { TableKind } from '../src/domain/schema';
import { HEAD_BYTES, type CsvImportInput, type TextCodec } from '../src/services/importCsv';

// Node 20's TextDecoder('windows-1252') decodes 0x80 as U+0080 instead of €: iconv-lite is right.
const ICONV_NAME: Readonly<Record<TextEncoding, string>> = {
  'utf-8': 'utf8',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
  'windows-1252': 'win1252',
};

function bytesOf(source: FileSource): Uint8Array {
  if (source.kind === 'path') return readFileSync(source.path);
  if (source.kind === 'bytes') return source.bytes;
  throw new Error(`The ETL cannot read a ${source.kind} source`);
}

export const nodeCodec: TextCodec = {
  decode: (bytes, encoding) => iconv.decode(Buffer.from(bytes), ICONV_NAME[encoding]),
  async toUtf8(source, encoding, bomLength, options) {
    const text = iconv.decode(Buffer.from(bytesOf(source).subarray(bomLength)), ICONV_NAME[encoding]);
    const bytes = Buffer.from(text, 'utf8');
    return { kind: 'bytes', bytes: options?.lineFeeds ? crlfToLf(bytes) : bytes };
  },
  convertWorkbook: async (source) => convertWorkbook(bytesOf(source)),
  convertParquet: async (source) => arrowTableToCsv(tableFromIPC(readParquet(bytesOf(source)).intoIPCStream())),
  readStart: async (source, bytes) => (source.kind === 'path' ? readStartOfFile(source.path, bytes) : bytesOf(source).subarray(0, bytes)),
};

/** The first `bytes` of a file on disk (fewer when it is shorter). */
function readStartOfFile(filePath: string, bytes: number): Uint8Array {
  const handle = openSync(filePath, 'r');
  try {
    const head = new Uint8Array(bytes);
    return head.subarray(0, readSync(handle, head, 0, bytes, 0));
  } finally {
    closeSync(handle);
  }
}

/**
 * nodeCodec for exports on disk of any size (the ETL): a file that is not UTF-8 is transcoded by
 * streaming it into a UTF-8 copy in a scratch folder, never held in memory as one string (V8 strings
 * end at about 512 MiB; a 1M-lead German export is 235 MB, and the whole-file decode peaked at 1.8 GB
 * RSS). release() deletes the copies made so far, close() (or the end of the process) the scratch folder.
 */
export function openFileCodec(): TextCodec & { release(): void; close(): void } {
  const scratch = mkdtempSync(path.join(tmpdir(), 'leadloop-etl-'));
  let copies = 0;
  // Also when the process ends without close() (a second Ctrl+C exits at once).
  const removeScratch = () => rmSync(scratch, { recursive: true, force: true });
  process.once('exit', removeScratch);
  return {
    decode: nodeCodec.decode,
    convertWorkbook: nodeCodec.convertWorkbook,
    convertParquet: nodeCodec.convertParquet,
    readStart: nodeCodec.readStart!,
    async toUtf8(source, encoding, bomLength, options) {
      if (source.kind !== 'path') return nodeCodec.toUtf8(source, encoding, bomLength, options);
      const copy = path.join(scratch, `${++copies}-${path.basename(source.path)}`);
      const decoded = [createReadStream(source.path, { start: bomLength }), iconv.decodeStream(ICONV_NAME[encoding])] as const;
      if (options?.lineFeeds) await pipeline(...decoded, lineFeedStream(), createWriteStream(copy));
      else await pipeline(...decoded, createWriteStream(copy));
      return { kind: 'path', path: copy };
    },
    release() {
      for (const name of readdirSync(scratch)) rmSync(path.join(scratch, name), { force: true });
    },
    close() {
      process.off('exit', removeScratch);
      removeScratch();
    },
  };
}

/** UTF-8 text in, its bytes with every CR LF as LF out. */
function lineFeedStream(): Transform {
  const feeds = new LineFeeds();
  return new Transform({
    transform(chunk: string | Buffer, _encoding, done) {
      done(null, feeds.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk));
    },
    flush(done) {
      done(null, feeds.finish());
    },
  });
}

/** A file on disk as an import input: its path for DuckDB and its first bytes for sniffing. */
export function nodeInput(filePath: string, kind?: TableKind): CsvImportInput {
  return { fileName: path.basename(filePath), source: { kind: 'path', path: filePath }, head: readStartOfFile(filePath, HEAD_BYTES), ...(kind ? { kind } : {}) };
}
