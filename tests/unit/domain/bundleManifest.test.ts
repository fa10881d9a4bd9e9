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

describe('a bundle manifest with Arrow copies of its tables', () => {
  const arrow = { file: 'leads.arrow', bytes: 80, sha256: 'c'.repeat(64) };
  const withCopy = (copy: unknown) => ({ ...base, tables: { leads: { ...base.tables.leads, arrow: copy } } });

  it('reads a table’s and a lookup’s copy; a table without one has none', () => {
    expect(parseBundleManifest(withCopy(arrow)).tables.leads?.arrow).toEqual(arrow);
    expect(parseBundleManifest(base).tables.leads).not.toHaveProperty('arrow');
    const lookupArrow = { ...arrow, file: 'lookup_sales_teams.arrow' };
    expect(parseBundleManifest({ ...base, lookups: [{ ...lookup, arrow: lookupArrow }] }).lookups?.[0]?.arrow).toEqual(lookupArrow);
  });

  it.each([
    [{ ...arrow, file: '../leads.arrow' }, /table "leads": its Arrow copy has an invalid file name/],
    [{ ...arrow, file: 'https://elsewhere.example/leads.arrow' }, /invalid file name/],
    [{ file: 'leads.arrow' }, /its Arrow copy needs file and sha256/],
    ['leads.arrow', /its Arrow copy needs file and sha256/],
  ])('refuses a copy it could not check or that points elsewhere: %j', (copy, message) => {
    expect(() => parseBundleManifest(withCopy(copy))).toThrow(message);
  });
});
