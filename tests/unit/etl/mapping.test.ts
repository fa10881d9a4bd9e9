import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EtlError } from '../../../etl/errors';
import { parseMapping, readMappingFile } from '../../../etl/mapping';

const LEADS = { lead_id: 'Nr', created_at: 'Datum', medium: 'Quelle', stage: 'Status' };

describe('mapping file', () => {
  it('accepts a kind, a complete column mapping, or both, per export file name', () => {
    expect(parseMapping({ 'a.csv': { kind: 'leads', columns: LEADS }, 'b.csv': { kind: 'deals' }, 'c.csv': {} }, 'm.json')).toEqual({
      'a.csv': { kind: 'leads', columns: LEADS },
      'b.csv': { kind: 'deals' },
      'c.csv': {},
    });
  });

  it('accepts constants, value mappings, placeholders, a currency and lookups (the real-exports shapes)', () => {
    const json = {
      'mqls.csv': { kind: 'leads', columns: { lead_id: 'mql_id', created_at: 'first_contact_date', medium: 'origin' }, constants: { stage: 'mql' } },
      'won.csv': { kind: 'deals', columns: { lead_id: 'mql_id', closed_at: 'won_date' }, constants: { outcome: 'won' } },
      'leads.csv': { kind: 'leads', columns: { lead_id: 'Prospect ID', medium: 'Lead Source', stage: 'Converted' }, values: { stage: { 1: 'won', 0: 'lead' } }, placeholders: ['Select'], currency: 'usd' },
      'teams.csv': { kind: 'lookup', key: { owner: 'sales_agent' } },
    };
    const parsed = parseMapping(json, 'm.json');
    expect(parsed['mqls.csv']).toEqual(json['mqls.csv']);
    expect(parsed['leads.csv']).toEqual({ ...json['leads.csv'], currency: 'USD' });
    expect(parsed['teams.csv']).toEqual({ kind: 'lookup', key: { owner: 'sales_agent' } });
  });

  it('accepts the plausible dates of an export (a date outside is flagged, not loaded)', () => {
    const parsed = parseMapping({ 'leads.csv': { kind: 'leads', dateRange: { from: '1980-01-01', to: '2030-12-31' } } }, 'm.json');
    expect(parsed['leads.csv']).toEqual({ kind: 'leads', dateRange: { from: '1980-01-01', to: '2030-12-31' } });
  });

  it.each([
    [[], 'm.json: expected an object of export file names'],
    [{ 'in/a.csv': {} }, 'm.json: "in/a.csv": use the export\'s file name without a folder'],
    [{ 'a.csv': 'leads' }, 'm.json: "a.csv" must be an object with "kind" and/or "columns"'],
    [{ 'a.csv': { kind: 'leads', colums: {} } }, 'm.json: "a.csv" has an unknown key "colums" (allowed: kind, columns, constants, values, placeholders, currency, dateRange, key)'],
    [{ 'a.csv': { kind: 'lead' } }, 'm.json: "a.csv": kind "lead" is not one of leads, deals, campaigns, targets, touches, lookup'],
    [{ 'a.csv': { columns: LEADS } }, 'm.json: "a.csv": "columns" needs "kind"'],
    [{ 'a.csv': { kind: 'leads', columns: ['Nr'] } }, 'm.json: "a.csv": "columns" must be an object'],
    [{ 'a.csv': { kind: 'leads', columns: { ...LEADS, leadid: 'Nr' } } }, 'm.json: "a.csv": "leadid" is not a column of leads (columns: lead_id, created_at'],
    [{ 'a.csv': { kind: 'leads', columns: { ...LEADS, email: 3 } } }, 'm.json: "a.csv": columns."email" must be a file header'],
    [{ 'a.csv': { kind: 'leads', columns: { email: 'Mail' } } }, 'm.json: "a.csv": "columns" lacks the required lead_id'],
    [{ 'a.csv': { kind: 'deals', columns: { closed_at: 'won_date' }, constants: { outcome: 'won' } } }, 'm.json: "a.csv": "columns" lacks the required lead_id'],
    [{ 'a.csv': { kind: 'leads', constants: { stag: 'mql' } } }, 'm.json: "a.csv": constant "stag" is not a column of leads'],
    [{ 'a.csv': { constants: { stage: 'mql' } } }, 'm.json: "a.csv": "constants" needs "kind" to be a table'],
    [{ 'a.csv': { kind: 'leads', values: { stage: { 1: 7 } } } }, 'm.json: "a.csv": values."1" must be a non-empty string'],
    [{ 'a.csv': { kind: 'leads', placeholders: 'Select' } }, 'm.json: "a.csv": "placeholders" must be a list of texts'],
    [{ 'a.csv': { kind: 'leads', currency: 'Dollar' } }, 'm.json: "a.csv": "currency" must be a three-letter ISO code'],
    [{ 'a.csv': { kind: 'leads', dateRange: '1980' } }, 'm.json: "a.csv": "dateRange" must be {"from": "yyyy-mm-dd", "to": "yyyy-mm-dd"}'],
    [{ 'a.csv': { kind: 'leads', dateRange: { from: '1980-01-01', to: '2030-02-30' } } }, 'm.json: "a.csv": the plausible dates must be written yyyy-mm-dd'],
    [{ 'a.csv': { kind: 'lookup', key: { owner: 'a', region: 'b' } } }, 'm.json: "a.csv": "key" names exactly one lead column'],
    [{ 'a.csv': { kind: 'leads', key: { owner: 'a' } } }, 'm.json: "a.csv": "key" is for "kind": "lookup"'],
  ])('refuses %j, naming the file and the entry', (json, message) => {
    expect(() => parseMapping(json, 'm.json')).toThrow(EtlError);
    expect(() => parseMapping(json, 'm.json')).toThrow(message);
  });

  it('names the mapping file when it cannot be read or is not JSON', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'leadloop-mapping-'));
    try {
      const file = path.join(dir, 'mapping.json');
      expect(() => readMappingFile(file)).toThrow(`${file}: cannot read the mapping file (ENOENT)`);
      writeFileSync(file, '{"a.csv": {"kind": "leads",}}');
      expect(() => readMappingFile(file)).toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON \\(`));
      writeFileSync(file, '\uFEFF{"a.csv": {"kind": "leads"}}');
      expect(readMappingFile(file)).toEqual({ 'a.csv': { kind: 'leads' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
