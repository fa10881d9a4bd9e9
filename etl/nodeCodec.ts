import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { FileSource } from '../src/db/types';
import type { TextEncoding } from '../src/ingest/encoding';
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
  async toUtf8(source, encoding, bomLength) {
    const text = iconv.decode(Buffer.from(bytesOf(source).subarray(bomLength)), ICONV_NAME[encoding]);
    return { kind: 'bytes', bytes: Buffer.from(text, 'utf8') };
  },
  convertWorkbook: async (source) => convertWorkbook(bytesOf(source)),
};

/** A file on disk as an import input: its path for DuckDB and its first bytes for sniffing. */
export function nodeInput(filePath: string, kind?: TableKind): CsvImportInput {
  const handle = openSync(filePath, 'r');
  try {
    const head = new Uint8Array(HEAD_BYTES);
    const read = readSync(handle, head, 0, HEAD_BYTES, 0);
    return { fileName: path.basename(filePath), source: { kind: 'path', path: filePath }, head: head.subarray(0, read), ...(kind ? { kind } : {}) };
  } finally {
    closeSync(handle);
  }
}
