/**
 * Text encoding of an export, decided from its first bytes by the rule that classified every
 * sample right (DESIGN.md): a BOM names the encoding; else zero bytes in alternate positions mean
 * UTF-16 without BOM; else strict UTF-8 if it decodes; else Windows-1252 (what Excel writes in
 * Germany; not latin-1: € „ “ – live in 0x80–0x9F).
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DetectedEncoding {
  readonly encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  readonly bomLength: number;
}

export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  return { encoding: isStrictUtf8(head) ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

/** ASCII text in UTF-16 has a zero in every other byte: even positions for BE, odd for LE. */
function utf16WithoutBom(head: Uint8Array): TextEncoding | null {
  const pairs = Math.min(head.length >> 1, 512);
  if (pairs < 2) return null;
  let zerosEven = 0;
  let zerosOdd = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) zerosEven++;
    if (head[2 * i + 1] === 0) zerosOdd++;
  }
  if (zerosOdd > pairs * 0.4 && zerosEven < pairs * 0.05) return 'utf-16le';
  if (zerosEven > pairs * 0.4 && zerosOdd < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Strict UTF-8 check of a head that may end in the middle of a multi-byte character. */
function isStrictUtf8(head: Uint8Array): boolean {
  let end = head.length;
  // Drop a trailing incomplete sequence: up to 3 continuation/lead bytes cut off by the sample.
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = head[end - back] ?? 0;
    if ((byte & 0xc0) === 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      if (needed > back) end -= back;
      break;
    }
    if ((byte & 0xc0) !== 0x80) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}
