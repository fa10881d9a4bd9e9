import { DataType, type Table } from 'apache-arrow';

/** Parquet files start (and end) with the magic bytes PAR1. */
export function isParquet(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31;
}

const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO date, with the time only when there is one (what the import's date detection reads first). */
function isoOf(ms: number): string {
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const seconds = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  return seconds === 0 ? date : `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** One cell as CSV text: numbers with a decimal point, dates ISO, everything else as its text. */
function cellText(value: unknown, type: DataType): string {
  if (value === null || value === undefined) return '';
  if (DataType.isDate(type) || DataType.isTimestamp(type)) return isoOf(Number(value instanceof Date ? value.getTime() : value));
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Uint8Array) return '';
  return quote(String(value));
}

/**
 * An Arrow table (read from a Parquet file) as UTF-8 CSV, so a Parquet export takes the same
 * validated import as a CSV one: the same mapping, checks and report. Line n of the CSV is row n-1.
 */
export function arrowTableToCsv(table: Table): Uint8Array {
  const fields = table.schema.fields;
  const lines: string[] = [fields.map((f) => quote(f.name)).join(',')];
  const columns = fields.map((_, i) => table.getChildAt(i));
  for (let row = 0; row < table.numRows; row++) {
    lines.push(columns.map((column, i) => cellText(column?.get(row), fields[i]!.type)).join(','));
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}
