import Papa from 'papaparse';

/**
 * Spreadsheet apps run cells that start with = + - @ (or tab/CR before them) as formulas; an
 * imported value must never become one in a file we hand out, so such cells get a leading quote.
 * Shared by the browser's rejects download and the ETL's rejects files.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV text of rows, with a header row, every cell neutralised. */
export function toSafeCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const data = rows.map((row) => columns.map((c) => (row[c] == null ? '' : neutraliseFormula(String(row[c])))));
  return Papa.unparse({ fields: [...columns], data }, { newline: '\r\n' });
}
