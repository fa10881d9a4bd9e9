import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows } from '../../src/db/arrowRows';
import type { Db } from '../../src/db/types';
import { DEFAULT_PIPELINE } from '../../src/domain/pipeline';
import { attributionSql } from '../../src/sql/attribution';
import { ENGINES, loadEnglish } from './helpers/engines';

/**
 * Revenue credited by each attribution model on hand-worked journeys (campaigns of media-campaigns.csv:
 * C1, C2 telemarketing, C3 web, C4 event):
 * J1 won 1,000 after three touches C1 → C3 → C4 (opportunity between the second and the third);
 * J2 won 100 after four touches C1 → C3 → C2 → C4 (opportunity after the third: the W's middle key touch is C2);
 * J3 won 50 with no responses: its own campaign C3 (web) is its one touch; J4 is not won.
 *
 *            first   last    linear                    U-shaped                 W-shaped
 * J1 (1000)  tm      event   333⅓ each                 400 / 200 / 400          333⅓ each (n = 3)
 * J2 (100)   tm      event   25 each                   40 / 10 / 10 / 40        30 / 10 / 30 / 30
 * J3 (50)    web     web     50                        50                       50
 */
const third = 1000 / 3;
const EXPECTED = {
  telemarketing: { first: 1100, last: 0, linear: third + 50, u_shaped: 400 + 40 + 10, w_shaped: third + 30 + 30 },
  web: { first: 50, last: 50, linear: third + 25 + 50, u_shaped: 200 + 10 + 50, w_shaped: third + 10 + 50 },
  event: { first: 0, last: 1100, linear: third + 25, u_shaped: 400 + 40, w_shaped: third + 30 },
};

describe.each(ENGINES)('attribution on $name', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
    await loadEnglish(db, {
      leads: 'tests/integration/fixtures/attribution-leads.csv',
      campaigns: 'tests/integration/fixtures/media-campaigns.csv',
      touches: 'tests/integration/fixtures/attribution-touches.csv',
    });
  });
  afterAll(() => db.close());

  it('credits each model as worked out by hand, per medium, and gives out exactly the won revenue', async () => {
    const rows = toRows(await db.query(attributionSql({ pipeline: DEFAULT_PIPELINE, by: 'medium', touches: true, campaigns: true })));
    const by = new Map(rows.map((r) => [r.key as string, r]));
    expect([...by.keys()].sort()).toEqual(['event', 'telemarketing', 'web']);
    for (const [medium, models] of Object.entries(EXPECTED)) {
      for (const [model, value] of Object.entries(models)) expect(Number(by.get(medium)![model]), `${medium} ${model}`).toBeCloseTo(value, 9);
    }
    for (const model of ['first', 'last', 'linear', 'u_shaped', 'w_shaped']) expect(rows.reduce((s, r) => s + Number(r[model]), 0), model).toBeCloseTo(1150, 9);
  });

  it('credits per campaign: C2 gets the W-shaped middle share of J2', async () => {
    const rows = toRows(await db.query(attributionSql({ pipeline: DEFAULT_PIPELINE, by: 'campaign_id', touches: true, campaigns: true })));
    const c2 = rows.find((r) => r.key === 'C2')!;
    expect(Number(c2.w_shaped)).toBeCloseTo(30, 9);
    expect(Number(c2.u_shaped)).toBeCloseTo(10, 9);
    expect(Number(c2.touches)).toBe(1);
  });

  it('without a touches table every model credits the lead’s own medium', async () => {
    const rows = toRows(await db.query(attributionSql({ pipeline: DEFAULT_PIPELINE, by: 'medium', touches: false, campaigns: true })));
    const by = new Map(rows.map((r) => [r.key as string, r]));
    for (const model of ['first', 'last', 'linear', 'u_shaped', 'w_shaped']) {
      expect(Number(by.get('telemarketing')![model])).toBeCloseTo(1100, 9);
      expect(Number(by.get('web')![model])).toBeCloseTo(50, 9);
    }
  });

  it('under a filter credits only the filtered won leads', async () => {
    const rows = toRows(await db.query(attributionSql({ pipeline: DEFAULT_PIPELINE, by: 'medium', touches: true, campaigns: true, filter: [{ kind: 'values', dimension: 'medium', values: ['web'] }] })));
    expect(rows.map((r) => [r.key, Number(r.first)])).toEqual([['web', 50]]);
  });
});
