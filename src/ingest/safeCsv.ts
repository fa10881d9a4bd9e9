import Papa from 'papaparse';

/**
 * Spreadsheet apps run cells that start with = + - @ (or tab/CR before them) as formulas; an
 * imported value must never become one in a file we hand out, so such cells get a leading quote.
 * Shared by the browser's rejects download, the Lead explorer's export and the ETL's rejects files.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export interface SafeCsvOptions {
  /** Without the header row: for the second and later chunks of a file written in chunks. */
  readonly header?: boolean;
  /** Header texts in place of the column keys (same order). */
  readonly headers?: readonly string[];
  /**
   * The CSV German Excel opens by double click: `;` between cells and a decimal comma in numbers
   * (Excel in German reads "," as the decimal separator and splits on ";"). Default: `,` and ".".
   */
  readonly germanExcel?: boolean;
}

/**
 * A cell's text. A JS number came from a numeric column, never from text, so "-5" stays a number a
 * spreadsheet and our import read as -5; every string is neutralised.
 */
function safeCell(value: unknown, decimalComma = false): string {
  if (value == null) return '';
  if (typeof value === 'number' && Number.isFinite(value)) return decimalComma ? String(value).replace('.', ',') : String(value);
  return neutraliseFormula(String(value));
}

/** CSV text of rows, with a header row (unless told otherwise), every text cell neutralised. */
export function toSafeCsv(rows: readonly Record<string, unknown>[], columns: readonly string[], options: SafeCsvOptions = {}): string {
  const german = options.germanExcel ?? false;
  const data = rows.map((row) => columns.map((c) => safeCell(row[c], german)));
  const fields = (options.headers ?? columns).map(neutraliseFormula);
  return Papa.unparse({ fields, data }, { newline: '\r\n', header: options.header ?? true, delimiter: german ? ';' : ',' });
}
