import Papa from 'papaparse';

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
export function sniffCsv(head: string, previewRows = 200, chosenDelimiter?: string): CsvSniff {
  const complete = head.includes('\n') ? head.slice(0, head.lastIndexOf('\n') + 1) : head;
  const guess = chosenDelimiter ? { delimiter: chosenDelimiter } : { delimitersToGuess: [...DELIMITERS] };
  const parsed = Papa.parse<string[]>(complete, { preview: previewRows + 1, ...guess, skipEmptyLines: 'greedy' });
  const delimiter = (DELIMITERS as readonly string[]).includes(parsed.meta.delimiter) ? (parsed.meta.delimiter as Delimiter) : ',';
  const [headers = [], ...preview] = parsed.data;
  return { delimiter, headers: headers.map((h) => h.trim()), preview };
}
