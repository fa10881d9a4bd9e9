import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { markdownCell, rejectsCsv, reportMarkdown, type RunReport } from '../../../etl/report';
import type { CsvImportReport } from '../../../src/services/importCsv';

const file = (rejects: CsvImportReport['rejects']): CsvImportReport => ({
  fileName: 'leads|<b>.csv',
  kind: 'leads',
  encoding: 'utf-8',
  delimiter: ',',
  format: { decimalSeparator: '.', dateFormats: {} },
  dateRange: { from: '1990-01-01', to: '2027-01-01' },
  mapping: { lead_id: 'Lead ID', created_at: 'Created Date', medium: 'Lead Source', stage: 'Lead Status' },
  rowsRead: 10,
  rowsLoaded: 10 - rejects.length,
  rowsRejected: rejects.length,
  mode: 'replace',
  rowsReplaced: 0,
  unknownValues: [],
  rejects,
  repairs: [],
  constants: {},
  cleared: [],
  placeholders: [],
  placeholderValues: [],
  extras: [],
  currency: null,
  plausibility: [],
});
const run = (files: CsvImportReport[]): RunReport => ({ schemaVersion: 1, createdAt: '2026-11-27T09:00:00.000Z', generator: 'leadloop etl 0.1.0', files, sharedKeys: [], unusedMappings: [], lookups: [], figures: null, quality: null });

describe('ETL report', () => {
  it('shows export text in Markdown literally: no table breaks, markup or HTML', () => {
    expect(markdownCell('a|b')).toBe('a\\|b');
    expect(markdownCell('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(markdownCell('*bold* [link](x) `code` _i_ \\')).toBe('\\*bold\\* \\[link\\](x) \\`code\\` \\_i\\_ \\\\');
    expect(markdownCell('Zeile 1\r\nZeile 2')).toBe('Zeile 1 ↵ Zeile 2');
    expect(markdownCell('x'.repeat(200))).toBe(`${'x'.repeat(160)}…`);
    expect(markdownCell(null)).toBe('');
  });

  it('lists at most 200 rejects per export and points to the files with all of them', () => {
    const rejects = Array.from({ length: 250 }, (_, i) => ({ line: i + 2, column_name: 'created_at', value: `=${i}`, reason: 'not a date' }));
    const md = reportMarkdown(run([file(rejects)]));
    expect(md).toContain('## leads\\|&lt;b&gt;.csv → `leads`');
    expect(md.match(/^\| \d+ \| `created_at` \|/gm)).toHaveLength(200);
    expect(md).toContain('| 201 | `created_at` | =199 | not a date |');
    expect(md).not.toContain('| 202 |');
    expect(md).toContain('The first 200 are listed; report.json and leads\\|&lt;b&gt;.csv.rejects.csv have all 250.');
    expect(md).toContain('Not in this export (left empty): `source`, `campaign_id`,');
  });

  it('writes every reject to CSV with formula cells neutralised and a BOM for Excel', () => {
    const csv = rejectsCsv(file([{ line: 3, column_name: 'amount', value: '-12,5', reason: 'not a number' }]));
    expect(csv.startsWith('\uFEFFline,column_name,value,reason\r\n')).toBe(true);
    expect(Papa.parse(csv.slice(1), { skipEmptyLines: true }).data).toEqual([
      ['line', 'column_name', 'value', 'reason'],
      ['3', 'amount', "'-12,5", 'not a number'],
    ]);
  });
});
