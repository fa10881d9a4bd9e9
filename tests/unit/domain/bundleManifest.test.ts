import { describe, expect, it } from 'vitest';
import { parseBundleManifest } from '../../../src/domain/bundleManifest';

const base = {
  schemaVersion: 1,
  createdAt: '2026-12-03T10:00:00.000Z',
  tables: { leads: { file: 'leads.parquet', rows: 90, bytes: 10, sha256: 'a'.repeat(64) } },
  sources: [{ file: 'sales_pipeline.csv', kind: 'leads', rowsRead: 90, rowsLoaded: 90, rowsRejected: 0 }],
};
const lookup = { file: 'lookup_sales_teams.parquet', rows: 8, bytes: 5, sha256: 'b'.repeat(64), table: 'lookup_sales_teams', leadColumn: 'owner', key: 'sales_agent', sources: ['sales_teams.csv'] };

describe('a bundle manifest with lookups', () => {
  it('reads the lookups and their keys; a bundle without them has none', () => {
    expect(parseBundleManifest({ ...base, lookups: [lookup] }).lookups).toEqual([lookup]);
    expect(parseBundleManifest(base).lookups).toBeUndefined();
  });

  it.each([
    [{ ...lookup, table: 'leads' }, /invalid table name/],
    [{ ...lookup, table: 'lookup_x"; DROP TABLE leads; --' }, /invalid table name/],
    [{ ...lookup, file: '../leads.parquet' }, /invalid file name/],
    [{ ...lookup, key: '' }, /needs leadColumn and key/],
    [{ ...lookup, sha256: undefined }, /needs file, rows and sha256/],
  ])('refuses a lookup that could name anything but its own table and file: %j', (entry, message) => {
    expect(() => parseBundleManifest({ ...base, lookups: [entry] })).toThrow(message);
  });
});
