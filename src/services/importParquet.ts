import { isParquet } from '../ingest/parquetCsv';
import { ExportError } from './exportError';
import type { CsvImportInput, TextCodec } from './importTypes';

/**
 * A Parquet export (a warehouse extract, or an ETL bundle's table) as CSV input, so it takes the
 * same mapping, checks and report as a CSV. null when the input is no Parquet file.
 */
export async function parquetAsCsv(input: CsvImportInput, codec: TextCodec, headBytes: number): Promise<CsvImportInput | null> {
  if (!isParquet(input.head)) return null;
  const csv = await codec.convertParquet(input.source).catch((error: unknown) => {
    throw new ExportError(input.fileName, `this is a Parquet file but could not be read: ${error instanceof Error ? error.message : String(error)}`);
  });
  return { ...input, source: { kind: 'bytes', bytes: csv }, head: csv.subarray(0, headBytes) };
}
