import Papa from 'papaparse';
import { CANONICAL, type TableKind } from '../domain/schema';
import type { ColumnMapping } from './headerMapping';
import { detectDateFormat, detectDecimalSeparator, type DecimalSeparator } from './valueFormats';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface CsvSniff {
  readonly delimiter: Delimiter;
  readonly headers: readonly string[];
  /** The first rows after the header, as the user will see them in the preview. */
  readonly preview: readonly (readonly string[])[];
}

/**
 * Delimiter, header and preview rows of a CSV head (decoded text). PapaParse guesses the
 * delimiter; a head cut in the middle of a record loses that record, not the sniff.
 */
export function sniffCsv(head: string, previewRows = 200): CsvSniff {
  const complete = head.includes('\n') ? head.slice(0, head.lastIndexOf('\n') + 1) : head;
  const parsed = Papa.parse<string[]>(complete, { preview: previewRows + 1, delimitersToGuess: [...DELIMITERS], skipEmptyLines: 'greedy' });
  const delimiter = (DELIMITERS as readonly string[]).includes(parsed.meta.delimiter) ? (parsed.meta.delimiter as Delimiter) : ',';
  const [headers = [], ...preview] = parsed.data;
  return { delimiter, headers: headers.map((h) => h.trim()), preview };
}

export interface ValueFormats {
  readonly decimalSeparator: DecimalSeparator;
  /** strptime format (or 'excel-serial') per mapped DATE column; absent where no format fits. */
  readonly dateFormats: Readonly<Record<string, string>>;
}

/** Number and date formats of the mapped columns, from the preview rows. */
export function detectValueFormats(kind: TableKind, sniff: CsvSniff, mapping: ColumnMapping): ValueFormats {
  const columnValues = (header: string) => {
    const index = sniff.headers.indexOf(header);
    return sniff.preview.map((row) => row[index] ?? '');
  };
  const numeric: string[] = [];
  const dateFormats: Record<string, string> = {};
  for (const column of CANONICAL[kind]) {
    const header = mapping[column.name];
    if (header === undefined) continue;
    if (column.type === 'DOUBLE' || column.type === 'INTEGER') numeric.push(...columnValues(header));
    if (column.type === 'DATE') {
      const format = detectDateFormat(columnValues(header));
      if (format) dateFormats[column.name] = format;
    }
  }
  // A semicolon export comes from a German Excel: decimal comma unless the cells say otherwise.
  const decimalSeparator = detectDecimalSeparator(numeric, sniff.delimiter === ';' ? ',' : '.');
  return { decimalSeparator, dateFormats };
}
