/**
 * The browser codec's work on whole files, off the main thread (a 1M-row export is ~230 MB: reading
 * and converting it on the page blocked it for seconds). See browserCodec.ts for the requests.
 */
import type { TextEncoding } from '../../ingest/encoding';

export type CodecRequest =
  | { readonly op: 'isLatin1'; readonly blob: Blob }
  | { readonly op: 'toUtf8'; readonly blob: Blob; readonly encoding: TextEncoding; readonly bomLength: number };

export type CodecResponse = { readonly isLatin1: boolean } | { readonly file: File } | { readonly error: string };

const CHUNK_BYTES = 8 * 1024 * 1024;

/** Whether none of the bytes is in 0x80–0x9F; four bytes at a time, as nearly all are ASCII. */
function hasNoC1(bytes: Uint8Array): boolean {
  const whole = bytes.length >> 2;
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, whole);
  for (let w = 0; w < whole; w++) {
    if ((words[w]! & 0x80808080) === 0) continue;
    for (let i = w * 4; i < w * 4 + 4; i++) if (bytes[i]! >= 0x80 && bytes[i]! < 0xa0) return false;
  }
  for (let i = whole * 4; i < bytes.length; i++) if (bytes[i]! >= 0x80 && bytes[i]! < 0xa0) return false;
  return true;
}

async function isLatin1(blob: Blob): Promise<boolean> {
  for (let offset = 0; offset < blob.size; offset += CHUNK_BYTES) {
    // A fresh buffer of whole words per chunk (byteOffset 0), so the Uint32Array view is aligned.
    if (!hasNoC1(new Uint8Array(await blob.slice(offset, offset + CHUNK_BYTES).arrayBuffer()))) return false;
  }
  return true;
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

async function toUtf8(blob: Blob, encoding: TextEncoding, bomLength: number): Promise<File> {
  const parts: BlobPart[] = [];
  const out = new Uint8Array(CHUNK_BYTES * 3);
  const decoder = encoding === 'windows-1252' ? null : new TextDecoder(encoding);
  const encoder = new TextEncoder();
  for (let offset = bomLength; offset < blob.size; offset += CHUNK_BYTES) {
    const bytes = new Uint8Array(await blob.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
    parts.push(decoder ? encoder.encode(decoder.decode(bytes, { stream: offset + CHUNK_BYTES < blob.size })) : cp1252ToUtf8(bytes, out));
  }
  return new File(parts, 'utf-8.csv', { type: 'text/csv' });
}

async function handle(request: CodecRequest): Promise<CodecResponse> {
  switch (request.op) {
    case 'isLatin1':
      return { isLatin1: await isLatin1(request.blob) };
    case 'toUtf8':
      return { file: await toUtf8(request.blob, request.encoding, request.bomLength) };
  }
}

self.onmessage = (event: MessageEvent<CodecRequest>) => {
  handle(event.data).then(
    (response) => self.postMessage(response),
    (error: unknown) => self.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies CodecResponse),
  );
};
