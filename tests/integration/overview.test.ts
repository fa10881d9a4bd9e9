import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows } from '../../src/db/arrowRows';
import type { Db } from '../../src/db/types';
import { DEFAULT_PIPELINE } from '../../src/domain/pipeline';
import { refreshLeadFacts } from '../../src/services/leadFacts';
import { funnelKpisSql, leadsPerMonthByMediumSql } from '../../src/sql/overview';
import { cohortSql, trendSql } from '../../src/sql/funnel';
import { leadsByMonthOption } from '../../src/ui/charts/leadsByMonthOption';
import { cohortCells } from '../../src/ui/pages/funnel/cohortFigures';
import { trendLines } from '../../src/ui/pages/funnel/trendLines';
import { ENGINES, loadEnglish } from './helpers/engines';

describe.each(ENGINES)('overview SQL on $name', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
    await loadEnglish(db, {
      leads: 'tests/integration/fixtures/tiny-leads.csv',
      deals: 'tests/integration/fixtures/tiny-deals.csv',
    });
  });
  afterAll(() => db.close());

  it('loads with canonical values, types and line numbers, keeping unknown media', async () => {
    const rows = toRows(await db.query({ sql: 'SELECT lead_id, medium, stage, channel, company, amount, _line FROM leads ORDER BY lead_id', params: [] }));
    expect(rows.map((r) => r.medium)).toEqual(['telemarketing', 'trade_fair', 'web', 'web', 'Podcast', 'ad', 'direct_mail']);
    expect(rows.map((r) => r.stage)).toEqual(['won', 'lost', 'lead', 'disqualified', 'lead', 'mql', 'won']);
    expect(rows[0]).toMatchObject({ company: 'Schmidt, Meier & Partner', amount: 1000.5, channel: 'direct', _line: 2 });
    expect(rows[1]).toMatchObject({ company: '"Blaue Welle" AG', channel: 'partner' });
    expect(rows[2]?.company).toBe('Müller GmbH');
    expect(rows[6]?._line).toBe(8);
  });

  it('counts reached stages by stage, timestamps and deals, and revenue from won deals first', async () => {
    const [kpis] = toRows(await db.query(funnelKpisSql({ pipeline: DEFAULT_PIPELINE })));
    // L1 won (deal D1: 1200); L2 lost after sql, and its lost deal D2 makes it an opportunity; L5 open with an sql date;
    // L6 mql; L7 won without stamps or deal (its own amount, 500).
    expect(kpis).toEqual({ leads: 7, reached_1: 5, reached_2: 4, reached_3: 3, reached_4: 2, lost: 1, revenue: 1200 + 500, won_unpriced: 0, currencies: 1, currency: 'EUR' });
  });

  it('a won lead takes its deal’s amount and currency; without deals, revenue is the won leads’ own amount', async () => {
    const won = toRows(await db.query({ sql: "SELECT lead_id, amount, currency FROM lead_facts WHERE stage = 'won' ORDER BY lead_id", params: [] }));
    expect(won).toEqual([
      { lead_id: 'L1', amount: 1200, currency: 'EUR' },
      { lead_id: 'L7', amount: 500, currency: null },
    ]);
    await db.dropTable('deals');
    await refreshLeadFacts(db);
    try {
      const [kpis] = toRows(await db.query(funnelKpisSql({ pipeline: DEFAULT_PIPELINE })));
      expect(kpis).toMatchObject({ reached_3: 2, revenue: 1000.5 + 500, currencies: 0, currency: null });
    } finally {
      await loadEnglish(db, { deals: 'tests/integration/fixtures/tiny-deals.csv' });
    }
  });

  it('groups leads per month and medium', async () => {
    const rows = toRows(await db.query(leadsPerMonthByMediumSql(DEFAULT_PIPELINE)));
    expect(rows).toContainEqual({ month: '2025-02', medium: 'web', leads: 2 });
    expect(rows.reduce((s, r) => s + Number(r.leads), 0)).toBe(7);
  });

  it('applies the shared filters to the KPIs and the chart', async () => {
    const filter = [{ kind: 'values', dimension: 'medium', values: ['web'] }] as const;
    const [kpis] = toRows(await db.query(funnelKpisSql({ pipeline: DEFAULT_PIPELINE, filter })));
    const months = toRows(await db.query(leadsPerMonthByMediumSql(DEFAULT_PIPELINE, filter)));
    expect(kpis?.leads).toBe(months.reduce((s, r) => s + Number(r.leads), 0));
    expect(months.every((r) => r.medium === 'web')).toBe(true);
    expect(Number(kpis?.leads)).toBeGreaterThan(0);
    expect(Number(kpis?.leads)).toBeLessThan(7);
  });

  it('shows a month without leads as 0 on the Overview chart and keeps it on the trend and the cohorts', async () => {
    // Telemarketing (L1, January) and direct mail (L7, March): nothing in February 2025.
    const filter = [{ kind: 'values', dimension: 'medium', values: ['telemarketing', 'direct_mail'] }] as const;
    const rows = toRows(await db.query(leadsPerMonthByMediumSql(DEFAULT_PIPELINE, filter)));
    expect(rows.map((r) => r.month)).toEqual(['2025-01', '2025-03']);
    const option = leadsByMonthOption(
      rows.map((r) => ({ month: String(r.month), medium: String(r.medium), leads: Number(r.leads) })),
      { month: (m) => m, medium: (m) => m, count: String },
    ) as { xAxis: { data: string[] }; series: { name: string; data: number[] }[] };
    expect(option.xAxis.data).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(Object.fromEntries(option.series.map((s) => [s.name, s.data]))).toEqual({ telemarketing: [1, 0, 0], direct_mail: [0, 0, 1] });

    // A threshold of one lead: the fixture's months have one lead each.
    const trend = trendLines(toRows(await db.query(trendSql({ pipeline: DEFAULT_PIPELINE, filter }, 'medium'))), DEFAULT_PIPELINE, 4, 1);
    expect(trend.months).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(trend.lines.map((l) => l.rates)).toEqual([
      [1, null, null],
      [null, null, 1],
    ]);
    expect(trend.lines.map((l) => l.counts)).toEqual([
      [1, 0, 0],
      [0, 0, 1],
    ]);
    const cohorts = cohortCells(toRows(await db.query(cohortSql({ pipeline: DEFAULT_PIPELINE, filter }))), DEFAULT_PIPELINE);
    expect(cohorts.months).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(cohorts.cells.filter((c) => c.month === '2025-02').every((c) => c.leads === 0)).toBe(true);
  });
});
