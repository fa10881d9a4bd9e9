import { describe, expect, it } from 'vitest';
import { BROWSER_IMPORT_LIMIT_BYTES, checkImportSize, explainOutOfMemory } from '../../../src/services/memoryLimit';

describe('the browser import size limit', () => {
  it('refuses a file above the limit by name, naming the limit and the ETL', () => {
    expect(() => checkImportSize('leads-2026.csv', BROWSER_IMPORT_LIMIT_BYTES)).not.toThrow();
    expect(() => checkImportSize('leads-2026.csv', 2.6 * 1024 ** 3)).toThrow(/^leads-2026\.csv: the file is 2\.6 GB; the browser imports files up to 2\.0 GB .*npm run etl/);
  });

  it('explains the engine running out of memory and passes other errors through', () => {
    const explained = explainOutOfMemory('big.csv', new Error('Out of Memory Error: failed to allocate data of size 256.0 MiB (3.9 GiB/3.9 GiB used)'));
    expect(String(explained)).toMatch(/big\.csv: the browser ran out of memory .*the data loaded before is kept.*npm run etl/);
    const other = new Error('Conversion Error');
    expect(explainOutOfMemory('big.csv', other)).toBe(other);
  });
});
