import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeCodec } from '../../etl/nodeCodec';
import { toRows } from '../../src/db/arrowRows';
import type { Db } from '../../src/db/types';
import { DEFAULT_PIPELINE } from '../../src/domain/pipeline';
import type { TableKind } from '../../src/domain/schema';
import { importCsv, type CsvImportInput, type ImportOptions } from '../../src/services/importCsv';
import { leadFigures } from '../../src/services/leadFigures';
import { importLookup } from '../../src/services/lookups';
import { funnelKpisSql } from '../../src/sql/overview';
import { trendSql } from '../../src/sql/funnel';
import { extraDimension } from '../../src/domain/leadFilter';
import { ENGINES } from './helpers/engines';

/**
 * Each mapping feature of real exports on both engines, with figures counted by hand from the few
 * rows written here: constants, flag values, placeholders, merges, an empty medium, no date, bad
 * optional cells, lookups and the currency.
 */
const bytesOf = (text: string) => new TextEncoder().encode(text);
const input = (fileName: string, text: string, rest: Partial<CsvImportInput> = {}): CsvImportInput => ({ fileName, source: { kind: 'bytes', bytes: bytesOf(text) }, head: bytesOf(text), ...rest });

describe.each(ENGINES)('mapping features on $name', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());
  const load = (fileName: string, text: string, rest: Partial<CsvImportInput> = {}, options: ImportOptions = {}) => importCsv(db, input(fileName, text, rest), nodeCodec, options);
  const rows = async (sql: string) => toRows(await db.query({ sql, params: [] }));
  const kpis = async () => toRows(await db.query(funnelKpisSql({ pipeline: DEFAULT_PIPELINE })))[0]!;
  const dropDeals = () => db.query({ sql: 'DROP TABLE IF EXISTS deals', params: [] });

  it('a constant fills a column the file lacks (a file of MQLs: stage = mql), and a deals file of wins closes its leads', async () => {
    await dropDeals();
    await load('mqls.csv', 'mql_id,first_contact_date,origin\nM1,2025-01-02,organic_search\nM2,2025-01-03,paid_search\nM3,2025-01-04,\n', {
      kind: 'leads',
      mapping: { lead_id: 'mql_id', created_at: 'first_contact_date', medium: 'origin' },
      constants: { stage: 'mql' },
    });
    const report = await load('won.csv', 'mql_id,won_date\nM2,2025-02-10 10:15:00\n', { kind: 'deals', mapping: { lead_id: 'mql_id', closed_at: 'won_date' }, constants: { outcome: 'won' } });
    expect(report.constants).toEqual({ outcome: 'won' });
    expect(await rows('SELECT lead_id, stage, medium, source, closed_at FROM lead_facts ORDER BY lead_id')).toEqual([
      { lead_id: 'M1', stage: 'mql', medium: 'web', source: 'organic_search', closed_at: null },
      { lead_id: 'M2', stage: 'won', medium: 'ad', source: 'paid_search', closed_at: Date.UTC(2025, 1, 10) },
      // An empty medium is a lead without a medium, never a rejected row.
      { lead_id: 'M3', stage: 'mql', medium: null, source: null, closed_at: null },
    ]);
    // Won without an amount anywhere: revenue unknown (NULL), never 0.
    expect(await kpis()).toMatchObject({ leads: 3, reached_4: 1, lost: 0, revenue: null, won_unpriced: 1 });
    await dropDeals();
  });

  it('maps a 0/1 flag onto stages, reads placeholders as empty and counts them, and merges spellings', async () => {
    const text = 'Prospect ID,Lead Source,Converted,Specialization\nP1,Google,1,Select\nP2,google,0,Finance\nP3,Google,0, select \nP4,,1,Finance\n';
    const report = await load('leads.csv', text, { kind: 'leads', mapping: { lead_id: 'Prospect ID', medium: 'Lead Source', stage: 'Converted' } }, { values: { stage: { 1: 'won', 0: 'lead' }, source: { google: 'Google' } } });
    expect(report.placeholders).toEqual([{ column: 'Specialization', cells: 2 }]);
    expect(report.extras).toEqual([{ header: 'Specialization', name: 'Specialization' }]);
    expect(report.repairs).toContainEqual({ column: 'source', from: 'google', to: 'Google', rows: 1, why: 'your value mapping' });
    expect(await rows('SELECT lead_id, stage, source, "Specialization" AS s FROM lead_facts ORDER BY lead_id')).toEqual([
      { lead_id: 'P1', stage: 'won', source: 'Google', s: null },
      { lead_id: 'P2', stage: 'lead', source: 'Google', s: 'Finance' },
      { lead_id: 'P3', stage: 'lead', source: 'Google', s: null },
      { lead_id: 'P4', stage: 'won', source: null, s: 'Finance' },
    ]);
    const figures = await leadFigures(db, DEFAULT_PIPELINE);
    expect(figures).toMatchObject({ leads: 4, won: 2, lost: 0, winRate: 1, leadToWon: 0.5, medianDaysToWon: null, revenue: null });
    expect(figures.by.Specialization).toEqual([
      { value: 'Finance', leads: 2, won: 1, lost: 0, revenue: null },
      { value: null, leads: 2, won: 1, lost: 0, revenue: null },
    ]);
  });

  it('a placeholder in a required column rejects the row as missing; in a date column it is empty, not a bad date', async () => {
    const report = await load('ph.csv', 'Lead ID,Created Date,Lead Source\nA1,n/a,Website\nSelect,2025-01-02,Website\nA3,2025-01-03,Website\n', { kind: 'leads' });
    expect(report).toMatchObject({ rowsRead: 3, rowsLoaded: 2, rowsRejected: 1, cleared: [] });
    expect(report.rejects).toEqual([{ line: 3, column_name: 'lead_id', value: null, reason: 'required value missing' }]);
    expect(report.placeholders).toEqual(expect.arrayContaining([{ column: 'lead_id', cells: 1 }, { column: 'created_at', cells: 1 }]));
    expect(await rows('SELECT lead_id, created_at FROM leads ORDER BY _line')).toEqual([
      { lead_id: 'A1', created_at: null },
      { lead_id: 'A3', created_at: Date.UTC(2025, 0, 3) },
    ]);
  });

  it('lists implausible leads in the report without dropping them: closed before created, won without amount', async () => {
    await dropDeals();
    const report = await load('odd.csv', 'Lead ID,Created Date,Close Date,Lead Status,Amount\nQ1,2025-03-01,2025-02-01,Closed Won,10\nQ2,2025-03-01,2025-04-01,Closed Won,\nQ3,2025-03-01,2025-04-01,Open,\n', { kind: 'leads' });
    expect(report.rowsLoaded).toBe(3);
    expect(report.plausibility).toEqual([
      { check: 'closed before created', count: 1, examples: [{ leadId: 'Q1', source: 'odd.csv', line: 2 }] },
      { check: 'won without amount', count: 1, examples: [{ leadId: 'Q2', source: 'odd.csv', line: 3 }] },
    ]);
  });

  it('loads leads without any date: the figures that need none work, the date-based ones say there is nothing', async () => {
    await load('nodate.csv', 'Lead ID,Lead Status\nN1,Closed Won\nN2,Open\n', { kind: 'leads' });
    expect(await kpis()).toMatchObject({ leads: 2, reached_4: 1 });
    expect(await rows('SELECT count(created_at)::INTEGER AS dated FROM lead_facts')).toEqual([{ dated: 0 }]);
    expect((await leadFigures(db, DEFAULT_PIPELINE)).medianDaysToWon).toBeNull();
  });

  it('empties an optional cell that does not convert and lists it, keeping the row; asks before a risky import replaces anything', async () => {
    await load('keep.csv', 'Lead ID,Lead Status\nK1,Open\n', { kind: 'leads' });
    const asked: string[] = [];
    const text = 'Lead ID,Created Date,Amount\nB1,2025-01-02,12\nB2,soon,13\nB3,2025-01-04,x\nB4,2025-01-05,14\nB5,2025-01-06,15\n';
    const confirmRisks = async (risks: readonly { kind: string }[]) => {
      asked.push(...risks.map((r) => r.kind));
      return false;
    };
    await expect(load('bad.csv', text.replace(/2025-01-0\d/g, 'later'), { kind: 'leads' }, { confirmRisks })).rejects.toThrow(/^bad\.csv: not imported, nothing was replaced: created_at: 5 of 5 cells \(100 %\)/);
    expect(asked).toEqual(['cleared']);
    expect(await rows('SELECT lead_id FROM leads')).toEqual([{ lead_id: 'K1' }]);
    const report = await load('bad.csv', text, { kind: 'leads' }, { confirmRisks });
    expect(report.rowsLoaded).toBe(5);
    expect(report.cleared.map((c) => [c.line, c.column_name, c.value])).toEqual([
      [3, 'created_at', 'soon'],
      [4, 'amount', 'x'],
    ]);
  });

  it('formats nothing as a currency it does not know: a currency chosen for the file fills the amounts’ currency', async () => {
    await dropDeals();
    await load('usd.csv', 'Lead ID,Lead Status,Amount\nU1,Closed Won,100\nU2,Closed Won,50.5\nU3,Open,7\n', { kind: 'leads', currency: 'usd' });
    expect(await kpis()).toMatchObject({ revenue: 150.5, currencies: 1, currency: 'USD' });
    await load('none.csv', 'Lead ID,Lead Status,Amount\nU1,Closed Won,100\n', { kind: 'leads' });
    expect(await kpis()).toMatchObject({ revenue: 100, currencies: 0, currency: null });
  });

  it('joins a lookup onto the leads by a lead column; its columns become dimensions, unmatched values are reported', async () => {
    await dropDeals();
    await load('opps.csv', 'opportunity_id,sales_agent,deal_stage,close_value\nO1,Ann,Won,100\nO2,Bob,Lost,0\nO3,Cy,Won,50\nO4,Ann,Engaging,\n', { kind: 'leads' as TableKind, currency: 'USD' });
    const teams = 'sales_agent,manager,regional_office\nAnn,Mo,East\nBob,Mo,East\nBob,Zed,West\nDee,Zed,West\n';
    const report = await importLookup(db, input('teams.csv', teams), nodeCodec, { leadColumn: 'owner', column: 'sales_agent' });
    expect(report).toMatchObject({ table: 'lookup_teams', rowsLoaded: 4, repeatedKeys: 1, leadValues: 3, unmatched: 1, unmatchedExamples: ['Cy'], columns: ['manager', 'regional_office'] });
    const figures = await leadFigures(db, DEFAULT_PIPELINE);
    expect(figures).toMatchObject({ leads: 4, won: 2, lost: 1, revenue: 150, winRate: 2 / 3, currency: 'USD' });
    // Bob's first row wins (East); Cy has no row.
    expect(figures.by.regional_office).toEqual([
      { value: 'East', leads: 3, won: 1, lost: 1, revenue: 100 },
      { value: null, leads: 1, won: 1, lost: 0, revenue: 50 },
    ]);
    // Leads without a date are one group per value, their month NULL (duckdb-wasm once made a garbage date per row of them).
    const trend = toRows(await db.query(trendSql({ pipeline: DEFAULT_PIPELINE, filter: [] }, extraDimension('regional_office'))));
    expect(trend.map((r) => [r.month, r.value, r.leads])).toEqual([
      [null, 'East', 3],
      [null, null, 1],
    ]);
  });
});
