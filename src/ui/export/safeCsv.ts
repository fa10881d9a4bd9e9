import Papa from 'papaparse';

/**
 * Spreadsheet apps run cells that start with = + - @ (or tab/CR before them) as formulas; an
 * imported value must never become one in a file we hand out, so such cells get a leading quote.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV text of rows, with a header row, every cell neutralised. */
export function toSafeCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const data = rows.map((row) => columns.map((c) => (row[c] == null ? '' : neutraliseFormula(String(row[c])))));
  return Papa.unparse({ fields: [...columns], data }, { newline: '\r\n' });
}

/** Offers text as a file download. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // A BOM lets Excel open UTF-8 CSV with umlauts intact.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
