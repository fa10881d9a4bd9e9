import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows } from '../../src/db/arrowRows';
import type { Db } from '../../src/db/types';
import { mediaFigures } from '../../src/domain/media';
import { DEFAULT_PIPELINE } from '../../src/domain/pipeline';
import { COST_ALLOCATIONS, type CostAllocation } from '../../src/domain/media';
import { COST_MAKEUP_SQL, costsWithoutLeadsSql } from '../../src/sql/costShares';
import { campaignFiguresSql, mediaFiguresSql, mediaMonthlySql } from '../../src/sql/media';

const sql = (text: string) => ({ sql: text, params: [] });
import { ENGINES, loadEnglish } from './helpers/engines';

/**
 * The Media & campaigns figures on a hand-made fixture, every expected value worked out by hand:
 *
 * telemarketing: A1, A2 won (1,000 + 3,000; 10 and 20 days), A3 open, A4 at SQL. C1 (900) is shared
 *   by its 3 leads (300 each), C2 (300) by its one: cost 1,200 over 4 leads, 3 SQLs, 2 won.
 * web: B1 open, B2 won (500, 29 days), B3 without a campaign. C3 (100) shared by B1 and B2: 100.
 * Podcast (not a guideline medium, kept as its own): P1 won (200, 4 days), no campaign: cost unknown.
 * event: E1 open, campaign C4 with a cost of 0: CPL 0, no ROMI or ROI (nothing to divide by).
 * C5 (trade fair, 400) has no leads; C6 has no cost (unknown, so not listed).
 */
describe.each(ENGINES)('media figures on $name', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
    await loadEnglish(db, { leads: 'tests/integration/fixtures/media-leads.csv', campaigns: 'tests/integration/fixtures/media-campaigns.csv' });
  });
  afterAll(() => db.close());

  const figuresBy = async (options: Partial<Parameters<typeof mediaFiguresSql>[0]> = {}, margin = 1) => {
    const rows = toRows(await db.query(mediaFiguresSql({ pipeline: DEFAULT_PIPELINE, groupBy: 'medium', campaigns: true, ...options })));
    return new Map(rows.map((row) => [row.value as string, mediaFigures(row, DEFAULT_PIPELINE, margin)]));
  };

  it('gives each medium its funnel, revenue, share of campaign cost and return', async () => {
    const media = await figuresBy();
    expect([...media.keys()].sort()).toEqual(['Podcast', 'event', 'telemarketing', 'web']);
    const tm = media.get('telemarketing')!;
    expect(tm.reached.map((r) => r.count)).toEqual([3, 3, 2, 2]);
    expect(tm).toMatchObject({ leads: 4, won: 2, revenue: 4000, cost: 1200, costedLeads: 4, costPerLead: 300, costPerSql: 400, costPerWon: 600, medianDaysToWon: 15 });
    expect(tm.romi).toBeCloseTo(4000 / 1200, 12);
    expect(tm.roi).toBeCloseTo((4000 - 1200) / 1200, 12);
    const web = media.get('web')!;
    expect(web).toMatchObject({ leads: 3, won: 1, revenue: 500, cost: 100, costedLeads: 2, costPerSql: 100, costPerWon: 100, romi: 5, roi: 4, medianDaysToWon: 29 });
    expect(web.costPerLead).toBeCloseTo(100 / 3, 12);
  });

  it('keeps an unknown medium as its own, with its cost unknown rather than 0', async () => {
    const podcast = (await figuresBy()).get('Podcast')!;
    expect(podcast).toMatchObject({ leads: 1, won: 1, revenue: 200, cost: null, costedLeads: 0, costPerLead: null, costPerWon: null, romi: null, roi: null, medianDaysToWon: 4 });
  });

  it('a cost of 0 gives a CPL of 0 and no ROMI or ROI; no SQL or win gives no cost per SQL or per won deal', async () => {
    const event = (await figuresBy()).get('event')!;
    expect(event).toMatchObject({ leads: 1, won: 0, revenue: 0, cost: 0, costPerLead: 0, costPerSql: null, costPerWon: null, romi: null, roi: null, medianDaysToWon: null });
  });

  it('takes the margin into the ROI only', async () => {
    const tm = (await figuresBy({}, 0.5)).get('telemarketing')!;
    expect(tm.roi).toBeCloseTo((4000 * 0.5 - 1200) / 1200, 12);
    expect(tm.romi).toBeCloseTo(4000 / 1200, 12);
  });

  it('under a filter keeps the share of each campaign’s cost its filtered leads carry', async () => {
    const media = await figuresBy({ filter: [{ kind: 'reached', stage: 'won' }] });
    // A1 and A2 carry 300 of C1 each; B2 50 of C3; P1 none.
    expect(media.get('telemarketing')).toMatchObject({ leads: 2, cost: 600, costPerLead: 300 });
    expect(media.get('web')).toMatchObject({ leads: 1, cost: 50 });
    expect(media.get('Podcast')?.cost).toBeNull();
  });

  it('groups by the source as exported, with the same costs', async () => {
    const rows = toRows(await db.query(mediaFiguresSql({ pipeline: DEFAULT_PIPELINE, groupBy: 'source', campaigns: true })));
    const bySource = new Map(rows.map((row) => [row.value as string, mediaFigures(row, DEFAULT_PIPELINE)]));
    expect(bySource.get('Website')).toMatchObject({ leads: 3, cost: 100 });
    expect(bySource.get('Telemarketing')).toMatchObject({ leads: 4, cost: 1200 });
  });

  it('without a campaigns table every cost is unknown', async () => {
    const rows = toRows(await db.query(mediaFiguresSql({ pipeline: DEFAULT_PIPELINE, groupBy: 'medium', campaigns: false })));
    expect(rows.every((row) => row.cost === null && Number(row.costed_leads) === 0)).toBe(true);
  });

  it('gives each created month its leads, the revenue of the leads created then, and their cost shares', async () => {
    const rows = toRows(await db.query(mediaMonthlySql({ pipeline: DEFAULT_PIPELINE, campaigns: true })));
    // January: A1–A4 (won 1,000 + 3,000; C1 900 + C2 300). February: B1–B3 (won 500; C3 100). March: P1 (won 200, no cost), E1 (C4: 0).
    expect(rows).toEqual([
      { month: '2025-01', leads: 4, revenue: 4000, cost: 1200 },
      { month: '2025-02', leads: 3, revenue: 500, cost: 100 },
      { month: '2025-03', leads: 2, revenue: 200, cost: 0 },
    ]);
  });

  it('lists the campaigns with a cost and no leads, by either allocation', async () => {
    const c5 = { campaign_id: 'C5', name: 'Fair nobody came to', medium: 'trade_fair', first_day: '2025-04-01', last_day: '2025-04-03', cost: 400 };
    expect(toRows(await db.query(sql(costsWithoutLeadsSql('leads'))))).toEqual([{ ...c5, month: null }]);
    expect(toRows(await db.query(sql(costsWithoutLeadsSql('days'))))).toEqual([{ ...c5, month: '2025-04' }]);
  });
});

/**
 * Costs per medium and month (no campaign id) on the same leads, by hand:
 * 2025-01 telemarketing 800 → A1–A4 (January), 200 each. 02.2025 web 300 → B1–B3 (February), 100 each.
 * 2025-03 trade fair 500 → no trade-fair lead: without leads. Podcast 450 over 2025-02-15 … 03-31
 * (14 + 31 = 45 days): by lead count all to P1 (March); by days 140 to February (no Podcast lead
 * then: without leads) and 310 to March, to P1. The event lead E1 has no cost: unknown. A web cost
 * of 70 from 2025-02-01 without an end pays for no lead (not for all time): listed without leads.
 */
describe.each(ENGINES)('costs per medium and month on $name', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
    await loadEnglish(db, { leads: 'tests/integration/fixtures/media-leads.csv', campaigns: 'tests/integration/fixtures/media-costs-by-medium.csv' });
  });
  afterAll(() => db.close());

  const figures = async (allocation: CostAllocation) =>
    new Map(toRows(await db.query(mediaFiguresSql({ pipeline: DEFAULT_PIPELINE, groupBy: 'medium', campaigns: true, allocation }))).map((row) => [row.value as string, mediaFigures(row, DEFAULT_PIPELINE)]));

  it('shares a medium’s cost of a month among its leads of that month', async () => {
    for (const allocation of COST_ALLOCATIONS) {
      const media = await figures(allocation);
      expect(media.get('telemarketing')).toMatchObject({ leads: 4, cost: 800, costedLeads: 4, costPerLead: 200, costPerWon: 400, romi: 5 });
      expect(media.get('web')).toMatchObject({ leads: 3, cost: 300, costedLeads: 3, costPerLead: 100, costPerWon: 300 });
      expect(media.get('event')).toMatchObject({ cost: null, costPerLead: null });
    }
  });

  it('allocates a cost over several months by lead count or by days', async () => {
    expect((await figures('leads')).get('Podcast')).toMatchObject({ leads: 1, cost: 450, costPerLead: 450, romi: 200 / 450 });
    expect((await figures('days')).get('Podcast')).toMatchObject({ leads: 1, cost: 310, costPerLead: 310 });
    const monthly = async (allocation: CostAllocation) => toRows(await db.query(mediaMonthlySql({ pipeline: DEFAULT_PIPELINE, campaigns: true, allocation }))).map((r) => [r.month, r.cost]);
    expect(await monthly('leads')).toEqual([['2025-01', 800], ['2025-02', 300], ['2025-03', 450]]);
    expect(await monthly('days')).toEqual([['2025-01', 800], ['2025-02', 300], ['2025-03', 310]]);
  });

  it('lists the costs no lead received, with their month', async () => {
    const fair = { campaign_id: null, name: null, medium: 'trade_fair', month: null, first_day: '2025-03-01', last_day: '2025-03-31', cost: 500 };
    const open = { campaign_id: null, name: null, medium: 'web', month: null, first_day: '2025-02-01', last_day: null, cost: 70 };
    expect(toRows(await db.query(sql(costsWithoutLeadsSql('leads'))))).toEqual([fair, open]);
    expect(toRows(await db.query(sql(costsWithoutLeadsSql('days'))))).toEqual([
      { ...fair, month: '2025-03' },
      { campaign_id: null, name: null, medium: 'Podcast', month: '2025-02', first_day: '2025-02-15', last_day: '2025-03-31', cost: 140 },
      open,
    ]);
  });

  it('says what the costs are made of', async () => {
    expect(toRows(await db.query(sql(COST_MAKEUP_SQL)))).toEqual([{ costs: 5, medium_costs: 5, spanning: 1, undated: 0, unusable: 1, total: 2120 }]);
  });
});

/**
 * A campaign over several months, by hand: C1 (410) runs 2024-12-22 … 2025-01-31, 10 + 31 = 41
 * days; its leads A1–A3 came in January. By lead count 410 / 3 each; by days December's 100 goes to
 * no lead and January's 310 / 3 to each. C3 (590) runs February and March (28 + 31 = 59 days); its
 * leads B1, B2 came in February: by lead count 295 each, by days February's 280 / 2 and March's 310 to no lead.
 * A campaign's cost per month (C1: 600 in January, 300 in February) is its cost by lead count, its
 * months' by days.
 */
describe.each(ENGINES)('campaigns over several months on $name', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
    await loadEnglish(db, { leads: 'tests/integration/fixtures/media-leads.csv', campaigns: 'tests/integration/fixtures/media-campaigns-spanning.csv' });
  });
  afterAll(() => db.close());

  const campaignCosts = async (allocation: CostAllocation) =>
    Object.fromEntries(toRows(await db.query(campaignFiguresSql({ pipeline: DEFAULT_PIPELINE, campaigns: true, allocation }))).map((r) => [String(r.value), r.cost]));

  it('shares a campaign’s cost among all its leads by lead count', async () => {
    const costs = await campaignCosts('leads');
    expect(costs.C1).toBeCloseTo(410, 9);
    expect(costs.C3).toBeCloseTo(590, 9);
    expect(toRows(await db.query(sql(costsWithoutLeadsSql('leads'))))).toEqual([]);
  });

  it('splits it by days over its months, a month without its leads listed as such', async () => {
    const costs = await campaignCosts('days');
    expect(costs.C1).toBeCloseTo(310, 9);
    expect(costs.C3).toBeCloseTo(280, 9);
    const without = toRows(await db.query(sql(costsWithoutLeadsSql('days'))));
    expect(without.map((r) => [r.campaign_id, r.name, r.month, Math.round(Number(r.cost) * 1e6) / 1e6])).toEqual([
      ['C3', 'Landing page', '2025-03', 310],
      ['C1', 'Call blitz', '2024-12', 100],
    ]);
  });

  it('takes a campaign’s cost per month, its id repeated', async () => {
    const other = await open();
    try {
      await loadEnglish(other, { leads: 'tests/integration/fixtures/media-leads.csv', campaigns: 'tests/integration/fixtures/media-campaigns-by-month.csv' });
      const by = async (allocation: CostAllocation) =>
        toRows(await other.query(campaignFiguresSql({ pipeline: DEFAULT_PIPELINE, campaigns: true, allocation }))).find((r) => r.value === 'C1')!;
      expect(await by('leads')).toMatchObject({ leads: 3, cost: 900, costed_leads: 3 });
      expect(await by('days')).toMatchObject({ leads: 3, cost: 600, costed_leads: 3 });
      expect(toRows(await other.query(sql(costsWithoutLeadsSql('days'))))).toEqual([
        { campaign_id: 'C1', name: null, medium: 'telemarketing', month: '2025-02', first_day: '2025-02-01', last_day: '2025-02-28', cost: 300 },
      ]);
    } finally {
      await other.close();
    }
  });
});

describe.each(ENGINES)('campaign figures on $name', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
    await loadEnglish(db, { leads: 'tests/integration/fixtures/media-leads.csv', campaigns: 'tests/integration/fixtures/media-campaigns.csv' });
  });
  afterAll(() => db.close());

  it('gives each campaign its name, medium, leads, won, revenue, cost and return; leads without a campaign apart', async () => {
    const rows = toRows(await db.query(campaignFiguresSql({ pipeline: DEFAULT_PIPELINE, campaigns: true })));
    const by = new Map(rows.map((row) => [row.value as string | null, { row, figures: mediaFigures(row, DEFAULT_PIPELINE) }]));
    expect([...by.keys()].sort()).toEqual(['C1', 'C2', 'C3', 'C4', null].sort());
    expect(by.get('C1')!.row).toMatchObject({ name: 'Call blitz', campaign_medium: 'telemarketing', listed: true });
    expect(by.get('C1')!.figures).toMatchObject({ leads: 3, won: 2, revenue: 4000, cost: 900, costPerLead: 300, costPerWon: 450, medianDaysToWon: 15 });
    expect(by.get('C1')!.figures.roi).toBeCloseTo((4000 - 900) / 900, 12);
    expect(by.get('C3')!.figures).toMatchObject({ leads: 2, won: 1, revenue: 500, cost: 100, costPerLead: 50, roi: 4 });
    // B3 and P1 name no campaign: no cost, the medium most of them have (one web, one Podcast: either).
    expect(by.get(null)!.figures).toMatchObject({ leads: 2, won: 1, revenue: 200, cost: null });
    expect(by.get(null)!.row.listed).toBe(false);
  });

  it('without a campaigns table keeps the ids, without names or costs', async () => {
    const rows = toRows(await db.query(campaignFiguresSql({ pipeline: DEFAULT_PIPELINE, campaigns: false })));
    const c1 = rows.find((r) => r.value === 'C1')!;
    expect(c1).toMatchObject({ name: null, campaign_medium: 'telemarketing', listed: false, cost: null, leads: 3 });
  });
});

/** Data stored or published before campaigns had a month: an export's own "Month" was kept as text, an extra column. */
describe.each(ENGINES)('a campaigns table from before the month column on $name', ({ open }) => {
  it('keeps the export’s "Month" as "Month (export)" and adds the month empty, so the costs still read', async () => {
    const db = await open();
    try {
      await db.query({
        sql:
          'CREATE TABLE campaigns (campaign_id VARCHAR, name VARCHAR, medium VARCHAR, start_date DATE, end_date DATE, cost DOUBLE, planned_leads INTEGER, "Month" VARCHAR, _source VARCHAR, _line INTEGER);' +
          " INSERT INTO campaigns VALUES ('C1', 'Call blitz', 'telemarketing', DATE '2025-01-01', DATE '2025-01-31', 900, 3, 'Januar', 'old.csv', 2)",
        params: [],
      });
      await loadEnglish(db, { leads: 'tests/integration/fixtures/media-leads.csv' });
      const columns = toRows(await db.query({ sql: "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'campaigns' AND column_name ILIKE 'month%' ORDER BY column_name", params: [] }));
      expect(columns).toEqual([
        { column_name: 'Month (export)', data_type: 'VARCHAR' },
        { column_name: 'month', data_type: 'DATE' },
      ]);
      expect(toRows(await db.query({ sql: 'SELECT "Month (export)" AS m FROM campaigns', params: [] }))).toEqual([{ m: 'Januar' }]);
      const tm = toRows(await db.query(mediaFiguresSql({ pipeline: DEFAULT_PIPELINE, groupBy: 'medium', campaigns: true }))).find((r) => r.value === 'telemarketing');
      expect(tm).toMatchObject({ cost: 900, costed_leads: 3 });
    } finally {
      await db.close();
    }
  });
});
