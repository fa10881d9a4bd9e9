/**
 * The complete records of the start of a CSV text (quote '"', doubled to escape): up to the last
 * line feed outside quotes. A head cut inside a quoted cell would end in an unterminated quote,
 * which DuckDB's sniffer refuses for the whole read. The whole file is returned as it is.
 */
export function completeRecords(text: string, wholeFile: boolean): string {
  if (wholeFile) return text;
  let quoted = false;
  let end = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) quoted = !quoted;
    else if (code === 0x0a && !quoted) end = i;
  }
  // A head without one complete record: the header alone is what there is to read.
  return end < 0 ? text : text.slice(0, end + 1);
}

/**
 * Where a quoted cell opens that the text never closes (line and column counted from 1, the
 * header being line 1), or null: for a whole file, the reason DuckDB cannot read it at all.
 */
export function unclosedQuote(text: string, delimiter: string): { line: number; column: number } | null {
  let quoted = false;
  let line = 1;
  let column = 1;
  let opened = { line, column };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      if (!quoted) opened = { line, column };
      quoted = !quoted;
    } else if (char === '\n') {
      line++;
      if (!quoted) column = 1;
    } else if (char === delimiter && !quoted) column++;
  }
  return quoted ? opened : null;
}
