import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows } from '../../src/db/arrowRows';
import type { Db } from '../../src/db/types';
import { COST_ALLOCATIONS } from '../../src/domain/media';
import { attributionRowsFromCube, mediaCubeCovers, mediaRowsFromCube, monthlyRowsFromCube, type MediaCube } from '../../src/domain/mediaCube';
import type { LeadFilter } from '../../src/domain/leadFilter';
import { DEFAULT_PIPELINE } from '../../src/domain/pipeline';
import { buildMediaCube } from '../../src/services/mediaCube';
import { attributionSql } from '../../src/sql/attribution';
import { campaignFiguresSql, mediaFiguresSql, mediaMonthlySql } from '../../src/sql/media';
import { ENGINES, loadEnglish } from './helpers/engines';

/**
 * Consistency: the Media page's figures from the in-memory cells equal its SQL builders on the raw
 * leads, row for row, for filters on every cell dimension, months, stages and their combinations.
 * (The SQL builders are checked against hand-computed figures in media.test.ts and attribution.test.ts,
 * and the page, which answers from the cells, against PapaParse in tests/e2e/media.test.ts.)
 */
const DATA = {
  sample: { leads: 'data-samples/en/leads.csv', deals: 'data-samples/en/deals.csv', campaigns: 'data-samples/en/campaigns.csv', touches: 'data-samples/en/touches.csv' },
  'costs per medium and month': { leads: 'tests/integration/fixtures/media-leads.csv', campaigns: 'tests/integration/fixtures/media-costs-by-medium.csv' },
  'touch journeys': { leads: 'tests/integration/fixtures/attribution-leads.csv', touches: 'tests/integration/fixtures/attribution-touches.csv' },
} as const;

/** Rows equal in order and keys; numbers to 9 significant digits (sums in another order differ in the last bits). */
function expectSameRows(actual: readonly Record<string, unknown>[], expected: readonly Record<string, unknown>[], what: string) {
  expect(actual.map((r) => Object.keys(r).sort()), what).toEqual(expected.map((r) => Object.keys(r).sort()));
  expected.forEach((row, i) => {
    for (const [key, value] of Object.entries(row)) {
      const got = actual[i]![key];
      if (typeof value === 'number' && typeof got === 'number') expect(got, `${what} row ${i} ${key}`).toBeCloseTo(value, Math.max(0, 9 - Math.ceil(Math.log10(Math.abs(value) + 1))));
      else expect(got, `${what} row ${i} ${key}`).toEqual(value);
    }
  });
}

describe.each(ENGINES)('media cells on $name', ({ open }) => {
  describe.each(Object.entries(DATA))('%s', (_, files) => {
    let db: Db;
    let cube: MediaCube;
    const campaigns = 'campaigns' in files;
    const touches = 'touches' in files;
    let filters: LeadFilter[] = [];
    beforeAll(async () => {
      db = await open();
      await loadEnglish(db, files);
      cube = await buildMediaCube(db, DEFAULT_PIPELINE, { campaigns, touches });
      const first = async (column: string) => toRows(await db.query({ sql: `SELECT ${column} AS v, count(*) AS n FROM lead_facts GROUP BY 1 ORDER BY n DESC, v NULLS LAST LIMIT 1`, params: [] }))[0]?.v ?? null;
      const month = String(await first("strftime(created_at, '%Y-%m')"));
      const [y, m] = month.split('-').map(Number) as [number, number];
      const lastDay = new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10);
      filters = [
        [],
        [{ kind: 'values', dimension: 'medium', values: [(await first('medium')) as string] }],
        [{ kind: 'values', dimension: 'campaign_id', values: [(await first('campaign_id')) as string | null, null] }],
        [{ kind: 'values', dimension: 'source', values: [(await first('source')) as string | null] }],
        [{ kind: 'values', dimension: 'owner', values: [(await first('owner')) as string | null] }, { kind: 'values', dimension: 'channel', values: [(await first('channel')) as string | null] }],
        [{ kind: 'created', range: { from: `${month}-01`, to: lastDay } }],
        [{ kind: 'reached', stage: 'sql' }, { kind: 'values', dimension: 'sales_unit', values: [(await first('sales_unit')) as string | null] }],
        [{ kind: 'values', dimension: 'medium', values: ['no such medium'] }],
      ];
    });
    afterAll(() => db.close());

    it('gives the media, sources and campaigns figures the SQL gives, by either cost allocation', async () => {
      for (const filter of filters) {
        for (const allocation of COST_ALLOCATIONS) {
          for (const groupBy of ['medium', 'source'] as const) {
            const sql = toRows(await db.query(mediaFiguresSql({ pipeline: DEFAULT_PIPELINE, groupBy, filter, campaigns, allocation })));
            expectSameRows(mediaRowsFromCube(cube, { groupBy, filter, allocation, campaigns })!, sql, `${groupBy} ${allocation} ${JSON.stringify(filter)}`);
          }
          const sql = toRows(await db.query(campaignFiguresSql({ pipeline: DEFAULT_PIPELINE, filter, campaigns, allocation })));
          expectSameRows(mediaRowsFromCube(cube, { groupBy: 'campaign_id', filter, allocation, campaigns })!, sql, `campaigns ${allocation} ${JSON.stringify(filter)}`);
          const monthly = toRows(await db.query(mediaMonthlySql({ pipeline: DEFAULT_PIPELINE, filter, campaigns, allocation })));
          expectSameRows(monthlyRowsFromCube(cube, { filter, allocation, campaigns })!, monthly, `months ${allocation} ${JSON.stringify(filter)}`);
        }
      }
    });

    it('gives the attribution the SQL gives, per medium and per campaign', async () => {
      for (const filter of filters) {
        for (const by of ['medium', 'campaign_id'] as const) {
          const sql = toRows(await db.query(attributionSql({ pipeline: DEFAULT_PIPELINE, filter, by, touches, campaigns })));
          expectSameRows(attributionRowsFromCube(cube, filter, by)!, sql, `attribution ${by} ${JSON.stringify(filter)}`);
        }
      }
    });
  });
});

describe('what the media cells answer', () => {
  it('leaves a region, an extra column or a part of a month to SQL', () => {
    expect(mediaCubeCovers([{ kind: 'values', dimension: 'region', values: ['Nord'] }])).toBe(false);
    expect(mediaCubeCovers([{ kind: 'created', range: { from: '2025-01-01', to: '2025-01-15' } }])).toBe(false);
    expect(mediaCubeCovers([{ kind: 'created', range: { from: '2025-01-01', to: '2025-03-31' } }, { kind: 'values', dimension: 'campaign_id', values: ['C1'] }])).toBe(true);
  });
});
