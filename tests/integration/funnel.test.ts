import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows, type Row } from '../../src/db/arrowRows';
import type { Db } from '../../src/db/types';
import {
  funnelCountsFromRow,
  funnelStages,
  isMature,
  lagDistributionFromRows,
  velocityFromHistograms,
  type LagHistogramRow,
} from '../../src/domain/funnel';
import type { LeadFilter, SplitDimension } from '../../src/domain/leadFilter';
import { DEFAULT_PIPELINE as pipeline } from '../../src/domain/pipeline';
import { CANONICAL } from '../../src/domain/schema';
import { answerFromCube, cubeCovers, cubeDimensionValues, type FunnelCube, type FunnelRequest } from '../../src/domain/funnelCube';
import { dimensionValuesSql } from '../../src/sql/filterValues';
import { funnelRequestSql, velocitySql } from '../../src/sql/funnel';
import { buildFunnelCube, cubeWarmUps } from '../../src/services/funnelCubes';
import { ENGINES, loadEnglish } from './helpers/engines';
import { refreshLeadFacts } from '../../src/services/leadFacts';

/**
 * Hand-computed fixture (default pipeline lead → mql → sql → opportunity → won). r = furthest
 * reached stage by DESIGN.md's rule; days are created → mql / sql / opportunity / won.
 *  id  created     medium  channel  unit  owner    region stage         mql   sql   opp   closed  r  days
 *  A1  2025-01-05  web     direct   Nord  O'Brien  R1     won           01-10 01-20 02-04 03-06   4  5 15 30 60
 *  A2  2025-01-20  web     partner  Nord  O'Brien  R1     lost          01-25 –     –     02-10   1  5            (lost, proven mql)
 *  A3  2025-01-31  event   direct   Süd   Anna     –      disqualified  –     –     –     02-01   0               (no stamps: lead only)
 *  A4  2025-01-15  event   –        Süd   Anna     R2     lead          01-18 01-30 –     –       2  3 15         (stage lead, stamps say sql)
 *  B1  2025-02-01  web     direct   Nord  "x"      R1     won           –     –     –     03-03   4  won 30       (won without stamps)
 *  B2  2025-02-14  ad      direct   Nord  "x"      R2     opportunity   02-16 –     02-28 –       3  2 opp 14
 *  B3  2025-02-28  web     partner  –     –        R1     lost          03-01 03-05 –     03-20   2  1 5          (lost, proven sql)
 *  B4  2025-02-10  web     direct   Nord  O'Brien  R1     mql           –     –     –     –       1               (last activity 2025-04-30)
 *  C1  2025-03-10  web     direct   Nord  O'Brien  R1     won           03-11 03-12 03-13 03-20   4  1 2 3 10
 *  C2  2025-03-15  Podcast direct   Ost   Anna     R3     lost          –     –     03-25 03-30   3  opp 10       (lost, proven opportunity)
 * As-of date: B4's last activity 2025-04-30. Nobody reached a stage beyond what is listed.
 */
const FIXTURE: readonly (readonly (string | null)[])[] = [
  // lead_id, created_at, medium, channel, sales_unit, owner, region, stage, mql_at, sql_at, opportunity_at, closed_at, last_activity_at
  ['A1', '2025-01-05', 'web', 'direct', 'Nord', "O'Brien", 'R1', 'won', '2025-01-10', '2025-01-20', '2025-02-04', '2025-03-06', null],
  ['A2', '2025-01-20', 'web', 'partner', 'Nord', "O'Brien", 'R1', 'lost', '2025-01-25', null, null, '2025-02-10', null],
  ['A3', '2025-01-31', 'event', 'direct', 'Süd', 'Anna', null, 'disqualified', null, null, null, '2025-02-01', null],
  ['A4', '2025-01-15', 'event', null, 'Süd', 'Anna', 'R2', 'lead', '2025-01-18', '2025-01-30', null, null, null],
  ['B1', '2025-02-01', 'web', 'direct', 'Nord', '"x"', 'R1', 'won', null, null, null, '2025-03-03', null],
  ['B2', '2025-02-14', 'ad', 'direct', 'Nord', '"x"', 'R2', 'opportunity', '2025-02-16', null, '2025-02-28', null, null],
  ['B3', '2025-02-28', 'web', 'partner', null, null, 'R1', 'lost', '2025-03-01', '2025-03-05', null, '2025-03-20', null],
  ['B4', '2025-02-10', 'web', 'direct', 'Nord', "O'Brien", 'R1', 'mql', null, null, null, null, '2025-04-30'],
  ['C1', '2025-03-10', 'web', 'direct', 'Nord', "O'Brien", 'R1', 'won', '2025-03-11', '2025-03-12', '2025-03-13', '2025-03-20', null],
  ['C2', '2025-03-15', 'Podcast', 'direct', 'Ost', 'Anna', 'R3', 'lost', null, null, '2025-03-25', '2025-03-30', null],
];
const FIXTURE_COLUMNS = ['lead_id', 'created_at', 'medium', 'channel', 'sales_unit', 'owner', 'region', 'stage', 'mql_at', 'sql_at', 'opportunity_at', 'closed_at', 'last_activity_at'];

/** The real leads table's columns and types (an import creates the same), filled with bound values. */
async function loadFixture(db: Db): Promise<void> {
  const columns = CANONICAL.leads.map((c) => `${c.name} ${c.type}`).join(', ');
  await db.query({ sql: `CREATE OR REPLACE TABLE leads (${columns}, _source VARCHAR, _line INTEGER)`, params: [] });
  const type = (name: string) => CANONICAL.leads.find((c) => c.name === name)?.type ?? 'VARCHAR';
  const values = FIXTURE_COLUMNS.map((name) => `?::${type(name)}`).join(', ');
  for (const row of FIXTURE) await db.query({ sql: `INSERT INTO leads (${FIXTURE_COLUMNS.join(', ')}) VALUES (${values})`, params: [...row] });
  await refreshLeadFacts(db);
}

const ALL_REQUESTS = (dimension: SplitDimension): FunnelRequest[] => [
  { kind: 'stages' },
  { kind: 'split', dimension },
  { kind: 'cohorts' },
  { kind: 'trend', dimension },
  { kind: 'trend' },
  { kind: 'velocity' },
  { kind: 'lagHistogram' },
];

/** Leads, reached_1..4 and the non-zero terminal counts, for compact expectations. */
function counts(row: Row | undefined) {
  const c = funnelCountsFromRow(pipeline, row ?? {});
  const ended = Object.fromEntries(
    Object.entries(row ?? {}).filter(([k, v]) => k.startsWith('ended_') && v !== 0),
  );
  return { reached: c.reached, ended };
}

describe.each(ENGINES)('funnel SQL on $name', ({ open }) => {
  let db: Db;
  let cube: FunnelCube;
  /** Answers a request from the raw leads and, where it covers the filter, from the cube; they must agree. */
  const onBoth = async (request: FunnelRequest, filter: LeadFilter): Promise<Row[]> => {
    const raw = toRows(await db.query(funnelRequestSql({ pipeline, filter }, request)));
    const fromCube = answerFromCube(cube, request, filter);
    if (fromCube) expect(fromCube).toEqual(raw);
    return raw;
  };

  beforeAll(async () => {
    db = await open();
    await loadFixture(db);
    cube = await buildFunnelCube(db, pipeline);
  });
  afterAll(() => db.close());

  it('counts reached stages by the rule: lost and disqualified only what their timestamps prove', async () => {
    const [row] = await onBoth({ kind: 'stages' }, []);
    // r: A1 4, A2 1, A3 0, A4 2, B1 4, B2 3, B3 2, B4 1, C1 4, C2 3
    // ≥1: all but A3 = 9; ≥2: A1 A4 B1 B2 B3 C1 C2 = 7; ≥3: A1 B1 B2 C1 C2 = 5; ≥4: A1 B1 C1 = 3.
    // Lost by furthest stage: A2 at 1, B3 at 2, C2 at 3; disqualified: A3 at 0.
    expect(counts(row)).toEqual({ reached: [10, 9, 7, 5, 3], ended: { ended_0_at_1: 1, ended_0_at_2: 1, ended_0_at_3: 1, ended_1_at_0: 1 } });
    const stages = funnelStages(pipeline, funnelCountsFromRow(pipeline, row ?? {}));
    expect(stages.map((s) => s.dropOff)).toEqual([1, 2, 2, 2, null]);
    // Stopped at mql: A2 (lost) and B4 (open) → 1 lost, 1 still open.
    expect(stages[1]).toMatchObject({ endedAs: { lost: 1, disqualified: 0 }, stillOpen: 1 });
  });

  it.each<[string, LeadFilter, boolean, number[]]>([
    // O'Brien: A1 4, A2 1, B4 1, C1 4
    ["owner O'Brien (a quote in a bound value)", [{ kind: 'values', dimension: 'owner', values: ["O'Brien"] }], true, [4, 4, 2, 2, 2]],
    // "x" or no owner: B1 4, B2 3, B3 2
    ['owner "x" or blank', [{ kind: 'values', dimension: 'owner', values: ['"x"', null] }], true, [3, 3, 3, 2, 1]],
    // February as whole month: B1 4, B2 3, B3 2, B4 1
    ['created in whole February', [{ kind: 'created', range: { from: '2025-02-01', to: '2025-02-28' } }], true, [4, 4, 3, 2, 1]],
    // Cut inside months: A2 (01-20) 1, A3 (01-31) 0, A4 (01-15) 2, B1 (02-01) 4, B2 (02-14) 3, B4 (02-10) 1
    ['created 2025-01-10 … 2025-02-14', [{ kind: 'created', range: { from: '2025-01-10', to: '2025-02-14' } }], false, [6, 5, 3, 2, 1]],
    // r ≥ 2: A1 4, A4 2, B1 4, B2 3, B3 2, C1 4, C2 3
    ['reached sql', [{ kind: 'reached', stage: 'sql' }], true, [7, 7, 7, 5, 3]],
    // event: A3 0, A4 2 → nobody reached opportunity or won
    ['medium event (stages nobody reached)', [{ kind: 'values', dimension: 'medium', values: ['event'] }], true, [2, 1, 1, 0, 0]],
    // region R2: A4 2, B2 3 (region is not in the cube)
    ['region R2', [{ kind: 'values', dimension: 'region', values: ['R2'] }], false, [2, 2, 2, 1, 0]],
    ['web and reached opportunity', [{ kind: 'values', dimension: 'medium', values: ['web'] }, { kind: 'reached', stage: 'opportunity' }], true, [3, 3, 3, 3, 3]],
    // A stage the pipeline does not have matches nobody, on the cube as in SQL.
    ['reached an unknown stage', [{ kind: 'reached', stage: 'demo' }], true, [0, 0, 0, 0, 0]],
    // Two whole-month ranges: their overlap, February (B1 4, B2 3, B3 2, B4 1).
    [
      'January–February and February–March',
      [
        { kind: 'created', range: { from: '2025-01-01', to: '2025-02-28' } },
        { kind: 'created', range: { from: '2025-02-01', to: '2025-03-31' } },
      ],
      true,
      [4, 4, 3, 2, 1],
    ],
    // Two conditions on one dimension: both must hold (web ∩ {web, event} = web: A1 A2 B1 B3 B4 C1).
    [
      'medium web and medium in web, event',
      [
        { kind: 'values', dimension: 'medium', values: ['web'] },
        { kind: 'values', dimension: 'medium', values: ['web', 'event'] },
      ],
      true,
      [6, 6, 4, 3, 3],
    ],
  ])('filter %s', async (_, filter, covered, reached) => {
    expect(cubeCovers(filter)).toBe(covered);
    expect(answerFromCube(cube, { kind: 'stages' }, filter) !== null).toBe(covered);
    const [row] = await onBoth({ kind: 'stages' }, filter);
    expect(funnelCountsFromRow(pipeline, row ?? {}).reached).toEqual(reached);
  });

  it('gives zeros and null rates, never NaN, for an empty filter result', async () => {
    for (const filter of [
      [{ kind: 'values', dimension: 'medium', values: ['nowhere'] }],
      [{ kind: 'values', dimension: 'region', values: [] }],
    ] satisfies LeadFilter[]) {
      const [row] = await onBoth({ kind: 'stages' }, filter);
      expect(Object.values(row ?? {}).every((v) => v === 0)).toBe(true);
      const stages = funnelStages(pipeline, funnelCountsFromRow(pipeline, row ?? {}));
      expect(stages.every((s) => s.cumulative.value === null && s.conversion.value === null)).toBe(true);
      expect(await onBoth({ kind: 'split', dimension: 'owner' }, filter)).toEqual([]);
      expect(await onBoth({ kind: 'velocity' }, filter)).toEqual([]);
      // The historical distribution and the as-of date stay: they do not depend on the filter.
      const lag = lagDistributionFromRows((await onBoth({ kind: 'lagHistogram' }, filter)) as never);
      expect(lag).toEqual({ bins: [], historicalP90: 54, asOf: '2025-04-30' });
    }
  });

  it('splits with NULL as its own group, largest first', async () => {
    const split = await onBoth({ kind: 'split', dimension: 'owner' }, []);
    expect(split.map((r) => [r.value, counts(r).reached])).toEqual([
      ["O'Brien", [4, 4, 2, 2, 2]], // A1 A2 B4 C1
      ['Anna', [3, 2, 2, 1, 0]], // A3 0, A4 2, C2 3
      ['"x"', [2, 2, 2, 2, 1]], // B1 4, B2 3
      [null, [1, 1, 1, 0, 0]], // B3 2
    ]);
    expect(split[1]).toMatchObject({ ended_1_at_0: 1, ended_0_at_3: 1 }); // A3 disqualified, C2 lost
    // region is not in the cube: raw either way. R1: A1 A2 B1 B3 B4 C1; R2: A4 B2; R3: C2; none: A3.
    const byRegion = await onBoth({ kind: 'split', dimension: 'region' }, []);
    expect(byRegion.map((r) => [r.value, r.leads])).toEqual([['R1', 6], ['R2', 2], ['R3', 1], [null, 1]]);
  });

  it('counts cohorts per created month and tells the immature ones', async () => {
    const cohorts = await onBoth({ kind: 'cohorts' }, []);
    expect(cohorts.map((r) => [r.month, counts(r).reached])).toEqual([
      ['2025-01', [4, 3, 2, 1, 1]], // A1 4, A2 1, A3 0, A4 2
      ['2025-02', [4, 4, 3, 2, 1]], // B1 4, B2 3, B3 2, B4 1
      ['2025-03', [2, 2, 2, 2, 1]], // C1 4, C2 3
    ]);
    // Lead→won lags 10, 30, 60 → p90 at h = 2·0.9 = 1.8: 30 + 0.8·30 = 54 days. As of 2025-04-30:
    // January ended 89 days before, February 61 (mature), March 30 (immature).
    const lag = lagDistributionFromRows((await onBoth({ kind: 'lagHistogram' }, [])) as never);
    expect(lag).toEqual({ bins: [10, 30, 60].map((value) => ({ value, count: 1 })), historicalP90: 54, asOf: '2025-04-30' });
    expect(cohorts.map((r) => isMature(String(r.month), lag.asOf ?? '', lag.historicalP90))).toEqual([true, true, false]);
  });

  it('answers velocity from the cube for a covered filter, as the raw leads do', async () => {
    // web, created in January or February: A1 (5 15 30 60), A2 (5), B1 (won 30), B3 (1 5), B4 (none)
    const filter: LeadFilter = [
      { kind: 'values', dimension: 'medium', values: ['web'] },
      { kind: 'created', range: { from: '2025-01-01', to: '2025-02-28' } },
    ];
    expect(answerFromCube(cube, { kind: 'velocity' }, filter)).not.toBeNull();
    const velocity = velocityFromHistograms((await onBoth({ kind: 'velocity' }, filter)) as unknown as LagHistogramRow[]);
    expect(velocity).toEqual([
      { from: 0, to: 1, n: 3, median: 5, p80: 5 }, // 1 5 5
      { from: 0, to: 2, n: 2, median: 10, p80: 13 }, // 5 15: h = 0.8 → 5 + 0.8·10
      { from: 0, to: 3, n: 1, median: 30, p80: 30 },
      { from: 0, to: 4, n: 2, median: 45, p80: 54 }, // 30 60: h = 0.8 → 30 + 0.8·30
      { from: 1, to: 2, n: 2, median: 7, p80: expect.closeTo(8.8, 9) }, // A1 10, B3 4: 4 + 0.8·6
      { from: 2, to: 3, n: 1, median: 15, p80: 15 },
      { from: 3, to: 4, n: 1, median: 30, p80: 30 },
    ]);
  });

  it('keeps the historical lag unfiltered while the distribution follows the filter', async () => {
    expect(cubeCovers([{ kind: 'values', dimension: 'owner', values: ["O'Brien"] }])).toBe(true);
    // O'Brien's won leads: A1 60, C1 10; B1 (30 days) belongs to "x".
    const filter: LeadFilter = [{ kind: 'values', dimension: 'owner', values: ["O'Brien"] }];
    const rows = await onBoth({ kind: 'lagHistogram' }, filter);
    expect(rows).toEqual([
      { as_of: '2025-04-30', days: 10, leads: 1, all_leads: 1 },
      { as_of: '2025-04-30', days: 30, leads: 0, all_leads: 1 },
      { as_of: '2025-04-30', days: 60, leads: 1, all_leads: 1 },
    ]);
  });

  it('measures velocity from created and between consecutive stages with both dates', async () => {
    const velocity = velocityFromHistograms((await onBoth({ kind: 'velocity' }, [])) as unknown as LagHistogramRow[]);
    expect(velocity).toEqual([
      { from: 0, to: 1, n: 6, median: 2.5, p80: 5 }, // 1 1 2 3 5 5 (C1 B3 B2 A4 A1 A2)
      { from: 0, to: 2, n: 4, median: 10, p80: 15 }, // 2 5 15 15 (C1 B3 A1 A4)
      { from: 0, to: 3, n: 4, median: 12, p80: expect.closeTo(20.4, 9) }, // 3 10 14 30 (C1 C2 B2 A1)
      { from: 0, to: 4, n: 3, median: 30, p80: expect.closeTo(48, 9) }, // 10 30 60: lost leads' closed_at does not count
      { from: 1, to: 2, n: 4, median: 7, p80: expect.closeTo(10.8, 9) }, // 1 4 10 12 (C1 B3 A1 A4)
      { from: 2, to: 3, n: 2, median: 8, p80: expect.closeTo(12.2, 9) }, // 1 15 (C1 A1)
      { from: 3, to: 4, n: 2, median: 18.5, p80: expect.closeTo(25.4, 9) }, // 7 30 (C1 A1)
    ]);
  });

  it('trends per month and split value', async () => {
    const trend = await onBoth({ kind: 'trend', dimension: 'channel' }, []);
    expect(trend.map((r) => [r.month, r.value, counts(r).reached])).toEqual([
      ['2025-01', 'direct', [2, 1, 1, 1, 1]], // A1 4, A3 0
      ['2025-01', 'partner', [1, 1, 0, 0, 0]], // A2 1
      ['2025-01', null, [1, 1, 1, 0, 0]], // A4 2
      ['2025-02', 'direct', [3, 3, 2, 2, 1]], // B1 4, B2 3, B4 1
      ['2025-02', 'partner', [1, 1, 1, 0, 0]], // B3 2
      ['2025-03', 'direct', [2, 2, 2, 2, 1]], // C1 4, C2 3
    ]);
  });
});

/** The same builders over the bundled sample: the cube and the raw leads must agree to the last lead. */
describe.each(ENGINES)('funnel SQL over the sample export on $name', ({ open }) => {
  let db: Db;
  let cube: FunnelCube;
  beforeAll(async () => {
    db = await open();
    await loadEnglish(db, { leads: 'data-samples/en/leads.csv' });
    cube = await buildFunnelCube(db, pipeline);
  });
  afterAll(() => db.close());

  const FILTERS: Record<string, LeadFilter> = {
    none: [],
    'web and event': [{ kind: 'values', dimension: 'medium', values: ['web', 'event'] }],
    'partner channel, blank owner or a named one': [
      { kind: 'values', dimension: 'channel', values: ['partner'] },
      { kind: 'values', dimension: 'owner', values: [null, 'Kathrin Böhme'] },
    ],
    'first half of 2025 and reached mql': [
      { kind: 'created', range: { from: '2025-01-01', to: '2025-06-30' } },
      { kind: 'reached', stage: 'mql' },
    ],
    'sales unit Nord, reached opportunity': [
      { kind: 'values', dimension: 'sales_unit', values: ['Nord'] },
      { kind: 'reached', stage: 'opportunity' },
    ],
  };

  it.each(Object.entries(FILTERS))('cube and raw agree on every request: %s', async (_, filter) => {
    expect(cubeCovers(filter, 'owner')).toBe(true);
    for (const dimension of ['medium', 'owner'] as const) {
      for (const request of ALL_REQUESTS(dimension)) {
        const raw = toRows(await db.query(funnelRequestSql({ pipeline, filter }, request)));
        if (request.kind === 'stages') expect(Number(raw[0]?.leads), 'the filter selects leads').toBeGreaterThan(0);
        if (request.kind === 'velocity') expect(raw.length, 'velocity has bins').toBeGreaterThan(0);
        expect(answerFromCube(cube, request, filter), JSON.stringify(request)).toEqual(raw);
      }
    }
  });

  it.each(Object.entries(FILTERS))('the filter pickers count the same on the cube as on the leads: %s', async (_, filter) => {
    for (const dimension of ['medium', 'channel', 'sales_unit', 'owner'] as const) {
      const others = filter.filter((c) => !(c.kind === 'values' && c.dimension === dimension));
      const raw = toRows(await db.query(dimensionValuesSql(dimension, others, pipeline, 5)));
      expect(raw.length, dimension).toBeGreaterThan(0);
      expect(cubeDimensionValues(cube, dimension, others, 5), dimension).toEqual(raw);
    }
    expect(cubeDimensionValues(cube, 'region', [], 5)).toBeNull();
  });

  it('answers a filter on source (the medium as exported) from lead_facts, identical to the cube on the medium its values group into', async () => {
    // Each exported value groups into one medium, so the sources of a medium select exactly its leads.
    const pairs = toRows(await db.query({ sql: 'SELECT DISTINCT medium, source FROM lead_facts WHERE source IS NOT NULL', params: [] }));
    expect(new Set(pairs.map((p) => p.source)).size, 'one medium per source').toBe(pairs.length);
    const media = [...new Set(pairs.map((p) => String(p.medium)))];
    expect(media.length).toBeGreaterThan(2);
    for (const medium of media.slice(0, 3)) {
      const sources = pairs.filter((p) => p.medium === medium).map((p) => String(p.source));
      const bySource: LeadFilter = [{ kind: 'values', dimension: 'source', values: sources }, { kind: 'created', range: { from: '2025-01-01', to: '2025-06-30' } }];
      const byMedium: LeadFilter = [{ kind: 'values', dimension: 'medium', values: [medium] }, { kind: 'created', range: { from: '2025-01-01', to: '2025-06-30' } }];
      expect(cubeCovers(bySource)).toBe(false);
      for (const request of ALL_REQUESTS('owner')) {
        expect(answerFromCube(cube, request, bySource), JSON.stringify(request)).toBeNull();
        const raw = toRows(await db.query(funnelRequestSql({ pipeline, filter: bySource }, request)));
        expect(raw, `${medium} ${JSON.stringify(request)}`).toEqual(answerFromCube(cube, request, byMedium));
      }
    }
  });

  it('splits by source on lead_facts into parts that add up to the cube split by medium', async () => {
    expect(cubeCovers([], 'source')).toBe(false);
    const filter: LeadFilter = [{ kind: 'reached', stage: 'mql' }];
    const bySource = toRows(await db.query(funnelRequestSql({ pipeline, filter }, { kind: 'split', dimension: 'source' })));
    const mediumOf = new Map(toRows(await db.query({ sql: 'SELECT DISTINCT source, medium FROM lead_facts', params: [] })).map((r) => [r.source, r.medium]));
    const summed = new Map<unknown, number>();
    for (const row of bySource) summed.set(mediumOf.get(row.value), (summed.get(mediumOf.get(row.value)) ?? 0) + Number(row.reached_4));
    const byMedium = answerFromCube(cube, { kind: 'split', dimension: 'medium' }, filter) ?? [];
    expect(byMedium.length).toBeGreaterThan(2);
    expect(new Map(byMedium.map((r) => [r.value, Number(r.reached_4)]))).toEqual(summed);
  });

  it('warms up every request kind under a filter on each cube dimension and on a month, all answered by the cube', () => {
    const jobs = cubeWarmUps(cube);
    expect(jobs).toHaveLength((4 + 1) * 6);
    expect(jobs.map((job) => job())).toEqual(jobs.map(() => true));
  });

  it('velocity from histograms equals quantile_cont on the raw rows', async () => {
    const velocity = velocityFromHistograms(toRows(await db.query(velocitySql({ pipeline, filter: [] }))) as unknown as LagHistogramRow[]);
    const [direct] = toRows(
      await db.query({
        sql:
          "SELECT count(*)::BIGINT AS n, quantile_cont(date_diff('day', created_at, closed_at), 0.5) AS median, " +
          "quantile_cont(date_diff('day', created_at, closed_at), 0.8) AS p80 FROM leads WHERE stage = 'won' AND closed_at IS NOT NULL",
        params: [],
      }),
    );
    const toWon = velocity.find((v) => v.from === 0 && v.to === 4);
    expect(Number(direct?.n)).toBeGreaterThan(0);
    expect(toWon).toEqual({ from: 0, to: 4, n: direct?.n, median: direct?.median, p80: direct?.p80 });
  });
});
