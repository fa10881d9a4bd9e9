/**
 * The two export styles. Same rows, same order; only the formatting differs:
 * - en: English CRM export — comma, ISO dates, 12345.67, UTF-8 without BOM, \n, RFC 4180 quoting.
 * - de: German Excel export — semicolon, dd.mm.yyyy, 148.577,34, Windows-1252, \r\n.
 * Vocabulary columns get the labels such exports use ("Trade Show" / "Messe"), which
 * canonicalValue() maps back onto the canonical codes.
 */
import iconv from 'iconv-lite';
import { CANONICAL, type CanonicalColumn, type TableKind } from '../../src/domain/schema';
import { germanDate, isoDate } from './dates';
import type { Cell } from './leads';

export type StyleName = 'en' | 'de';
export const STYLE_NAMES: readonly StyleName[] = ['en', 'de'];

export type LabelledVocabulary = 'medium' | 'stage' | 'channel' | 'outcome';

/** Export labels of canonical codes. A value without a label (an unknown medium) is written as-is. */
export const LABELS: Readonly<Record<StyleName, Readonly<Record<LabelledVocabulary, Readonly<Record<string, string>>>>>> = {
  en: {
    medium: { telemarketing: 'Telemarketing', direct_mail: 'Direct Mail', event: 'Event', trade_fair: 'Trade Show', web: 'Website', ad: 'Advertising' },
    stage: { lead: 'Open', mql: 'MQL', sql: 'SQL', opportunity: 'Opportunity', won: 'Closed Won', lost: 'Closed Lost', disqualified: 'Disqualified' },
    channel: { direct: 'Direct', partner: 'Partner' },
    outcome: { won: 'Won', lost: 'Lost', open: 'Open' },
  },
  de: {
    medium: { telemarketing: 'Telemarketing', direct_mail: 'Mailing', event: 'Veranstaltung', trade_fair: 'Messe', web: 'Webformular', ad: 'Anzeige' },
    stage: { lead: 'Neu', mql: 'MQL', sql: 'SQL', opportunity: 'Verkaufschance', won: 'Gewonnen', lost: 'Verloren', disqualified: 'Disqualifiziert' },
    channel: { direct: 'Direkt', partner: 'Partner' },
    outcome: { won: 'Gewonnen', lost: 'Verloren', open: 'Offen' },
  },
};

/** Which canonical columns carry a vocabulary. */
const VOCABULARY_COLUMN: Readonly<Record<string, LabelledVocabulary>> = { medium: 'medium', stage: 'stage', channel: 'channel', outcome: 'outcome' };
/** DOUBLE columns that hold whole numbers and are written without decimals. */
const WHOLE_NUMBER_COLUMNS = new Set(['lead_score']);

export interface ExportStyle {
  readonly name: StyleName;
  readonly delimiter: string;
  readonly eol: string;
  readonly encoding: 'utf8' | 'win1252';
  header(column: CanonicalColumn): string;
  date(day: number): string;
  /** Money: always two decimals. */
  money(value: number): string;
  integer(value: number): string;
  /** Quotes a field if it contains the delimiter, a quote or a line break. */
  quote(text: string): string;
  encode(text: string): Buffer;
  /** Encodes text into target at offset (target must have room for 3 bytes per char); returns bytes written. */
  encodeInto(text: string, target: Buffer, offset: number): number;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function splitCents(value: number): { sign: string; whole: number; cents: number } {
  const c = Math.round(Math.abs(value) * 100);
  return { sign: value < 0 ? '-' : '', whole: Math.floor(c / 100), cents: c % 100 };
}

function groupThousands(n: number, separator: string): string {
  const s = String(n);
  if (s.length <= 3) return s;
  let out = s.slice(0, s.length % 3 || 3);
  for (let i = out.length; i < s.length; i += 3) out += separator + s.slice(i, i + 3);
  return out;
}

const EN_NEEDS_QUOTES = /[",\r\n]/;
const DE_NEEDS_QUOTES = /[";\r\n]/;

export const EN: ExportStyle = {
  name: 'en',
  delimiter: ',',
  eol: '\n',
  encoding: 'utf8',
  header: (c) => c.en[0]!,
  date: isoDate,
  money(value) {
    const { sign, whole, cents } = splitCents(value);
    return `${sign}${whole}.${pad2(cents)}`;
  },
  integer: (value) => String(Math.round(value)),
  quote: (text) => (EN_NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text),
  encode: (text) => Buffer.from(text, 'utf8'),
  encodeInto: (text, target, offset) => target.write(text, offset, 'utf8'),
};

/** Characters where Windows-1252 differs from Latin-1 (C1 range) or that Latin-1 lacks (€, –, „ …). */
const NOT_LATIN1_COMPATIBLE = /[\u0080-\u009f\u0100-\uffff]/;

export const DE: ExportStyle = {
  name: 'de',
  delimiter: ';',
  eol: '\r\n',
  encoding: 'win1252',
  header: (c) => c.de[0]!,
  date: germanDate,
  money(value) {
    const { sign, whole, cents } = splitCents(value);
    return `${sign}${groupThousands(whole, '.')},${pad2(cents)}`;
  },
  integer: (value) => String(Math.round(value)),
  quote: (text) => (DE_NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text),
  encode: (text) => iconv.encode(text, 'win1252'),
  encodeInto(text, target, offset) {
    // Plain Latin-1 text (umlauts included) has the same bytes in Windows-1252: take the fast path.
    if (!NOT_LATIN1_COMPATIBLE.test(text)) return target.write(text, offset, 'latin1');
    return iconv.encode(text, 'win1252').copy(target, offset);
  },
};

export const STYLES: Readonly<Record<StyleName, ExportStyle>> = { en: EN, de: DE };

export type CellFormatter = (cell: Cell) => string;

/** How one column's cells are written in a style (empty cell for null). */
export function cellFormatter(column: CanonicalColumn, style: ExportStyle): CellFormatter {
  const vocabulary = VOCABULARY_COLUMN[column.name];
  if (vocabulary) {
    const labels = LABELS[style.name][vocabulary];
    return (cell) => (cell === null ? '' : style.quote(labels[String(cell)] ?? String(cell)));
  }
  switch (column.type) {
    case 'DATE':
      return (cell) => (cell === null ? '' : style.date(cell as number));
    case 'INTEGER':
      return (cell) => (cell === null ? '' : style.integer(cell as number));
    case 'DOUBLE':
      return WHOLE_NUMBER_COLUMNS.has(column.name)
        ? (cell) => (cell === null ? '' : style.integer(cell as number))
        : (cell) => (cell === null ? '' : style.money(cell as number));
    case 'VARCHAR':
      return (cell) => (cell === null ? '' : style.quote(String(cell)));
  }
}

export interface TableFormat {
  readonly headerLine: string;
  formatRow(row: Readonly<Record<string, Cell>>): string;
}

/**
 * Canonical columns the sample exports do not carry: the raw source (the export's medium column is
 * it), the leads' currency (the deals carry one) and a campaign's month (its cost is one sum over
 * its dates). Leaving them out keeps the committed samples as they were when the data model grew.
 */
const NOT_IN_SAMPLE: ReadonlySet<string> = new Set(['leads.source', 'leads.currency', 'campaigns.month']);

/** The columns a sample export of a table has, in CANONICAL order. */
export function sampleColumns(kind: TableKind): readonly CanonicalColumn[] {
  return CANONICAL[kind].filter((c) => !NOT_IN_SAMPLE.has(`${kind}.${c.name}`));
}

/** Header and row formatting of a table in a style, in CANONICAL column order (lines end with style.eol). */
export function tableFormat(kind: TableKind, style: ExportStyle): TableFormat {
  const columns = sampleColumns(kind);
  const names = columns.map((c) => c.name);
  const formatters = columns.map((c) => cellFormatter(c, style));
  const n = columns.length;
  const { delimiter, eol } = style;
  return {
    headerLine: columns.map((c) => style.quote(style.header(c))).join(delimiter) + eol,
    formatRow(row) {
      let line = formatters[0]!(row[names[0]!] ?? null);
      for (let i = 1; i < n; i++) line += delimiter + formatters[i]!(row[names[i]!] ?? null);
      return line + eol;
    },
  };
}
