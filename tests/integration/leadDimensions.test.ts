import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows, type Row } from '../../src/db/arrowRows';
import type { Db } from '../../src/db/types';
import { funnelCountsFromRow, velocityFromHistograms, type LagHistogramRow } from '../../src/domain/funnel';
import { answerFromCube, cubeCovers, cubeDimensionValues, type FunnelCube, type FunnelRequest } from '../../src/domain/funnelCube';
import { extraLeadColumns, type LeadFilter } from '../../src/domain/leadFilter';
import { DEFAULT_PIPELINE as pipeline } from '../../src/domain/pipeline';
import { CANONICAL } from '../../src/domain/schema';
import { quoteIdent } from '../../src/domain/sqlQuery';
import { buildFunnelCube } from '../../src/services/funnelCubes';
import { refreshLeadFacts } from '../../src/services/leadFacts';
import { explorerCountSql, explorerPageSql } from '../../src/sql/explorer';
import { dimensionValuesSql } from '../../src/sql/filterValues';
import { funnelRequestSql } from '../../src/sql/funnel';
import { tableColumnsSql } from '../../src/sql/importMerge';
import { LEAD_FACTS } from '../../src/sql/leadFacts';
import { exportLeads } from '../../src/ui/export/exportLeads';
import { csvSink } from '../../src/ui/export/leadsCsv';
import { ENGINES } from './helpers/engines';

/** An extra column whose header has quotes, a comma and a space; and one named like the funnel's `r`. */
const ORIGIN = 'Lead "Origin", 2';
const R = 'R';
const WEB_FORM = 'Web "Form", EU';
const FAIR = 'Messe, Halle 3';

/**
 * Hand-computed fixture (default pipeline lead → mql → sql → opportunity → won); r is the furthest
 * reached stage by DESIGN.md's rule.
 *  id  created     medium  source          stage  mql    sql    closed  Lead "Origin", 2  R     r
 *  L1  2025-01-05  web     organic_search  won    01-10  01-20  03-01   Web "Form", EU    x     4
 *  L2  2025-01-20  web     Website         mql    01-25  –      –       Web "Form", EU    x     1
 *  L3  2025-02-03  web     organic_search  lead   –      –      –       –                 y     0
 *  L4  2025-02-10  event   Messe 2025      sql    02-12  02-20  –       Messe, Halle 3    –     2
 *  L5  2025-02-11  event   Messe 2025      lost   02-15  –      02-28   Messe, Halle 3    x     1   (lost, proven mql)
 *  L6  2025-03-01  ad      Google Ads      won    03-02  03-05  03-20   Web "Form", EU    y     4
 * Reached (lead, mql, sql, opportunity, won) over all: r 4 1 0 2 1 4 → [6, 5, 3, 2, 2].
 */
const COLUMNS = ['lead_id', 'created_at', 'medium', 'source', 'stage', 'mql_at', 'sql_at', 'closed_at', ORIGIN, R] as const;
const FIXTURE: readonly (readonly (string | null)[])[] = [
  ['L1', '2025-01-05', 'web', 'organic_search', 'won', '2025-01-10', '2025-01-20', '2025-03-01', WEB_FORM, 'x'],
  ['L2', '2025-01-20', 'web', 'Website', 'mql', '2025-01-25', null, null, WEB_FORM, 'x'],
  ['L3', '2025-02-03', 'web', 'organic_search', 'lead', null, null, null, null, 'y'],
  ['L4', '2025-02-10', 'event', 'Messe 2025', 'sql', '2025-02-12', '2025-02-20', null, FAIR, null],
  ['L5', '2025-02-11', 'event', 'Messe 2025', 'lost', '2025-02-15', null, '2025-02-28', FAIR, 'x'],
  ['L6', '2025-03-01', 'ad', 'Google Ads', 'won', '2025-03-02', '2025-03-05', '2025-03-20', WEB_FORM, 'y'],
];

/** The leads table an import creates (canonical columns, _source, _line) plus two extra columns, then lead_facts. */
async function loadFixture(db: Db): Promise<void> {
  const canonical = CANONICAL.leads.map((c) => `${c.name} ${c.type}`).join(', ');
  await db.query({ sql: `CREATE OR REPLACE TABLE leads (${canonical}, _source VARCHAR, _line INTEGER, ${quoteIdent(ORIGIN)} VARCHAR, ${quoteIdent(R)} VARCHAR)`, params: [] });
  const type = (name: string) => CANONICAL.leads.find((c) => c.name === name)?.type ?? 'VARCHAR';
  const names = COLUMNS.map(quoteIdent).join(', ');
  const values = COLUMNS.map((name) => `?::${type(name)}`).join(', ');
  for (const [i, row] of FIXTURE.entries()) {
    await db.query({ sql: `INSERT INTO leads (${names}, _source, _line) VALUES (${values}, 'leads.csv', ${i + 2})`, params: [...row] });
  }
  await refreshLeadFacts(db);
}

const reached = (row: Row | undefined) => funnelCountsFromRow(pipeline, row ?? {}).reached;

describe.each(ENGINES)('source and extra columns as dimensions on $name', ({ open }) => {
  let db: Db;
  let cube: FunnelCube;
  let extraColumns: string[];
  const run = async (request: FunnelRequest, filter: LeadFilter) => toRows(await db.query(funnelRequestSql({ pipeline, filter }, request)));

  beforeAll(async () => {
    db = await open();
    await loadFixture(db);
    cube = await buildFunnelCube(db, pipeline);
    // As useLeadDimensions reads them: lead_facts' columns but the canonical ones and _source/_line.
    extraColumns = extraLeadColumns(toRows(await db.query(tableColumnsSql(LEAD_FACTS))).map((r) => ({ name: String(r.name) }))).map((c) => c.name);
  });
  afterAll(() => db.close());

  it('finds the extra columns of lead_facts by their headers', () => {
    expect(extraColumns).toEqual([ORIGIN, R]);
  });

  it('takes the furthest stage from the rule, not from an extra column named R', async () => {
    const [row] = await run({ kind: 'stages' }, []);
    expect(reached(row)).toEqual([6, 5, 3, 2, 2]);
    expect(answerFromCube(cube, { kind: 'stages' }, [])).toEqual([row]);
  });

  it.each<[string, LeadFilter, number[]]>([
    // L1 4, L3 0
    ['source organic_search', [{ kind: 'values', dimension: 'source', values: ['organic_search'] }], [2, 1, 1, 1, 1]],
    // L4 2, L5 1
    [`${ORIGIN} = ${FAIR}`, [{ kind: 'values', dimension: `x:${ORIGIN}`, values: [FAIR] }], [2, 2, 1, 0, 0]],
    // L3 0 (blank cell)
    [`${ORIGIN} not given`, [{ kind: 'values', dimension: `x:${ORIGIN}`, values: [null] }], [1, 0, 0, 0, 0]],
    // L1 4
    [
      `${ORIGIN} = ${WEB_FORM} and source organic_search`,
      [
        { kind: 'values', dimension: `x:${ORIGIN}`, values: [WEB_FORM] },
        { kind: 'values', dimension: 'source', values: ['organic_search'] },
      ],
      [1, 1, 1, 1, 1],
    ],
    // R x: L1 4, L2 1, L5 1, and reached mql: all three
    ['R = x and reached mql', [{ kind: 'values', dimension: `x:${R}`, values: ['x'] }, { kind: 'reached', stage: 'mql' }], [3, 3, 1, 1, 1]],
  ])('filters by %s on lead_facts (the cube does not cover it)', async (_, filter, expected) => {
    expect(cubeCovers(filter)).toBe(false);
    expect(answerFromCube(cube, { kind: 'stages' }, filter)).toBeNull();
    const [row] = await run({ kind: 'stages' }, filter);
    expect(reached(row)).toEqual(expected);
  });

  it('splits by source: the exported values, each its own group, largest first', async () => {
    expect(cubeCovers([], 'source')).toBe(false);
    const split = await run({ kind: 'split', dimension: 'source' }, []);
    expect(split.map((r) => [r.value, reached(r)])).toEqual([
      ['Messe 2025', [2, 2, 1, 0, 0]], // L4 2, L5 1
      ['organic_search', [2, 1, 1, 1, 1]], // L1 4, L3 0
      ['Google Ads', [1, 1, 1, 1, 1]], // L6 4
      ['Website', [1, 1, 0, 0, 0]], // L2 1
    ]);
    // L5 lost at mql, within Messe 2025.
    expect(split[0]).toMatchObject({ ended_0_at_1: 1 });
  });

  it('splits and trends by an extra column with an awkward header, blanks as their own group', async () => {
    const split = await run({ kind: 'split', dimension: `x:${ORIGIN}` }, []);
    expect(split.map((r) => [r.value, reached(r)])).toEqual([
      [WEB_FORM, [3, 3, 2, 2, 2]], // L1 4, L2 1, L6 4
      [FAIR, [2, 2, 1, 0, 0]], // L4 2, L5 1
      [null, [1, 0, 0, 0, 0]], // L3 0
    ]);
    // Under a filter on the same column, as the split view's cross-filter sends it to the other views.
    const web = await run({ kind: 'split', dimension: `x:${R}` }, [{ kind: 'values', dimension: `x:${ORIGIN}`, values: [WEB_FORM] }]);
    expect(web.map((r) => [r.value, reached(r)])).toEqual([
      ['x', [2, 2, 1, 1, 1]], // L1 4, L2 1
      ['y', [1, 1, 1, 1, 1]], // L6 4
    ]);
    const trend = await run({ kind: 'trend', dimension: `x:${ORIGIN}` }, []);
    expect(trend.map((r) => [r.month, r.value, reached(r)])).toEqual([
      ['2025-01', WEB_FORM, [2, 2, 1, 1, 1]], // L1 4, L2 1
      ['2025-02', FAIR, [2, 2, 1, 0, 0]], // L4 2, L5 1
      ['2025-02', null, [1, 0, 0, 0, 0]], // L3 0
      ['2025-03', WEB_FORM, [1, 1, 1, 1, 1]], // L6 4
    ]);
  });

  it('measures velocity and lags under a filter on an extra column', async () => {
    // L4: created 02-10 → mql 02-12 (2 days) → sql 02-20 (10 days; 8 from mql); L5: → mql 02-15 (4 days).
    const filter: LeadFilter = [{ kind: 'values', dimension: `x:${ORIGIN}`, values: [FAIR] }];
    const velocity = velocityFromHistograms((await run({ kind: 'velocity' }, filter)) as unknown as LagHistogramRow[]);
    expect(velocity).toEqual([
      { from: 0, to: 1, n: 2, median: 3, p80: expect.closeTo(3.6, 9) },
      { from: 0, to: 2, n: 1, median: 10, p80: 10 },
      { from: 1, to: 2, n: 1, median: 8, p80: 8 },
    ]);
    // Nobody of the fair was won; the historical lead → won lags stay: L1 55 days, L6 19.
    const lag = await run({ kind: 'lagHistogram' }, filter);
    expect(lag.map((r) => [r.days, r.leads, r.all_leads])).toEqual([
      [19, 0, 1],
      [55, 0, 1],
    ]);
  });

  it('lists the values of source and of an extra column with their leads for the picker', async () => {
    const values = async (dimension: 'source' | `x:${string}`, filter: LeadFilter) => {
      expect(cubeDimensionValues(cube, dimension, filter, 10)).toBeNull();
      return toRows(await db.query(dimensionValuesSql(dimension, filter, pipeline, 10))).map((r) => [r.value, r.leads]);
    };
    expect(await values('source', [])).toEqual([
      ['Messe 2025', 2],
      ['organic_search', 2],
      ['Google Ads', 1],
      ['Website', 1],
    ]);
    expect(await values(`x:${ORIGIN}`, [])).toEqual([
      [WEB_FORM, 3],
      [FAIR, 2],
      [null, 1],
    ]);
    // Under the other filters: web leads are L1, L2 (Web "Form") and L3 (blank).
    expect(await values(`x:${ORIGIN}`, [{ kind: 'values', dimension: 'medium', values: ['web'] }])).toEqual([
      [WEB_FORM, 2],
      [null, 1],
    ]);
  });

  it('lists and exports leads with source and the extra columns, filtered and sorted by them', async () => {
    const columns = ['lead_id', 'source', ORIGIN, R];
    const sort = [{ column: ORIGIN, desc: true }];
    const page = toRows(await db.query(explorerPageSql({ filter: [], pipeline, columns, extraColumns, sort, limit: 4, offset: 0 })));
    // Web "Form" (L1 L2 L6, ties by lead id) before Messe (L4 L5); the blank (L3) last.
    expect(page.map((r) => [r.lead_id, r[ORIGIN]])).toEqual([
      ['L1', WEB_FORM],
      ['L2', WEB_FORM],
      ['L6', WEB_FORM],
      ['L4', FAIR],
    ]);
    const filter: LeadFilter = [{ kind: 'values', dimension: 'source', values: ['organic_search'] }];
    expect(toRows(await db.query(explorerCountSql({ filter, pipeline })))).toEqual([{ n: 2 }]);
    const file = await exportLeads(db, { filter, pipeline, columns, extraColumns, sort }, csvSink(columns));
    const parsed = Papa.parse<string[]>(await file.text(), { skipEmptyLines: true }).data;
    expect(parsed).toEqual([
      ['Lead ID', 'Source Detail', ORIGIN, R],
      ['L1', 'organic_search', WEB_FORM, 'x'],
      ['L3', 'organic_search', '', 'y'],
    ]);
    // A name lead_facts does not have never reaches SQL.
    expect(() => explorerPageSql({ filter: [], pipeline, columns: ['lead_id', 'Lead "Origin", 3'], extraColumns, sort: [], limit: 1, offset: 0 })).toThrow(/Unknown lead column/);
  });
});
