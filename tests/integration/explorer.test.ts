import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeCodec, nodeInput } from '../../etl/nodeCodec';
import { toRows, type Row } from '../../src/db/arrowRows';
import type { Db } from '../../src/db/types';
import type { LeadFilter } from '../../src/domain/leadFilter';
import { DEFAULT_PIPELINE } from '../../src/domain/pipeline';
import { importCsv } from '../../src/services/importCsv';
import { explorerCountSql, explorerPageSql, type ExplorerSort } from '../../src/sql/explorer';
import { exportLeads } from '../../src/ui/export/exportLeads';
import { csvSink } from '../../src/ui/export/leadsCsv';
import { ENGINES } from './helpers/engines';

/**
 * Leads with many ties (few media, few amounts, blanks) and names with quotes, so a sort that is not
 * total or a filter value pasted into SQL would show up as a missing, repeated or wrong row.
 */
const MEDIA = ['Website', 'Trade Show', 'Telemarketing'];
const OWNERS = ["D'Angelo", 'Anna "Nanni" Roth', 'Ben', ''];
/** 'Nurture' is a stage no pipeline knows: it is kept as exported and must sort after every known stage. */
const STAGES = ['Open', 'MQL', 'SQL', 'Opportunity', 'Closed Won', 'Closed Lost', 'Nurture'];
const ROWS = 233;
/** Rows i with STAGES[i % 7] = 'Nurture': i = 6, 13, … 230, that is (230 − 6) / 7 + 1. */
const UNKNOWN_STAGE_ROWS = 33;

function writeLeads(): string {
  const data = Array.from({ length: ROWS }, (_, i) => ({
    'Lead ID': `X${String((i * 37) % ROWS).padStart(4, '0')}`,
    'Created Date': `2025-0${1 + (i % 9)}-1${i % 10}`,
    'Lead Source': MEDIA[i % MEDIA.length],
    Company: i % 5 === 0 ? `O'Brien "${i % 4}" & Co` : `Firma ${i % 7}`,
    'Lead Owner': OWNERS[i % OWNERS.length],
    'Lead Status': STAGES[i % STAGES.length],
    'SQL Date': i % 11 === 0 ? '2025-10-01' : '',
    Amount: i % 3 === 0 ? '' : String((i % 4) * 250.5),
  }));
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'leadloop-explorer-')), 'leads.csv');
  writeFileSync(file, Papa.unparse(data));
  return file;
}

/** -1, 0, 1 as SQL would order the two values (blanks last in either direction). */
function compareCells(a: Row[string], b: Row[string], desc: boolean): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const order = a < b ? -1 : 1;
  return desc ? -order : order;
}

describe.each(ENGINES)('explorer SQL on $name', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
    await importCsv(db, nodeInput(writeLeads(), 'leads'), nodeCodec);
  });
  afterAll(() => db.close());

  const all = async (filter: LeadFilter, sort: readonly ExplorerSort[], columns: readonly string[], pageSize: number) => {
    const [{ n } = { n: 0 }] = toRows(await db.query(explorerCountSql({ filter, pipeline: DEFAULT_PIPELINE })));
    const rows: Row[] = [];
    for (let offset = 0; ; offset += pageSize) {
      const page = toRows(await db.query(explorerPageSql({ filter, pipeline: DEFAULT_PIPELINE, columns, sort, limit: pageSize, offset })));
      rows.push(...page);
      if (page.length < pageSize) break;
    }
    return { count: Number(n), rows };
  };

  it('pages through every lead exactly once, in the order asked for, ties broken by lead_id', async () => {
    const sort: ExplorerSort[] = [
      { column: 'medium', desc: false },
      { column: 'amount', desc: true },
    ];
    const { count, rows } = await all([], sort, ['lead_id', 'medium', 'amount'], 10);
    expect(count).toBe(ROWS);
    expect(rows).toHaveLength(ROWS);
    expect(new Set(rows.map((r) => r.lead_id)).size).toBe(ROWS);
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      const order =
        compareCells(a.medium ?? null, b.medium ?? null, false) || compareCells(a.amount ?? null, b.amount ?? null, true) || compareCells(a.lead_id ?? null, b.lead_id ?? null, false);
      expect(order, `rows ${i - 1} and ${i}`).toBe(-1);
    }
    // Blank amounts come last within a medium, in both directions.
    const web = rows.filter((r) => r.medium === 'web');
    expect(web.at(-1)?.amount).toBeNull();
  });

  it('sorts stages in the pipeline order, both ways, unknown stages last, and exports in that order', async () => {
    const rank = (stage: Row[string] | undefined) => {
      const i = [...DEFAULT_PIPELINE.stages, ...DEFAULT_PIPELINE.terminal].indexOf(String(stage));
      return i < 0 ? Number.POSITIVE_INFINITY : i;
    };
    for (const desc of [false, true]) {
      const sort: ExplorerSort[] = [{ column: 'stage', desc }];
      const { count, rows } = await all([], sort, ['lead_id', 'stage'], 17);
      expect(rows).toHaveLength(count);
      const known = rows.map((r) => rank(r.stage)).filter(Number.isFinite);
      expect(new Set(known).size, 'the fixture has several known stages').toBeGreaterThan(3);
      expect(known).toEqual([...known].sort((a, b) => (desc ? b - a : a - b)));
      // The unknown stage's leads, all of them, after every known one, in either direction.
      const unknown = rows.slice(count - UNKNOWN_STAGE_ROWS);
      expect(unknown.map((r) => r.stage)).toEqual(Array(UNKNOWN_STAGE_ROWS).fill('Nurture'));
      expect(rows.slice(0, count - UNKNOWN_STAGE_ROWS).every((r) => Number.isFinite(rank(r.stage)))).toBe(true);
      const file = await exportLeads(db, { filter: [], pipeline: DEFAULT_PIPELINE, columns: ['lead_id'], sort }, csvSink(['lead_id']), { chunkRows: 40, sliceRows: 15 });
      const exported = Papa.parse<Record<string, string>>(await file.text(), { header: true, skipEmptyLines: true }).data;
      expect(exported.map((r) => r['Lead ID'])).toEqual(rows.map((r) => r.lead_id));
    }
  });

  it('counts and lists the same leads under a filter on values with quotes, blanks and a reached stage', async () => {
    const filter: LeadFilter = [
      { kind: 'values', dimension: 'owner', values: ["D'Angelo", 'Anna "Nanni" Roth', null] },
      { kind: 'reached', stage: 'sql' },
    ];
    const { count, rows } = await all(filter, [{ column: 'company', desc: true }], ['lead_id', 'owner', 'stage', 'sql_at', 'company', '_source', '_line'], 7);
    const expected = toRows(
      await db.query({
        sql: "SELECT lead_id FROM leads WHERE (owner IN ('D''Angelo', 'Anna \"Nanni\" Roth') OR owner IS NULL) AND (stage IN ('sql', 'opportunity', 'won') OR sql_at IS NOT NULL)",
        params: [],
      }),
    ).map((r) => r.lead_id);
    expect(expected.length).toBeGreaterThan(10);
    expect(count).toBe(expected.length);
    expect(rows.map((r) => r.lead_id).sort()).toEqual([...expected].sort());
    expect(rows.some((r) => r.owner === "D'Angelo")).toBe(true);
    expect(rows.some((r) => r.owner === null)).toBe(true);
    expect(rows.every((r) => typeof r._line === 'number' && r._source === 'leads.csv')).toBe(true);
  });

  const exportTables = async () =>
    toRows(await db.query({ sql: "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'explorer_export_%'", params: [] })).length;

  it('exports every listed lead once, in the listed order, across chunks and slices, and cleans up', async () => {
    const filter: LeadFilter = [{ kind: 'values', dimension: 'owner', values: ["D'Angelo", 'Ben'] }];
    const sort: ExplorerSort[] = [{ column: 'amount', desc: true }];
    const columns = ['lead_id', 'created_at', 'owner', 'company', 'amount'];
    const { count, rows } = await all(filter, sort, columns, 1000);
    const progress: number[] = [];
    const file = await exportLeads(db, { filter, pipeline: DEFAULT_PIPELINE, columns, sort }, csvSink(columns), { chunkRows: 40, sliceRows: 15, onProgress: (n) => progress.push(n) });
    const parsed = Papa.parse<Record<string, string>>(await file.text(), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(['Lead ID', 'Created Date', 'Lead Owner', 'Company', 'Amount']);
    expect(parsed.data.map((r) => r['Lead ID'])).toEqual(rows.map((r) => r.lead_id));
    expect(parsed.data).toHaveLength(count);
    expect(progress.at(-1)).toBe(count);
    expect(progress.length).toBeGreaterThan(3);
    // Quotes survive the round trip; names starting like a formula would be neutralised, these are not.
    expect(parsed.data.some((r) => r.Company?.startsWith('O\'Brien "'))).toBe(true);
    expect(await exportTables()).toBe(0);
  });

  it('drops its copy of the rows when the export is cancelled', async () => {
    const controller = new AbortController();
    const exported = exportLeads(db, { filter: [], pipeline: DEFAULT_PIPELINE, columns: ['lead_id'], sort: [] }, csvSink(['lead_id']), {
      chunkRows: 20,
      sliceRows: 10,
      signal: controller.signal,
      onProgress: (n) => n >= 30 && controller.abort(),
    });
    await expect(exported).rejects.toThrow();
    expect(await exportTables()).toBe(0);
  });

  it('refuses columns that are not lead columns', () => {
    expect(() => explorerPageSql({ filter: [], pipeline: DEFAULT_PIPELINE, columns: ['lead_id', 'x"; DROP TABLE leads; --'], sort: [], limit: 10, offset: 0 })).toThrow(/Unknown lead column/);
    expect(() => explorerPageSql({ filter: [], pipeline: DEFAULT_PIPELINE, columns: ['lead_id'], sort: [{ column: 'deal_id', desc: false }], limit: 10, offset: 0 })).toThrow(/Unknown lead column/);
  });
});
