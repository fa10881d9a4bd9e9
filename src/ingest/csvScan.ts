/**
 * One pass over the bytes of a CSV export (quote '"', doubled to escape, as the import reads it)
 * that tells the import which of its careful steps a file needs (CsvScan). The browser codec runs
 * it on the head of a file at once and on the whole file in a worker, beside DuckDB's read of it.
 *
 * The answers only ever err on the careful side: a file the scanner does not follow exactly as
 * DuckDB reads it is `irregular`, and the import then takes every careful step.
 */

/**
 * What a scan of a CSV export's bytes found (quote '"', doubled to escape); each answer errs only on
 * the careful side. The head of a file may end inside a record: that is not irregular.
 */
export interface CsvScan {
  /** In a one-byte encoding, a byte 0x80–0x9F occurs: there Windows-1252 and latin-1 differ (€ „ “ – …). */
  readonly c1Bytes: boolean;
  /** A quoted cell holds a line feed: later records do not start on the line after the one before. */
  readonly lineBreakInCell: boolean;
  /** A cell of a data record starts or ends with a space character (Unicode Zs, what trim removes). */
  readonly spaceAtCellEdge: boolean;
  /**
   * Something read differently by DuckDB or not followed by the scan: a quote inside an unquoted
   * cell, text after a closing quote, a CR not followed by LF, a blank line, an unterminated quote.
   */
  readonly irregular: boolean;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const NBSP_LATIN1 = 0xa0;

/** Scanner states, plain numbers for the hot loop: at the start of a cell… */
const CELL_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** …a quote inside a quoted cell: the closing one or the first of an escaped pair… */
const QUOTE_IN_QUOTED = 3;
/** …a CR outside quotes: only CR LF ends a record regularly. */
const AFTER_CR = 4;
type State = typeof CELL_START | typeof UNQUOTED | typeof QUOTED | typeof QUOTE_IN_QUOTED | typeof AFTER_CR;

/** Bytes kept before the ones being scanned (a closing quote and the three bytes before it)… */
const BEHIND = 4;
/** …and held back after them (a cell's first three bytes). */
const AHEAD = 3;

/** Whether a UTF-8 Zs character (other than the space) starts at b0 b1 b2. */
function zsUtf8(b0: number, b1: number, b2: number): boolean {
  switch (b0) {
    case 0xc2: // U+00A0
      return b1 === 0xa0;
    case 0xe1: // U+1680
      return b1 === 0x9a && b2 === 0x80;
    case 0xe2: // U+2000–U+200A, U+202F, U+205F
      return (b1 === 0x80 && ((b2 >= 0x80 && b2 <= 0x8a) || b2 === 0xaf)) || (b1 === 0x81 && b2 === 0x9f);
    case 0xe3: // U+3000
      return b1 === 0x80 && b2 === 0x80;
    default:
      return false;
  }
}

/**
 * Feed the file in chunks of any size with push(), then call finish(). `utf8` says how space
 * characters are written: UTF-8, or one byte each (Windows-1252/latin-1: only the space and 0xA0).
 */
export class CsvScanner {
  private readonly delimiter: number;
  private state: State = CELL_START;
  /** Records ended so far (the header is record 0). */
  private records = 0;
  private atRecordStart = true;
  /** The last BEHIND scanned bytes, then the bytes not scanned yet. */
  private held: Uint8Array = new Uint8Array(BEHIND);
  private c1 = false;
  private lineBreak = false;
  private edge = false;
  private odd = false;

  constructor(
    delimiter: string,
    private readonly utf8: boolean,
  ) {
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 0x7f || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
      throw new Error(`cannot scan with the delimiter ${JSON.stringify(delimiter)}`);
    }
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Scans a chunk, holding back its last bytes until the next one (cells are checked a few bytes ahead). */
  push(chunk: Uint8Array): void {
    const bytes = new Uint8Array(this.held.length + chunk.length);
    bytes.set(this.held);
    bytes.set(chunk, this.held.length);
    const end = Math.max(BEHIND, bytes.length - AHEAD);
    this.scan(bytes, BEHIND, end);
    this.held = bytes.slice(end - BEHIND);
  }

  /**
   * Scans what is held back; the result is final. `endOfFile` false: the bytes were only the head
   * of a file, whose last record may be cut anywhere (an open quote there is no error).
   */
  finish(endOfFile = true): CsvScan {
    const n = this.held.length;
    // Zero bytes after the end match no pattern.
    const bytes = new Uint8Array(n + AHEAD);
    bytes.set(this.held);
    this.scan(bytes, BEHIND, n);
    this.held = new Uint8Array(BEHIND);
    if (endOfFile) this.endOfFile(bytes, n);
    this.state = CELL_START;
    return this.result();
  }

  private result(): CsvScan {
    return { c1Bytes: this.c1, lineBreakInCell: this.lineBreak, spaceAtCellEdge: this.edge, irregular: this.odd };
  }

  /**
   * The hot loop (a whole export goes through it): state in locals, and the edge checks only made
   * when the byte at the edge could belong to a space character (a space or a non-ASCII byte).
   */
  private scan(bytes: Uint8Array, from: number, to: number): void {
    const delimiter = this.delimiter;
    const utf8 = this.utf8;
    let { state, c1, odd, edge, lineBreak, records, atRecordStart } = this;
    if (!utf8 && !c1) c1 = hasC1(bytes, from, to);
    let i = from;
    while (i < to && !odd) {
      let b = bytes[i]!;
      switch (state) {
        case CELL_START:
          if (b === QUOTE) {
            atRecordStart = false;
            state = QUOTED;
            const first = bytes[i + 1]!;
            if (!edge && records > 0 && (first === SPACE || first >= 0x80)) edge = spaceStartsAt(bytes, i + 1, utf8);
          } else if (b === LF) {
            if (atRecordStart) odd = true; // a blank line: DuckDB skips it without a trace
            records++;
            atRecordStart = true;
          } else if (b === CR) {
            state = AFTER_CR;
          } else {
            atRecordStart = false;
            if (b !== delimiter) {
              state = UNQUOTED;
              if (!edge && records > 0 && (b === SPACE || b >= 0x80)) edge = spaceStartsAt(bytes, i, utf8);
            }
          }
          i++;
          break;
        case UNQUOTED:
          // The bulk of a file: run to the cell's end.
          while (b !== delimiter && b !== LF && b !== CR && b !== QUOTE && ++i < to) b = bytes[i]!;
          if (i === to) break;
          if (b === QUOTE) {
            odd = true;
            break;
          }
          if (!edge && records > 0) {
            const last = bytes[i - 1]!;
            if (last === SPACE || last >= 0x80) edge = spaceEndsBefore(bytes, i, utf8);
          }
          if (b === delimiter) state = CELL_START;
          else if (b === LF) {
            records++;
            atRecordStart = true;
            state = CELL_START;
          } else state = AFTER_CR;
          i++;
          break;
        case QUOTED:
          // Run to the next quote.
          while (b !== QUOTE) {
            if (b === LF) lineBreak = true;
            if (++i === to) break;
            b = bytes[i]!;
          }
          if (i === to) break;
          state = QUOTE_IN_QUOTED;
          i++;
          break;
        case QUOTE_IN_QUOTED: {
          i++;
          if (b === QUOTE) {
            state = QUOTED;
            break;
          }
          if (!edge && records > 0) {
            const last = bytes[i - 3]!;
            if (last === SPACE || last >= 0x80) edge = spaceEndsBefore(bytes, i - 2, utf8);
          }
          if (b === delimiter) state = CELL_START;
          else if (b === LF) {
            records++;
            atRecordStart = true;
            state = CELL_START;
          } else if (b === CR) state = AFTER_CR;
          else odd = true;
          break;
        }
        case AFTER_CR:
          if (b === LF) {
            if (atRecordStart) odd = true;
            records++;
            atRecordStart = true;
            state = CELL_START;
          } else {
            odd = true;
          }
          i++;
          break;
      }
    }
    Object.assign(this, { state, c1, odd, edge, lineBreak, records, atRecordStart });
  }

  /** Ends the file: the last cell may end without a line break. */
  private endOfFile(bytes: Uint8Array, end: number): void {
    if (this.odd) return;
    if (this.state === UNQUOTED) this.edge ||= this.records > 0 && spaceEndsBefore(bytes, end, this.utf8);
    else if (this.state === QUOTE_IN_QUOTED) this.edge ||= this.records > 0 && spaceEndsBefore(bytes, end - 1, this.utf8);
    else if (this.state === QUOTED || this.state === AFTER_CR) this.odd = true;
  }
}

/** Whether a byte 0x80–0x9F is in bytes[from, to): four bytes at a time, as nearly all are ASCII. */
function hasC1(bytes: Uint8Array, from: number, to: number): boolean {
  const c1 = (b: number) => b >= 0x80 && b < 0xa0;
  let i = from;
  for (; i < to && (bytes.byteOffset + i) % 4 !== 0; i++) if (c1(bytes[i]!)) return true;
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (to - i) >> 2);
  for (let w = 0; w < words.length; w++) {
    if ((words[w]! & 0x80808080) === 0) continue;
    for (let k = i + w * 4; k < i + w * 4 + 4; k++) if (c1(bytes[k]!)) return true;
  }
  for (i += words.length * 4; i < to; i++) if (c1(bytes[i]!)) return true;
  return false;
}

/** Whether a space character (Unicode Zs) starts at `at` (at + 2 readable). */
function spaceStartsAt(bytes: Uint8Array, at: number, utf8: boolean): boolean {
  const b0 = bytes[at]!;
  return b0 === SPACE || (utf8 ? zsUtf8(b0, bytes[at + 1]!, bytes[at + 2]!) : b0 === NBSP_LATIN1);
}

/**
 * Whether a space character (Unicode Zs) ends before `at` (at - 3 readable). Bytes before a cell's
 * content are a delimiter, quote or line break: no pattern reaches across them into another cell.
 */
function spaceEndsBefore(bytes: Uint8Array, at: number, utf8: boolean): boolean {
  const [a3, a2, a1] = [bytes[at - 3]!, bytes[at - 2]!, bytes[at - 1]!];
  return a1 === SPACE || (utf8 ? (a2 === 0xc2 && a1 === 0xa0) || zsUtf8(a3, a2, a1) : a1 === NBSP_LATIN1);
}

/** Scans bytes that are all there is (a whole small file). */
export function scanCsv(bytes: Uint8Array, delimiter: string, utf8: boolean): CsvScan {
  const scanner = new CsvScanner(delimiter, utf8);
  scanner.push(bytes);
  return scanner.finish();
}

/** Scans the head of a file: its last record may be cut, so an open quote at its end is no error. */
export function scanCsvHead(head: Uint8Array, delimiter: string, utf8: boolean): CsvScan {
  const scanner = new CsvScanner(delimiter, utf8);
  scanner.push(head);
  return scanner.finish(false);
}
