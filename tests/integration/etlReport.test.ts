import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../etl/report';
import { runEtl } from '../../etl/run';
import { germanLeadsWorkbook } from '../support/workbooks';

/** What report.md tells a controller about each export: nothing only report.json knows, and no column called absent that the file has. */

const NOW = new Date('2026-12-01T09:00:00.000Z');
const AMOUNT_HEADERS = ['Umsatz', 'Umsatz (EUR)', 'Wert', 'Volumen', 'Auftragsvolumen'];

let scratch: string;
let report: RunReport;
let markdown: string;
/** The section of report.md about one export. */
const section = (fileName: string) => markdown.split(/^## /m).find((s) => s.startsWith(fileName)) ?? '';

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'leadloop-etl-report-'));
  const input = path.join(scratch, 'in');
  mkdirSync(input);
  AMOUNT_HEADERS.forEach((header, i) => {
    writeFileSync(path.join(input, `leads-${i}.csv`), `Lead-Nr.;Erstellt am;Leadquelle;Status;${header}\r\nA${i};01.03.2025;Messe;Neu;1.234,5\r\n`);
  });
  // An unknown medium, and a Status column that a constant replaces.
  writeFileSync(path.join(input, 'mqls.csv'), 'Lead-Nr.;Leadquelle;Status;Umsatz\r\nM1;Astrologie;Neu;5\r\nM2;Astrologie;Neu;7\r\n');
  writeFileSync(path.join(input, 'messe.xlsx'), await germanLeadsWorkbook());
  const mapping = path.join(scratch, 'mapping.json');
  writeFileSync(mapping, JSON.stringify({ 'mqls.csv': { kind: 'leads', columns: { lead_id: 'Lead-Nr.', medium: 'Leadquelle', stage: 'Status' }, constants: { stage: 'mql' } } }));
  const result = await runEtl({ inputs: [input], outDir: path.join(scratch, 'out'), mappingFile: mapping, now: () => NOW });
  report = result.report;
  markdown = readFileSync(path.join(scratch, 'out', 'report.md'), 'utf8');
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('report.md', () => {
  it.each(AMOUNT_HEADERS.map((header, i) => ({ header, file: `leads-${i}.csv` })))('reads the amount from the German “$header” and never calls it absent', ({ header, file }) => {
    expect(report.files.find((f) => f.fileName === file)?.mapping.amount).toBe(header);
    expect(section(file)).not.toMatch(/Not in this export[^\n]*`amount`/);
  });

  it('lists the values the app does not know, with their rows', () => {
    expect(report.files.find((f) => f.fileName === 'mqls.csv')?.unknownValues).toEqual([{ column: 'medium', vocabulary: 'medium', value: 'Astrologie', rows: 2 }]);
    expect(section('mqls.csv')).toMatch(/### Values kept as they are[^\n]*\n\n\| column \| value \| rows \|\n\|---\|---\|---\|\n\| `medium` \| Astrologie \| 2 \|/);
  });

  it('lists every column of the file the mapping does not use, also one a constant replaces, and the file’s column for a canonical one it left unmapped', () => {
    const mqls = report.files.find((f) => f.fileName === 'mqls.csv')!;
    expect(mqls.extras.map((e) => e.header)).toEqual(['Status', 'Umsatz']);
    expect(section('mqls.csv')).toMatch(/Kept as extra columns[^\n]*Status, Umsatz/);
    expect(section('mqls.csv')).toMatch(/`amount`: not mapped; the export's Umsatz would fit it/);
    expect(section('mqls.csv')).not.toMatch(/Not in this export[^\n]*`amount`/);
  });

  it('names the sheet that was read and the workbook’s notes', () => {
    expect(section('messe.xlsx')).toContain('Sheet “Leads” read, header in row 1.');
    expect(section('messe.xlsx')).toContain('Workbook note: 1 cells with an Excel error, read as empty: F5: \\#N/A.');
  });
});
