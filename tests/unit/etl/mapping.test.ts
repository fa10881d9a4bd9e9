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

  it.each([
    [[], 'm.json: expected an object of export file names'],
    [{ 'in/a.csv': {} }, 'm.json: "in/a.csv": use the export\'s file name without a folder'],
    [{ 'a.csv': 'leads' }, 'm.json: "a.csv" must be an object with "kind" and/or "columns"'],
    [{ 'a.csv': { kind: 'leads', colums: {} } }, 'm.json: "a.csv" has an unknown key "colums" (allowed: kind, columns)'],
    [{ 'a.csv': { kind: 'lead' } }, 'm.json: "a.csv": kind "lead" is not one of leads, deals, campaigns, targets'],
    [{ 'a.csv': { columns: LEADS } }, 'm.json: "a.csv": "columns" needs "kind"'],
    [{ 'a.csv': { kind: 'leads', columns: ['Nr'] } }, 'm.json: "a.csv": "columns" must be an object'],
    [{ 'a.csv': { kind: 'leads', columns: { ...LEADS, leadid: 'Nr' } } }, 'm.json: "a.csv": "leadid" is not a column of leads (columns: lead_id, created_at'],
    [{ 'a.csv': { kind: 'leads', columns: { ...LEADS, email: 3 } } }, 'm.json: "a.csv": columns."email" must be a file header'],
    [{ 'a.csv': { kind: 'leads', columns: { lead_id: 'Nr' } } }, 'm.json: "a.csv": "columns" lacks the required created_at, medium, stage'],
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
