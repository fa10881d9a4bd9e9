import type { TableKind } from '../domain/schema';
import type { ValueFormat } from '../domain/valueFormat';
import type { TextEncoding } from '../ingest/encoding';
import { detectTableKind, headerSignature, suggestMapping, type ColumnMapping } from '../ingest/headerMapping';
import { sniffCsv } from '../ingest/sniffCsv';
import { detectValueFormat } from '../ingest/valueFormats';
import { ExportError } from './exportError';
import { assertTextExport, encodingOf, HEAD_BYTES, type CsvImportInput, type TextCodec } from './importCsv';
import { parquetAsCsv } from './importParquet';
import { workbookAsCsv } from './importWorkbook';
import { withWholeHeader } from './wholeHeader';

/** What the user reviews before an import: detected facts, the suggested mapping, the first rows. */
export interface Inspection {
  /** The input to import (an Excel sheet or Parquet file already converted, so not converted twice). */
  readonly input: CsvImportInput;
  readonly encoding: TextEncoding;
  readonly delimiter: string;
  /** Whether the file itself is text (so encoding and delimiter are choices), not a converted workbook or Parquet file. */
  readonly isText: boolean;
  readonly headers: readonly string[];
  /** The rows of the head as text, cells in header order (the preview shows the first few). */
  readonly rows: readonly (readonly string[])[];
  /** Average bytes per line of the head: turns bytes read into an estimate of rows read. */
  readonly bytesPerRow: number;
  readonly detectedKind: TableKind | null;
  /** Identifies the export's layout, to remember the user's mapping for next month's file. */
  readonly signature: string;
  /** Suggested mapping for a kind (the detected one, or the one the user picks). */
  suggest(kind: TableKind): ColumnMapping;
  /** Number and date formats of the mapped columns, as detected from the head's rows. */
  detectFormat(kind: TableKind, mapping: ColumnMapping): ValueFormat;
}

/** The encoding and delimiter the user corrected; the rest is detected again with them. */
export interface TextChoice {
  readonly encoding?: TextEncoding;
  readonly delimiter?: string;
}

/** Reads only the head of the file (and converts a workbook or Parquet file): instant even for a 1 GB export. */
export async function inspectImport(original: CsvImportInput, codec: TextCodec, choice: TextChoice = {}): Promise<Inspection> {
  const workbook = original.workbook ?? (await workbookAsCsv(original, codec, HEAD_BYTES));
  const converted = workbook ? { ...workbook.input, workbook } : ((await parquetAsCsv(original, codec, HEAD_BYTES)) ?? original);
  const whole = await withWholeHeader(converted, codec, HEAD_BYTES);
  const input: CsvImportInput = { ...whole, ...(choice.encoding ? { encoding: choice.encoding } : {}), ...(choice.delimiter ? { delimiter: choice.delimiter } : {}) };
  if (input.head.length === 0) throw new ExportError(input.fileName, 'the file is empty (0 bytes)');
  const { encoding, bomLength } = encodingOf(input);
  const text = codec.decode(input.head.subarray(bomLength), encoding);
  assertTextExport(input.fileName, encoding, text);
  const sniffed = sniffCsv(text, 200, choice.delimiter);
  const { delimiter, headers, preview: rows } = sniffed;
  if (headers.length < 2) throw new ExportError(input.fileName, `no header row with columns found (delimiter ${JSON.stringify(delimiter)})`);
  const valuesOf = (header: string) => rows.map((row) => row[headers.indexOf(header)] ?? '');
  return {
    input,
    encoding,
    delimiter,
    isText: converted === original,
    headers,
    rows,
    bytesPerRow: input.head.length / Math.max(1, text.split('\n').length - 1),
    detectedKind: detectTableKind(headers),
    signature: headerSignature(headers),
    suggest: (kind) => suggestMapping(kind, headers),
    detectFormat: (kind, mapping) => detectValueFormat(kind, mapping, valuesOf, delimiter),
  };
}
