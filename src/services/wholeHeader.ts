import type { FileSource } from '../db/types';
import type { CsvImportInput, TextCodec } from './importTypes';

/** A first line longer than this is no header of a CSV export: the head is left as it is. */
export const MAX_HEADER_BYTES = 16 * 1024 * 1024;

/** The first `bytes` of a source, or null where this shell cannot read a part of it. */
async function readStart(source: FileSource, bytes: number, codec: TextCodec): Promise<Uint8Array | null> {
  switch (source.kind) {
    case 'bytes':
      return source.bytes.subarray(0, bytes);
    case 'browser-file':
      return new Uint8Array(await source.file.slice(0, bytes).arrayBuffer());
    default:
      return codec.readStart ? codec.readStart(source, bytes) : null;
  }
}

/**
 * The input with a head that holds the whole header line and `headBytes` after it. A head cut
 * inside the header (a 100 KB header of a CRM with 2,000 fields) gives the sample read a shortened
 * last column name that the file does not have. LF is 0x0a in UTF-8, Windows-1252 and UTF-16 alike.
 */
export async function withWholeHeader(input: CsvImportInput, codec: TextCodec, headBytes: number): Promise<CsvImportInput> {
  const { head } = input;
  if (head.length < headBytes || head.includes(0x0a)) return input;
  for (let size = headBytes * 4; size <= MAX_HEADER_BYTES * 4; size *= 4) {
    const bytes = await readStart(input.source, size, codec);
    if (!bytes) return input;
    const lineEnd = bytes.indexOf(0x0a);
    if (lineEnd >= 0) return { ...input, head: lineEnd + headBytes <= bytes.length ? bytes.subarray(0, lineEnd + headBytes) : (await readStart(input.source, lineEnd + headBytes, codec))! };
    if (bytes.length < size) return { ...input, head: bytes };
  }
  return input;
}
