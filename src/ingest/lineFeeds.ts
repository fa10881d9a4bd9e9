/**
 * Rewrites CR LF line ends as LF in UTF-8 bytes that come in chunks (a CR at the end of a chunk is
 * held until the next one shows whether an LF follows). DuckDB's sniffer refuses a file whose
 * lines end in CR LF and then LF (two exports concatenated); with LF alone it reads every line, and
 * the lines keep their numbers. A lone CR is kept. CR and LF bytes never occur inside a multi-byte
 * UTF-8 character, so the bytes can be cut anywhere.
 */
export class LineFeeds {
  private heldCr = false;

  push(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
    if (bytes.length === 0) return new Uint8Array();
    const out = new Uint8Array(bytes.length + 1);
    let o = 0;
    if (this.heldCr && bytes[0] !== 0x0a) out[o++] = 0x0d;
    this.heldCr = false;
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i]!;
      if (byte === 0x0d) {
        if (i + 1 === bytes.length) {
          this.heldCr = true;
          continue;
        }
        if (bytes[i + 1] === 0x0a) continue;
      }
      out[o++] = byte;
    }
    return out.subarray(0, o);
  }

  finish(): Uint8Array<ArrayBuffer> {
    const rest = this.heldCr ? Uint8Array.of(0x0d) : new Uint8Array();
    this.heldCr = false;
    return rest;
  }
}

/** The bytes with every CR LF as LF. */
export function crlfToLf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const feeds = new LineFeeds();
  const body = feeds.push(bytes);
  const rest = feeds.finish();
  if (rest.length === 0) return body;
  const out = new Uint8Array(body.length + rest.length);
  out.set(body);
  out.set(rest, body.length);
  return out;
}
