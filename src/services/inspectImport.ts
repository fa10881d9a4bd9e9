import type { TableKind } from '../domain/schema';
import { detectEncoding, type TextEncoding } from '../ingest/encoding';
import { detectTableKind, headerSignature, suggestMapping, type ColumnMapping } from '../ingest/headerMapping';
import { sniffCsv } from '../ingest/sniffCsv';
import { ExportError } from './exportError';
import { assertTextExport, HEAD_BYTES, type CsvImportInput, type TextCodec } from './importCsv';
import { parquetAsCsv } from './importParquet';
import { workbookAsCsv } from './importWorkbook';

/** What the user reviews before an import: detected facts, the suggested mapping, the first rows. */
export interface Inspection {
  /** The input to import (an Excel sheet already converted, so it is not converted twice). */
  readonly input: CsvImportInput;
  readonly encoding: TextEncoding;
  readonly delimiter: string;
  readonly headers: readonly string[];
  /** The first rows as text, cells in header order. */
  readonly preview: readonly (readonly string[])[];
  readonly detectedKind: TableKind | null;
  /** Average bytes per line of the head: turns bytes read into an estimate of rows read. */
  readonly bytesPerRow: number;
  /** Identifies the export's layout, to remember the user's mapping for next month's file. */
  readonly signature: string;
  /** Suggested mapping for a kind (the detected one, or the one the user picks). */
  suggest(kind: TableKind): ColumnMapping;
}

/** Reads only the head of the file (and converts a workbook): instant even for a 1 GB export. */
export async function inspectImport(original: CsvImportInput, codec: TextCodec, previewRows = 8): Promise<Inspection> {
  const workbook = await workbookAsCsv(original, codec, HEAD_BYTES);
  const input = workbook ? { ...workbook.input, workbook } : ((await parquetAsCsv(original, codec, HEAD_BYTES)) ?? original);
  if (input.head.length === 0) throw new ExportError(input.fileName, 'the file is empty (0 bytes)');
  const { encoding, bomLength } = detectEncoding(input.head);
  const text = codec.decode(input.head.subarray(bomLength), encoding);
  assertTextExport(input.fileName, encoding, text);
  const { delimiter, headers, preview } = sniffCsv(text, previewRows);
  if (headers.length < 2) throw new ExportError(input.fileName, 'no header row with columns found');
  return {
    input,
    encoding,
    delimiter,
    headers,
    preview,
    bytesPerRow: input.head.length / Math.max(1, text.split('\n').length - 1),
    detectedKind: detectTableKind(headers),
    signature: headerSignature(headers),
    suggest: (kind) => suggestMapping(kind, headers),
  };
}
