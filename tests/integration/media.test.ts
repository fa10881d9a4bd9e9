import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows } from '../../src/db/arrowRows';
import type { Db } from '../../src/db/types';
import { mediaFigures } from '../../src/domain/media';
import { DEFAULT_PIPELINE } from '../../src/domain/pipeline';
import { campaignFiguresSql, campaignsWithoutLeadsSql, mediaFiguresSql, mediaMonthlySql } from '../../src/sql/media';
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

  it('lists the campaigns with a cost and no leads', async () => {
    expect(toRows(await db.query(campaignsWithoutLeadsSql()))).toEqual([{ campaign_id: 'C5', name: 'Fair nobody came to', medium: 'trade_fair', cost: 400 }]);
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
