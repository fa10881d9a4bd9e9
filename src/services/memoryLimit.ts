import { ExportError } from './exportError';
import { errorText } from '../domain/errorText';

/**
 * duckdb-wasm is 32-bit WebAssembly: at most 4 GiB of memory for the whole database. A 5M-lead
 * export (1.2 GB) imported here with room to spare; files above this limit go through the ETL.
 */
export const BROWSER_IMPORT_LIMIT_BYTES = 2 * 1024 ** 3;

const gigabytes = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

const ETL_HINT = 'import it with the ETL instead (npm run etl -- <file> --out <folder>) and open the result as a published dashboard';

/** Refuses a file that cannot fit before a byte of it is read. */
export function checkImportSize(fileName: string, bytes: number): void {
  if (bytes > BROWSER_IMPORT_LIMIT_BYTES) {
    throw new ExportError(fileName, `the file is ${gigabytes(bytes)}; the browser imports files up to ${gigabytes(BROWSER_IMPORT_LIMIT_BYTES)} (its database has at most 4 GB of memory): ${ETL_HINT}`);
  }
}

/** Turns the engine's out-of-memory failure into the same advice; other errors pass unchanged. */
export function explainOutOfMemory(fileName: string, error: unknown): unknown {
  const message = errorText(error);
  if (!/out of memory|failed to allocate|memory access out of bounds|Cannot enlarge memory/i.test(message)) return error;
  return new ExportError(fileName, `the browser ran out of memory (its database has at most 4 GB); the data loaded before is kept: ${ETL_HINT}`);
}
