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
