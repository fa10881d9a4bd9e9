/**
 * The browser codec's work on whole files, off the main thread (a 1M-row export is ~230 MB: reading
 * and converting it on the page blocked it for seconds). See browserCodec.ts for the requests.
 */
import type { CsvScan } from '../../services/importCsv';
import { CsvScanner } from '../../ingest/csvScan';
import { LineFeeds } from '../../ingest/lineFeeds';
import type { TextEncoding } from '../../ingest/encoding';
import { errorText } from '../../domain/errorText';

export type CodecRequest =
  | { readonly op: 'scan'; readonly blob: Blob; readonly delimiter: string; readonly utf8: boolean }
  | { readonly op: 'toUtf8'; readonly blob: Blob; readonly encoding: TextEncoding; readonly bomLength: number; readonly lineFeeds?: boolean };

export type CodecResponse = { readonly scan: CsvScan } | { readonly file: File } | { readonly error: string };

const CHUNK_BYTES = 8 * 1024 * 1024;

async function scan(blob: Blob, delimiter: string, utf8: boolean): Promise<CsvScan> {
  const scanner = new CsvScanner(delimiter, utf8);
  for (let offset = 0; offset < blob.size; offset += CHUNK_BYTES) scanner.push(new Uint8Array(await blob.slice(offset, offset + CHUNK_BYTES).arrayBuffer()));
  return scanner.finish();
}

/**
 * Windows-1252 → UTF-8 byte for byte: every byte is one character, so a table of the UTF-8 bytes of
 * 0x80–0xFF, taken from the browser's own (correct) decoder, gives the same bytes as decoding the
 * text and encoding it again, several times faster.
 */
const CP1252 = (() => {
  const decoder = new TextDecoder('windows-1252');
  const encoder = new TextEncoder();
  const bytes = new Uint8Array(128 * 3);
  const lengths = new Uint8Array(128);
  for (let b = 0x80; b <= 0xff; b++) {
    const utf8 = encoder.encode(decoder.decode(Uint8Array.of(b)));
    bytes.set(utf8, (b - 0x80) * 3);
    lengths[b - 0x80] = utf8.length;
  }
  return { bytes, lengths };
})();

function cp1252ToUtf8(input: Uint8Array, out: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const { bytes, lengths } = CP1252;
  let o = 0;
  for (let i = 0; i < input.length; i++) {
    const b = input[i]!;
    if (b < 0x80) {
      out[o++] = b;
      continue;
    }
    const at = (b - 0x80) * 3;
    const n = lengths[b - 0x80]!;
    out[o++] = bytes[at]!;
    if (n > 1) out[o++] = bytes[at + 1]!;
    if (n > 2) out[o++] = bytes[at + 2]!;
  }
  return out.slice(0, o);
}

async function toUtf8(blob: Blob, encoding: TextEncoding, bomLength: number, lineFeeds: boolean): Promise<File> {
  const parts: BlobPart[] = [];
  const feeds = lineFeeds ? new LineFeeds() : null;
  const out = new Uint8Array(CHUNK_BYTES * 3);
  const decoder = encoding === 'windows-1252' ? null : new TextDecoder(encoding);
  const encoder = new TextEncoder();
  for (let offset = bomLength; offset < blob.size; offset += CHUNK_BYTES) {
    const bytes = new Uint8Array(await blob.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
    const utf8 = decoder ? encoder.encode(decoder.decode(bytes, { stream: offset + CHUNK_BYTES < blob.size })) : cp1252ToUtf8(bytes, out);
    parts.push(feeds ? feeds.push(utf8) : utf8);
  }
  if (feeds) parts.push(feeds.finish());
  return new File(parts, 'utf-8.csv', { type: 'text/csv' });
}

async function handle(request: CodecRequest): Promise<CodecResponse> {
  switch (request.op) {
    case 'scan':
      return { scan: await scan(request.blob, request.delimiter, request.utf8) };
    case 'toUtf8':
      return { file: await toUtf8(request.blob, request.encoding, request.bomLength, request.lineFeeds === true) };
  }
}

self.onmessage = (event: MessageEvent<CodecRequest>) => {
  handle(event.data).then(
    (response) => self.postMessage(response),
    (error: unknown) => self.postMessage({ error: errorText(error) } satisfies CodecResponse),
  );
};
