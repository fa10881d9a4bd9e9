/**
 * src/sql/emailSyntax.ts's syntax read on an address's UTF-8 bytes, for the duplicate scan (which
 * takes only valid addresses as keys): testing it in the engine cost the scan's hand-over 0.25 s per
 * million leads. The pattern `[^@\s.]+(\.[^@\s.]+)*@[^@\s.]+(\.[^@\s.]+)*\.[A-Za-z]{2,}`, matched
 * whole, is: words without @, whitespace or dots, joined by single dots; one @; at least two such
 * words after it, the last of two or more ASCII letters. RE2's `\s` is tab, newline, form feed,
 * carriage return and space (not a vertical tab or a no-break space); every character outside ASCII
 * is a word's. tests/integration/emailSyntax.test.ts holds both to the same verdicts.
 */

const isBreak = (byte: number) => byte === 64 || byte === 46 || byte === 32 || byte === 9 || byte === 10 || byte === 12 || byte === 13;
const isLetter = (byte: number) => (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122);

export function isEmailSyntax(values: Uint8Array, start: number, end: number): boolean {
  let at = -1;
  for (let b = start; b < end; b++) {
    if (values[b] !== 64) continue;
    if (at >= 0) return false;
    at = b;
  }
  if (at < 0 || !areWords(values, start, at)) return false;
  let lastDot = -1;
  for (let b = at + 1; b < end; b++) if (values[b] === 46) lastDot = b;
  if (lastDot < 0 || !areWords(values, at + 1, lastDot) || end - lastDot - 1 < 2) return false;
  for (let b = lastDot + 1; b < end; b++) if (!isLetter(values[b]!)) return false;
  return true;
}

/** Whether the bytes are one or more non-empty words joined by single dots. */
function areWords(values: Uint8Array, start: number, end: number): boolean {
  if (start >= end || values[start] === 46 || values[end - 1] === 46) return false;
  for (let b = start; b < end; b++) {
    const byte = values[b]!;
    if (byte === 46 ? values[b + 1] === 46 : isBreak(byte)) return false;
  }
  return true;
}
