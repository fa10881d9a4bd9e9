import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import type { FileSource } from '../src/db/types';
import type { TextEncoding } from '../src/ingest/encoding';
import type { TextCodec } from '../src/services/importCsv';

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
};
