import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DataType, tableFromIPC } from 'apache-arrow';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../etl/bundle';
import type { RunReport } from '../../etl/report';
import { runEtl, type EtlResult } from '../../etl/run';
import { CANONICAL, TABLE_KINDS } from '../../src/domain/schema';
import { sampleColumns } from '../../data-samples/generator/styles';
import { canonicalCell, isoFromGerman, plainFromGerman, readTable, SAMPLES_DIR } from '../unit/samples/sampleFiles';
import { ARROW_TYPE_OF, readParquetTable, readParquetTableWithBrowserBuild } from './helpers/bundle';
import { REPO } from './helpers/engines';

const DE = path.join(REPO, 'data-samples/de');
const NOW = new Date('2026-11-27T09:00:00.000Z');
const VERSION = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const readJson = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;
/** The import's default placeholders, lower-cased: written here again, not imported. */
const PLACEHOLDERS = ['select', '-', '--', 'n/a', '#n/a', '(none)', '(blank)', 'null'];

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'leadloop-etl-test-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('ETL on the German sample exports (Windows-1252, semicolons, decimal commas)', () => {
  let out: string;
  let result: EtlResult;
  beforeAll(async () => {
    out = path.join(scratch, 'de-bundle');
    result = await runEtl({ inputs: [DE], outDir: out, now: () => NOW });
  });

  it('writes one Parquet file and its Arrow copy (with .br and .gz) per table, the manifest, the default view’s figures and the reports, and nothing else', () => {
    const tableFiles = TABLE_KINDS.flatMap((kind) => [`${kind}.parquet`, `${kind}.arrow`, `${kind}.arrow.br`, `${kind}.arrow.gz`]);
    expect(readdirSync(out).sort()).toEqual([...tableFiles, 'figures.json', 'manifest.json', 'report.json', 'report.md'].sort());
    for (const kind of TABLE_KINDS) {
      const arrow = readFileSync(path.join(out, `${kind}.arrow`));
      expect(brotliDecompressSync(readFileSync(path.join(out, `${kind}.arrow.br`))).equals(arrow), kind).toBe(true);
      expect(gunzipSync(readFileSync(path.join(out, `${kind}.arrow.gz`))).equals(arrow), kind).toBe(true);
    }
    // the bundle was built beside --out and renamed into place: no staging folder is left
    expect(readdirSync(scratch).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('describes every table and export in the manifest, with sizes and checksums that match the files', async () => {
    const manifest = readJson<Manifest>(path.join(out, 'manifest.json'));
    expect(manifest).toEqual(result.manifest);
    expect(manifest).toMatchObject({ schemaVersion: 1, createdAt: NOW.toISOString(), generator: `leadloop etl ${VERSION}` });
    expect(Object.keys(manifest.tables)).toEqual([...TABLE_KINDS]);
    for (const kind of TABLE_KINDS) {
      const table = manifest.tables[kind]!;
      const csvRows = (await readTable(SAMPLES_DIR, 'de', kind)).length;
      expect(table, kind).toMatchObject({ file: `${kind}.parquet`, rows: csvRows, sources: [`${kind}.csv`] });
      const file = path.join(out, table.file);
      expect(table.bytes).toBe(statSync(file).size);
      expect(table.sha256).toBe(sha256(file));
      const arrow = path.join(out, `${kind}.arrow`);
      expect(table.arrow).toEqual({ file: `${kind}.arrow`, bytes: statSync(arrow).size, sha256: sha256(arrow) });
      // The copy is an Arrow stream (not the file format, which duckdb-wasm does not insert) of the table's rows.
      const copy = tableFromIPC(readFileSync(arrow));
      expect(copy.numRows, kind).toBe(csvRows);
      // Repetitive texts are dictionary-encoded (etlMatchesBrowser: the engine reads the same rows and types).
      const { fields } = copy.schema;
      if (kind === 'leads') {
        expect(fields.filter((f) => DataType.isDictionary(f.type)).map((f) => f.name)).toEqual(expect.arrayContaining(['medium', 'owner', 'stage', 'country', '_source']));
        expect(fields.filter((f) => String(f.type) === 'Utf8').map((f) => f.name)).toEqual(expect.arrayContaining(['lead_id', 'email']));
      }
      expect(table.columns).toEqual([...CANONICAL[kind].map((c) => ({ name: c.name, type: c.type })), { name: '_source', type: 'VARCHAR' }, { name: '_line', type: 'INTEGER' }]);
    }
    expect(manifest.figures).toEqual({ file: 'figures.json', sha256: sha256(path.join(out, 'figures.json')) });
    expect(manifest.sources.map((s) => s.file)).toEqual(['campaigns.csv', 'deals.csv', 'leads.csv', 'targets.csv', 'touches.csv']);
    for (const source of manifest.sources) {
      const file = path.join(DE, source.file);
      expect(source, source.file).toMatchObject({ bytes: statSync(file).size, sha256: sha256(file), delimiter: ';', rowsRejected: 0 });
      // A file of ASCII only (the responses: ids and dates) is UTF-8 as much as Windows-1252.
      const ascii = readFileSync(file).every((byte) => byte < 0x80);
      expect(ascii ? ['windows-1252', 'utf-8'] : ['windows-1252'], source.file).toContain(source.encoding);
      expect(source.kind).toBe(source.file.replace('.csv', ''));
      expect(source.rowsLoaded).toBe(manifest.tables[source.kind]?.rows);
      expect(source.mapping).toMatchObject(Object.fromEntries(sampleColumns(source.kind).map((c) => [c.name, c.de[0]])));
      // The raw source is read from the medium's column.
      if (source.kind === 'leads') expect(source.mapping.source).toBe('Leadquelle');
    }
  });

  it('keeps every file’s full import report in report.json and a readable summary in report.md', () => {
    const report = readJson<RunReport>(path.join(out, 'report.json'));
    expect(report).toEqual(JSON.parse(JSON.stringify(result.report)));
    expect(report.files.map((f) => [f.fileName, f.kind, f.rowsRejected])).toEqual([
      ['campaigns.csv', 'campaigns', 0],
      ['deals.csv', 'deals', 0],
      ['leads.csv', 'leads', 0],
      ['targets.csv', 'targets', 0],
      ['touches.csv', 'touches', 0],
    ]);
    const leads = report.files.find((f) => f.kind === 'leads')!;
    expect(leads.format.decimalSeparator).toBe(',');
    expect(leads.repairs).toContainEqual(expect.objectContaining({ column: 'medium', from: 'Messe', to: 'trade_fair' }));
    expect(report.sharedKeys).toEqual([]);
    const md = readFileSync(path.join(out, 'report.md'), 'utf8');
    expect(md).toContain('## leads.csv → `leads`');
    expect(md).toContain('| rows loaded | 20,000 |');
    expect(md).toContain('| `created_at` | Erstellt am |');
    expect(md).toMatch(/\| `medium` \| Messe \| `trade_fair` \| [\d,]+ \| medium synonym \|/);
    expect(md).not.toContain('### Rejected');
  });

  it('says how good the loaded leads are, not only that no row was rejected', () => {
    const quality = result.report.quality!;
    // Counted with PapaParse over the German export: blank phones (placeholders count as blank) are the most frequent problem.
    const rows = Papa.parse<Record<string, string>>(iconv.decode(readFileSync(path.join(DE, 'leads.csv')), 'win1252'), { header: true, delimiter: ';', skipEmptyLines: true }).data;
    const blankPhones = rows.filter((r) => { const v = (r.Telefon ?? '').trim().toLowerCase(); return v === '' || PLACEHOLDERS.includes(v); }).length;
    expect(quality.leads).toBe(20_000);
    expect(quality.asOf).toBe('2026-11-27');
    expect(quality.problems[0]).toEqual({ rule: 'phone_missing', leads: blankPhones });
    expect(quality.flagged).toBeGreaterThan(quality.problems[0]!.leads);
    expect(quality.duplicateClusters).toBeGreaterThan(400);
    const md = readFileSync(path.join(out, 'report.md'), 'utf8');
    expect(md).toContain('## Data quality');
    expect(md).toContain(`| most frequent: No phone number | ${blankPhones.toLocaleString('en-US')} |`);
  });

  it('writes Parquet that parquet-wasm reads back as the same column types and the same values as the exports', async () => {
    for (const kind of TABLE_KINDS) {
      const table = readParquetTable(path.join(out, `${kind}.parquet`));
      const columns = result.manifest.tables[kind]!.columns;
      expect(table.schema.fields.map((f) => [f.name, String(f.type)]), kind).toEqual(columns.map((c) => [c.name, ARROW_TYPE_OF[c.type]]));
      // Every cell against the export text, converted here independently of the import code.
      const csv = await readTable(SAMPLES_DIR, 'de', kind);
      expect(table.numRows).toBe(csv.length);
      for (const column of sampleColumns(kind)) {
        const vector = table.getChild(column.name)!;
        const got = Array.from({ length: table.numRows }, (_, i) => vector.get(i));
        const expected = csv.map((row) => {
          const raw = (row[column.name as keyof typeof row] ?? '').trim();
          if (raw === '') return null;
          if (column.type === 'DATE') return Date.parse(`${isoFromGerman(raw)}T00:00:00Z`);
          if (column.type === 'DOUBLE' || column.type === 'INTEGER') return Number(plainFromGerman(raw));
          // What exports write for "not filled" is read as empty (the import's default placeholders).
          if (PLACEHOLDERS.includes(raw.toLowerCase())) return null;
          return canonicalCell(column.name, raw);
        });
        expect(got, `${kind}.${column.name}`).toEqual(expected);
      }
      if (kind === 'leads') {
        // The raw source keeps the export's own medium text ("Webformular", not "web"); the leads carry no currency.
        expect(Array.from({ length: table.numRows }, (_, i) => table.getChild('source')!.get(i))).toEqual(csv.map((row) => (row.medium ?? '').trim() || null));
        expect(table.getChild('currency')!.nullCount).toBe(table.numRows);
      }
      expect(table.getChild('_source')!.toArray()).toEqual(csv.map(() => `${kind}.csv`));
      expect(Array.from(table.getChild('_line')!.toArray() as Int32Array)).toEqual(csv.map((_, i) => i + 2));
    }
  });

  it('writes Parquet (zstd) that the browser’s build of parquet-wasm reads too', () => {
    for (const kind of TABLE_KINDS) {
      const file = path.join(out, `${kind}.parquet`);
      const table = readParquetTableWithBrowserBuild(file);
      expect(table.numRows, kind).toBe(result.manifest.tables[kind]?.rows);
      expect(table.schema.fields.map((f) => String(f.type))).toEqual(readParquetTable(file).schema.fields.map((f) => String(f.type)));
    }
  });

  it('writes an Arrow copy only of the tables whose stream is within the limit', async () => {
    // 100 KB: the campaigns (7 KB) and targets (3 KB) as Arrow, not the leads (2.9 MB), deals (106 KB) or touches.
    const small = path.join(scratch, 'de-small-copies');
    const { manifest } = await runEtl({ inputs: [DE], outDir: small, now: () => NOW, arrowCopyMaxBytes: 100_000 });
    const copied = TABLE_KINDS.filter((kind) => manifest.tables[kind]?.arrow);
    expect(copied).toEqual(['campaigns', 'targets']);
    for (const kind of TABLE_KINDS) {
      const copy = path.join(small, `${kind}.arrow`);
      expect(existsSync(copy), kind).toBe(copied.includes(kind));
      if (existsSync(copy)) expect(statSync(copy).size).toBeLessThanOrEqual(100_000);
    }
    // Without copies, only the Parquet files.
    const none = path.join(scratch, 'de-no-copies');
    const without = await runEtl({ inputs: [DE], outDir: none, now: () => NOW, arrowCopyMaxBytes: 0 });
    expect(TABLE_KINDS.filter((kind) => without.manifest.tables[kind]?.arrow)).toEqual([]);
    expect(readdirSync(none).filter((name) => name.includes('.arrow'))).toEqual([]);
  });

  it('decodes Windows-1252 umlauts and € the way the browser does (not like Node’s TextDecoder)', () => {
    const leads = readParquetTable(path.join(out, 'leads.parquet'));
    const companies = leads.getChild('company')!.toArray() as string[];
    const bytes = readFileSync(path.join(DE, 'leads.csv'));
    const text = iconv.decode(bytes, 'win1252');
    const firma = (Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data.slice(1) as string[][]).map((r) => r[4]);
    expect(companies.some((c) => /[äöüß]/.test(c ?? ''))).toBe(true);
    expect(companies.map((c) => c ?? '')).toEqual(firma);
  });
});

/** A German leads export made of sample lines (header + the given 1-based line range) and extra raw lines. */
function germanLeads(fromLine: number, toLine: number, extra: readonly string[] = []): Buffer {
  const lines = iconv.decode(readFileSync(path.join(DE, 'leads.csv')), 'win1252').split('\r\n');
  return iconv.encode([lines[0], ...lines.slice(fromLine - 1, toLine), ...extra, ''].join('\r\n'), 'win1252');
}
/** A German lead line (25 fields) with the given id, created date and lead score; Lead-Score is the 24th field. */
function badLead(id: string, date: string, score: string): string {
  const fields: string[] = Array.from({ length: 25 }, () => '');
  Object.assign(fields, { 0: id, 1: date, 2: 'Messe', 4: `Firma ${id}`, 15: 'Neu', 23: score });
  return fields.join(';');
}

describe('ETL on several exports of one table, rejected rows and a mapping file', () => {
  let input: string;
  let out: string;
  let result: EtlResult;
  // 230 rows without an id (rejected), one id twice (the second rejected), and a date and a score that do not convert (emptied, row kept).
  const noIds = Array.from({ length: 230 }, () => badLead('', '01.03.2025', '1'));
  beforeAll(async () => {
    input = path.join(scratch, 'months');
    out = path.join(scratch, 'months-bundle');
    mkdirSync(input);
    writeFileSync(path.join(input, 'leads-2025-01.csv'), germanLeads(2, 101));
    writeFileSync(path.join(input, 'leads-2025-02.csv'), germanLeads(95, 150, [badLead('=F1()', '31.02.2025', '=SUM(A1:A9)'), badLead('=F1()', '01.03.2025', '1'), ...noIds]));
    writeFileSync(path.join(input, 'kosten.csv'), iconv.encode('Nr;Bezeichnung;Kanal;Ausgaben\r\nC1;Frühjahrsmesse;Messe;1.234,50\r\nC2;Mailing €;Mailing;99\r\n', 'win1252'));
    const mapping = {
      'kosten.csv': { kind: 'campaigns', columns: { campaign_id: 'Nr', name: 'Bezeichnung', medium: 'Kanal', cost: 'Ausgaben' } },
      'leads-2024-12.csv': { kind: 'leads' },
    };
    writeFileSync(path.join(scratch, 'mapping.json'), JSON.stringify(mapping));
    // 231 of 288 rows rejected: only loaded when the user says so.
    await expect(runEtl({ inputs: [input], outDir: out, mappingFile: path.join(scratch, 'mapping.json'), now: () => NOW })).rejects.toThrow(
      /^leads-2025-02\.csv: 231 of 288 rows \(80 %\) would be rejected; nothing was written \(run with --allow-rejects to load it anyway\)$/,
    );
    expect(existsSync(out)).toBe(false);
    result = await runEtl({ inputs: [input], outDir: out, mappingFile: path.join(scratch, 'mapping.json'), now: () => NOW, allowRejects: true });
  });

  it('appends the exports of one table in order and reports the ids they share', () => {
    const leads = result.manifest.tables.leads!;
    expect(leads).toMatchObject({ rows: 100 + 57, sources: ['leads-2025-01.csv', 'leads-2025-02.csv'] });
    const table = readParquetTable(path.join(out, 'leads.parquet'));
    expect(table.numRows).toBe(157);
    const sources = table.getChild('_source')!.toArray() as string[];
    expect(sources.slice(0, 100).every((s) => s === 'leads-2025-01.csv') && sources.slice(100).every((s) => s === 'leads-2025-02.csv')).toBe(true);
    // sample lines 95–101 are in both months
    expect(result.report.sharedKeys).toHaveLength(7);
    expect(result.report.sharedKeys[0]).toEqual({
      kind: 'leads',
      columns: ['lead_id'],
      key: 'L0000094',
      rows: [
        { file: 'leads-2025-01.csv', line: 95 },
        { file: 'leads-2025-02.csv', line: 2 },
      ],
    });
    expect(readFileSync(path.join(out, 'report.md'), 'utf8')).toContain('| `leads` | L0000094 | leads-2025-01.csv:95, leads-2025-02.csv:2 |');
  });

  it('lists every rejected row in report.json and a formula-safe rejects CSV, and at most 200 in report.md', () => {
    const february = result.report.files.find((f) => f.fileName === 'leads-2025-02.csv')!;
    expect(february).toMatchObject({ rowsRead: 56 + 232, rowsLoaded: 57, rowsRejected: 231 });
    expect(february.rejects).toHaveLength(231);
    expect(february.rejects[0]).toEqual({ line: 59, column_name: 'lead_id', value: '=F1()', reason: 'duplicate of line 58' });
    expect(february.rejects[1]).toEqual({ line: 60, column_name: 'lead_id', value: null, reason: 'required value missing' });
    expect(february.cleared).toEqual([
      { line: 58, column_name: 'created_at', value: '31.02.2025', reason: 'not a date (expected %d.%m.%Y)' },
      { line: 58, column_name: 'lead_score', value: '=SUM(A1:A9)', reason: 'not a number' },
    ]);
    const csv = readFileSync(path.join(out, 'leads-2025-02.csv.rejects.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(231);
    expect(rows[0]).toEqual({ line: '59', column_name: 'lead_id', value: `'=F1()`, reason: 'duplicate of line 58' });
    expect(rows[1]).toMatchObject({ line: '60', column_name: 'lead_id', value: '' });
    expect(existsSync(path.join(out, 'leads-2025-01.csv.rejects.csv'))).toBe(false);
    const md = readFileSync(path.join(out, 'report.md'), 'utf8');
    const section = md.slice(md.indexOf('## leads-2025-02.csv'));
    expect(section).toContain('### Rejected (231 problems in 231 rows)');
    const rejected = section.slice(section.indexOf('### Rejected'));
    expect(rejected.match(/^\| \d+ \| `/gm)).toHaveLength(200);
    expect(section).toContain('The first 200 are listed; report.json and leads-2025-02.csv.rejects.csv have all 231.');
    expect(section).toContain('| 59 | `lead_id` | =F1() | duplicate of line 58 |');
    expect(section).toContain('### Emptied cells (2: optional values that did not convert; their rows were loaded)');
    expect(section).toContain('| 58 | `lead_score` | =SUM(A1:A9) | not a number |');
  });

  it('loads an export with unusual headers through the mapping file and names the mapping entries that matched nothing', () => {
    const campaigns = result.report.files.find((f) => f.fileName === 'kosten.csv')!;
    expect(campaigns).toMatchObject({ kind: 'campaigns', rowsLoaded: 2, mapping: { campaign_id: 'Nr', name: 'Bezeichnung', medium: 'Kanal', cost: 'Ausgaben' } });
    const table = readParquetTable(path.join(out, 'campaigns.parquet'));
    expect(table.toArray().map((r) => [r.campaign_id, r.name, r.medium, r.cost, r.start_date])).toEqual([
      ['C1', 'Frühjahrsmesse', 'trade_fair', 1234.5, null],
      ['C2', 'Mailing €', 'direct_mail', 99, null],
    ]);
    expect(result.report.unusedMappings).toEqual(['leads-2024-12.csv']);
    expect(readFileSync(path.join(out, 'report.md'), 'utf8')).toContain('Not in this export (left empty): `month`, `start_date`, `end_date`, `planned_leads`.');
  });

  it('replaces an earlier bundle as a whole and refuses a folder that is not a bundle', async () => {
    writeFileSync(path.join(out, 'stale.txt'), 'from an earlier run');
    const again = await runEtl({ inputs: [path.join(input, 'kosten.csv')], outDir: out, mappingFile: path.join(scratch, 'mapping.json'), now: () => NOW });
    expect(Object.keys(again.manifest.tables)).toEqual(['campaigns']);
    expect(readdirSync(out).sort()).toEqual(['campaigns.arrow', 'campaigns.arrow.br', 'campaigns.arrow.gz', 'campaigns.parquet', 'manifest.json', 'report.json', 'report.md']);
    await expect(runEtl({ inputs: [DE], outDir: input })).rejects.toThrow(/--out is a folder with other files in it/);
  });
});

describe('the CLI (npm run etl → tsx etl/cli.ts)', () => {
  const run = async (args: readonly string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(path.join(REPO, 'node_modules/.bin/tsx'), [path.join(REPO, 'etl/cli.ts'), ...args], { cwd: REPO });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it('exits 0 when rows were rejected, printing progress per file and the counts', async () => {
    const dir = path.join(scratch, 'cli-bad-rows');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'leads.csv'), germanLeads(2, 11, [badLead('', '01.02.2025', '1')]));
    const { code, stdout, stderr } = await run([dir, '--out', path.join(scratch, 'cli-bundle')]);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/\[1\/1\] leads\.csv → leads: 10 rows loaded, 1 rejected \(\d+\.\d s\)/);
    expect(stdout).toContain(`Bundle written to ${path.join(scratch, 'cli-bundle')}`);
    expect(stdout).toContain('1 rows rejected in 1 of 1 exports: see report.md and leads.csv.rejects.csv');
    // Each table's files: the Parquet and, small as it is, its Arrow copy.
    expect(stdout).toMatch(/leads +10 rows {2}leads\.parquet \([\d.]+ (B|KiB|MiB)\) and leads\.arrow \([\d.]+ (B|KiB|MiB)\) from leads\.csv/);
    expect(existsSync(path.join(scratch, 'cli-bundle', 'leads.csv.rejects.csv'))).toBe(true);
  });

  it('exits 1 with one line naming a file it does not recognise, and writes nothing', async () => {
    const dir = path.join(scratch, 'cli-unknown');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'leads.csv'), germanLeads(2, 5));
    writeFileSync(path.join(dir, 'notizen.txt'), 'Datum;Notiz\n01.02.2025;Anruf\n');
    const target = path.join(scratch, 'cli-unknown-bundle');
    const { code, stderr } = await run([dir, '--out', target]);
    expect(code).toBe(1);
    const message = stderr.trim().split('\n').at(-1);
    expect(message).toBe(
      'etl: notizen.txt: not recognised as leads, deals, campaigns, targets or touches: no column found for lead_id (leads, deals); medium, cost (campaigns); ' +
        'period, sales_unit, revenue_target (targets); lead_id, campaign_id, touched_at (touches), and none of its columns (Datum, Notiz) matches a lead column to use it as a lookup (or give a lookup\'s "key"); ' +
        'name its table and columns in a mapping file and run again with --mapping mapping.json, e.g. {"notizen.txt":{"kind":"leads","columns":{"lead_id":"Datum"}}} (README, "ETL")',
    );
    expect(existsSync(target)).toBe(false);
  });

  it('names the missing required columns of an export the mapping file gives a table, and how the mapping supplies them', async () => {
    const dir = path.join(scratch, 'cli-missing');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'kontakte.csv'), 'Nr;Firma\n1;Müller\n');
    const mapping = path.join(scratch, 'missing-mapping.json');
    writeFileSync(mapping, JSON.stringify({ 'kontakte.csv': { kind: 'leads' } }));
    const { code, stderr } = await run([dir, '--out', path.join(scratch, 'never'), '--mapping', mapping]);
    expect(code).toBe(1);
    const message = stderr.trim().split('\n').at(-1)!;
    expect(message).toMatch(/^etl: kontakte\.csv: no column found for lead_id \(headers: Nr, Firma\); /);
    expect(message).toContain('--mapping mapping.json, e.g. {"kontakte.csv":{"kind":"leads","columns":{"lead_id":"<its header in the file>"}}}');
    expect(message).not.toMatch(/Error:/);
  });

  it('scores by the team’s rules file and writes them into the bundle for the dashboard', async () => {
    const dir = path.join(scratch, 'cli-rules');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'leads.csv'), germanLeads(2, 11));
    const rules = path.join(scratch, 'rules.json');
    writeFileSync(rules, JSON.stringify({ deadFileDays: 14, off: ['phone_missing', 'phone_implausible'], weights: { email_missing: 3 } }));
    const { code, stderr } = await run([dir, '--out', path.join(scratch, 'cli-rules-bundle'), '--quality', rules]);
    expect(code, stderr).toBe(0);
    const manifest = readJson<{ quality?: unknown }>(path.join(scratch, 'cli-rules-bundle', 'manifest.json'));
    expect(manifest.quality).toEqual({ qd: '14', qo: 'phone_missing,phone_implausible', qw: 'email_missing:3' });
    const report = readJson<{ quality: { problems: { rule: string }[] } }>(path.join(scratch, 'cli-rules-bundle', 'report.json'));
    expect(report.quality.problems.map((p) => p.rule)).not.toContain('phone_missing');
  });

  it('exits 1 naming the rules file and what in it is wrong, and writes nothing', async () => {
    const rules = path.join(scratch, 'bad-rules.json');
    writeFileSync(rules, JSON.stringify({ off: ['phone'] }));
    const target = path.join(scratch, 'cli-bad-rules-bundle');
    const { code, stderr } = await run([DE, '--out', target, '--quality', rules]);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n').at(-1)).toMatch(new RegExp(`^etl: ${rules.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: "off" names no rule: "phone" \\(rules: `));
    expect(existsSync(target)).toBe(false);
  });

  it('exits 1 naming the mapping file when it is not valid JSON', async () => {
    const mapping = path.join(scratch, 'broken-mapping.json');
    writeFileSync(mapping, '{"leads.csv": {"kind": "leads",}}');
    const { code, stderr } = await run([DE, '--out', path.join(scratch, 'never'), '--mapping', mapping]);
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(new RegExp(`^etl: ${mapping.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON \\(.+\\)$`));
  });
});

describe('ETL with the plausible dates set in the mapping file', () => {
  it('loads a date the default range would flag when the mapping file widens the range, and flags one outside it', async () => {
    const input = path.join(scratch, 'old-leads');
    mkdirSync(input);
    writeFileSync(path.join(input, 'alt.csv'), `Lead-Nr.;Erstellt am;Leadquelle;Status\r\nA1;15.06.1985;Messe;Neu\r\nA2;01.03.1975;Messe;Neu\r\n${Array.from({ length: 8 }, (_, i) => `B${i};0${i + 1}.03.2025;Messe;Neu\r\n`).join('')}`);
    // One date of ten emptied stays under the share that stops a run.
    const mappingFile = path.join(scratch, 'range-mapping.json');
    writeFileSync(mappingFile, JSON.stringify({ 'alt.csv': { kind: 'leads', dateRange: { from: '1980-01-01', to: '2030-12-31' } } }));
    const result = await runEtl({ inputs: [input], outDir: path.join(scratch, 'old-bundle'), mappingFile, now: () => NOW });
    const file = result.report.files[0]!;
    expect(file.dateRange).toEqual({ from: '1980-01-01', to: '2030-12-31' });
    expect(file.cleared.map((c) => [c.line, c.column_name, c.value, c.reason])).toEqual([[3, 'created_at', '01.03.1975', 'outside the plausible dates 1980-01-01 … 2030-12-31']]);
    expect(file.rowsLoaded).toBe(10);
  });
});
