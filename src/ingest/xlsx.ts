import type { Cell, CellValue, Workbook, Worksheet } from 'exceljs';
import { decimalSeparatorOf, type DecimalSeparator } from './valueFormats';
import { errorText } from '../domain/errorText';

/**
 * Excel workbooks as CSV text, so that they take exactly the CSV import path (sniffing, read_csv,
 * validation, line numbers). One sheet is read: the first visible one with data. Cells keep their
 * value, not their display format: dates become ISO, numbers plain digits, formulas their cached
 * result. exceljs is loaded with import() only when a workbook arrives, so the app bundle does not
 * carry it.
 */

/** What a spreadsheet file is, from its name and first bytes; null for anything else (text, other ZIPs). */
export type WorkbookFormat = 'xlsx' | 'encrypted' | 'xls' | 'xlsb' | 'ods';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Compound File Binary: old .xls, and an .xlsx saved with a password (an encrypted package inside). */
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (head: Uint8Array, magic: readonly number[]) => magic.every((byte, i) => head[i] === byte);
const extensionOf = (fileName: string) => /\.([^.]*)$/.exec(fileName.toLowerCase())?.[1] ?? '';

/** Whether the head holds a name in UTF-16LE, as CFB directory entries are stored. */
function containsUtf16(head: Uint8Array, name: string): boolean {
  const pattern = Uint8Array.from([...name].flatMap((c) => [c.charCodeAt(0), 0]));
  outer: for (let i = 0; i + pattern.length <= head.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (head[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

export function workbookFormat(fileName: string, head: Uint8Array): WorkbookFormat | null {
  const extension = extensionOf(fileName);
  if (startsWith(head, ZIP)) {
    if (extension === 'xlsx' || extension === 'xlsm') return 'xlsx';
    if (extension === 'xlsb') return 'xlsb';
    if (extension === 'ods') return 'ods';
    return null;
  }
  if (startsWith(head, CFB)) {
    return extension === 'xlsx' || extension === 'xlsm' || containsUtf16(head, 'EncryptionInfo') ? 'encrypted' : 'xls';
  }
  return null;
}

/** Reads a workbook from its bytes; exceljs is fetched on first use. Throws what exceljs throws. */
export async function loadWorkbook(bytes: Uint8Array): Promise<Workbook> {
  // A CommonJS package: Node hands it over as the default export, bundlers as either.
  const module = (await import('exceljs')) as typeof import('exceljs') & { default?: typeof import('exceljs') };
  const { Workbook } = module.default ?? module;
  const workbook = new Workbook();
  // Typed as Buffer; JSZip reads any Uint8Array, which is all the browser has.
  await workbook.xlsx.load(bytes as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  return workbook;
}

/**
 * A workbook's sheet as UTF-8 CSV bytes, or why there is none. A plain-data result (not an
 * exception), so it crosses from a worker to the page as it is.
 */
export type WorkbookConversion =
  | { readonly ok: true; readonly csv: Uint8Array; readonly summary: SheetSummary; readonly sheetRows: ReadonlyMap<number, number> }
  | { readonly ok: false; readonly problem: 'unreadable'; readonly message: string }
  | { readonly ok: false; readonly problem: 'no-data' };

/** Reads a workbook and converts its sheet (see workbookToCsv). */
export async function convertWorkbook(bytes: Uint8Array): Promise<WorkbookConversion> {
  let sheet: SheetCsv | null;
  try {
    sheet = workbookToCsv(await loadWorkbook(bytes));
  } catch (error) {
    return { ok: false, problem: 'unreadable', message: errorText(error) };
  }
  if (!sheet) return { ok: false, problem: 'no-data' };
  return { ok: true, csv: new TextEncoder().encode(sheet.csv), summary: sheet.summary, sheetRows: sheet.sheetRows };
}

/** Something in the sheet the user should know about, with up to MAX_EXAMPLES cells as examples. */
export interface SheetNote {
  /**
   * errorCells: cells holding an Excel error (#N/A, #DIV/0!…), read as empty.
   * formulasWithoutValue: formulas the file stores no computed value for, read as empty.
   * otherDecimalConvention: number text in the minority convention ("1,234.56" in a sheet of
   * "1.234,56"); the import reads it with the sheet's convention, so it may be rejected or misread.
   */
  readonly kind: 'errorCells' | 'formulasWithoutValue' | 'otherDecimalConvention';
  readonly count: number;
  /** e.g. "C7: #N/A" */
  readonly examples: readonly string[];
}

export interface SheetSummary {
  /** The sheet that was read. */
  readonly name: string;
  /** Its header row (rows above it are titles or empty). */
  readonly headerRow: number;
  /** The workbook's other sheets, not read. */
  readonly otherSheets: readonly string[];
  readonly notes: readonly SheetNote[];
}

export interface SheetCsv {
  /** UTF-8 CSV text: header line, then one record per non-empty sheet row, '\n' line ends. */
  readonly csv: string;
  /** ';' when numbers use a decimal comma (as Excel writes CSV in Germany), else ','. */
  readonly delimiter: ',' | ';';
  readonly decimalSeparator: DecimalSeparator;
  /** Data records written. */
  readonly records: number;
  readonly summary: SheetSummary;
  /**
   * CSV line a record starts on (the header is line 1) → its sheet row, for every record where
   * the two differ: rows above the header, empty rows skipped, line breaks inside cells.
   */
  readonly sheetRows: ReadonlyMap<number, number>;
}

const MAX_EXAMPLES = 5;

/** A cell as read: text, or a number still to be written in the sheet's decimal convention. */
type Raw = string | number;

interface NoteTaker {
  add(kind: SheetNote['kind'], example: string): void;
}

class Notes implements NoteTaker {
  private readonly found = new Map<SheetNote['kind'], { count: number; examples: string[] }>();
  add(kind: SheetNote['kind'], example: string) {
    const note = this.found.get(kind) ?? { count: 0, examples: [] };
    note.count++;
    if (note.examples.length < MAX_EXAMPLES) note.examples.push(example);
    this.found.set(kind, note);
  }
  list(): SheetNote[] {
    return [...this.found].map(([kind, { count, examples }]) => ({ kind, count, examples }));
  }
}

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 and 1904 date systems: a date cell on it holds a time of day only. */
const EPOCH_DAYS = new Set([Date.UTC(1899, 11, 30) / DAY_MS, Date.UTC(1904, 0, 1) / DAY_MS]);
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date cell as ISO text. exceljs gives the exact UTC instant of the serial number; it is rounded
 * to the second (serials are binary fractions of a day). yyyy-mm-dd, with hh:mm:ss when there is a
 * time of day, and the time alone for a time cell.
 */
export function isoDateTime(date: Date): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return '';
  const seconds = Math.round(ms / 1000);
  const days = Math.floor(seconds / 86_400);
  const secondOfDay = seconds - days * 86_400;
  const day = new Date(days * DAY_MS).toISOString().slice(0, 10);
  if (secondOfDay === 0) return day;
  const time = `${pad(Math.floor(secondOfDay / 3600))}:${pad(Math.floor(secondOfDay / 60) % 60)}:${pad(secondOfDay % 60)}`;
  return EPOCH_DAYS.has(days) ? time : `${day} ${time}`;
}

const PLAIN = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 15 });

/**
 * A number cell as plain digits: no thousands separator, no exponent, the given decimal separator,
 * and at most 15 significant digits (Excel's own precision, so 0.1+0.2 is 0.3 as Excel shows it).
 */
export function plainNumber(value: number, decimalSeparator: DecimalSeparator): string {
  if (!Number.isFinite(value)) return '';
  let text: string;
  if (Number.isInteger(value) && Math.abs(value) < 1e15) text = String(value);
  else {
    text = String(Number(value.toPrecision(15)));
    if (text.includes('e')) text = PLAIN.format(value);
  }
  if (text === '-0') text = '0';
  return decimalSeparator === ',' ? text.replace('.', ',') : text;
}

/**
 * Text as the CSV carries it: line breaks as '\n' (so the CSV's lines are countable one way), and
 * the C0 control characters that no text export contains dropped (the import would take the file
 * for binary data); tabs stay.
 */
function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, '');
}

const richTextOf = (value: { richText: readonly { text: string }[] }) => value.richText.map((part) => part.text).join('');

/** The value of a cell as text or number; Excel errors and formulas without a value are noted and read as empty. */
export function cellRaw(value: CellValue, address: string, notes?: NoteTaker): Raw {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return isoDateTime(value);
  if ('error' in value) {
    notes?.add('errorCells', `${address}: ${value.error}`);
    return '';
  }
  if ('richText' in value) return cleanText(richTextOf(value));
  if ('hyperlink' in value) {
    // The shown text wins over the link target ("a@b.de", not "mailto:a@b.de"); it may itself be rich text.
    const text = value.text as unknown;
    if (typeof text === 'string') return cleanText(text);
    if (text && typeof text === 'object' && 'richText' in text) return cleanText(richTextOf(text as { richText: { text: string }[] }));
    return cleanText(String(value.hyperlink ?? ''));
  }
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result === undefined) {
      notes?.add('formulasWithoutValue', address);
      return '';
    }
    return cellRaw(value.result, address, notes);
  }
  return '';
}

const isBlank = (raw: Raw | undefined) => raw === undefined || (typeof raw === 'string' && raw.trim() === '');

interface SheetRow {
  readonly row: number;
  /** By column number (1-based); blank cells are absent. */
  readonly cells: ReadonlyMap<number, Raw>;
}

/**
 * The non-empty rows of a sheet. A merged range's value belongs to its first column, in every row
 * it spans: a label merged down a group of rows applies to each of them, while a title merged
 * across columns stays one cell and does not make up columns.
 */
function readRows(sheet: Worksheet, notes: Notes): SheetRow[] {
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = new Map<number, Raw>();
    row.eachCell({ includeEmpty: false }, (cell: Cell, column) => {
      const merged = cell.isMerged && cell.master !== cell;
      if (merged && cell.master.fullAddress.col !== column) return;
      // A merged cell repeats its master's value; the master alone notes its errors.
      const raw = cellRaw(cell.value, cell.address, merged ? undefined : notes);
      if (!isBlank(raw)) cells.set(column, raw);
    });
    if (cells.size > 0) rows.push({ row: rowNumber, cells });
  });
  return rows;
}

/** The first row with two or more cells is the header; single cells above it are titles. */
function headerIndex(rows: readonly SheetRow[]): number {
  const index = rows.findIndex((r) => r.cells.size >= 2);
  return index === -1 ? 0 : index;
}

/** A CSV field: quoted when it holds the delimiter, a quote or a line break; quotes doubled. */
export function csvField(text: string, delimiter: string): string {
  return text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r') ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Number-like text cells decide the decimal convention of the whole sheet; the minority is noted. */
function decimalConvention(rows: readonly SheetRow[], notes: Notes): DecimalSeparator {
  const votes: Record<DecimalSeparator, string[]> = { ',': [], '.': [] };
  const address = (row: number, column: number) => `${columnLetters(column)}${row}`;
  for (const { row, cells } of rows) {
    for (const [column, raw] of cells) {
      if (typeof raw !== 'string') continue;
      const separator = decimalSeparatorOf(raw);
      if (separator) votes[separator].push(`${address(row, column)}: ${raw.trim()}`);
    }
  }
  const separator: DecimalSeparator = votes[','].length > votes['.'].length ? ',' : '.';
  for (const example of votes[separator === ',' ? '.' : ',']) notes.add('otherDecimalConvention', example);
  return separator;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** One sheet as CSV; null when it has no non-empty cell. */
export function sheetToCsv(sheet: Worksheet, otherSheets: readonly string[] = []): SheetCsv | null {
  const notes = new Notes();
  const all = readRows(sheet, notes);
  if (all.length === 0) return null;
  const headerAt = headerIndex(all);
  const header = all[headerAt] as SheetRow;
  const data = all.slice(headerAt + 1);
  let first = Infinity;
  let last = 0;
  for (const { cells } of [header, ...data]) {
    for (const column of cells.keys()) {
      first = Math.min(first, column);
      last = Math.max(last, column);
    }
  }
  const decimalSeparator = decimalConvention(data, notes);
  const delimiter = decimalSeparator === ',' ? ';' : ',';
  const text = (raw: Raw | undefined) => (raw === undefined ? '' : typeof raw === 'number' ? plainNumber(raw, decimalSeparator) : raw);
  const line = (cells: ReadonlyMap<number, Raw>, toText: (raw: Raw | undefined) => string) => {
    const fields: string[] = [];
    for (let column = first; column <= last; column++) fields.push(csvField(toText(cells.get(column)), delimiter));
    return fields.join(delimiter);
  };
  // Header names on one line: a header wrapped with Alt+Enter ("Erstellt\nam") reads as "Erstellt am".
  const headerText = (raw: Raw | undefined) => (raw === undefined ? '' : typeof raw === 'number' ? plainNumber(raw, '.') : raw.replace(/\s+/g, ' ').trim());
  const lines = [line(header.cells, headerText)];
  const sheetRows = new Map<number, number>();
  let csvLine = 2;
  for (const { row, cells } of data) {
    const record = line(cells, text);
    if (csvLine !== row) sheetRows.set(csvLine, row);
    lines.push(record);
    csvLine += 1 + countNewlines(record);
  }
  return {
    csv: `${lines.join('\n')}\n`,
    delimiter,
    decimalSeparator,
    records: data.length,
    summary: { name: sheet.name, headerRow: header.row, otherSheets, notes: notes.list() },
    sheetRows,
  };
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * The sheet to import as CSV: the first visible sheet with data (hidden sheets, such as the
 * metadata sheet of a Dynamics export, only when no visible one has any); null for a workbook
 * without data. The other visible sheets are named in the summary.
 */
export function workbookToCsv(workbook: Workbook): SheetCsv | null {
  const visible = (s: Worksheet) => !s.state || s.state === 'visible';
  const sheets = workbook.worksheets;
  for (const sheet of [...sheets.filter(visible), ...sheets.filter((s) => !visible(s))]) {
    const csv = sheetToCsv(
      sheet,
      sheets.filter((s) => s !== sheet && visible(s)).map((s) => s.name),
    );
    if (csv) return csv;
  }
  return null;
}
