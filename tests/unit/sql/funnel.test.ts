import { describe, expect, it } from 'vitest';
import type { LeadFilter } from '../../../src/domain/leadFilter';
import { DEFAULT_PIPELINE } from '../../../src/domain/pipeline';
import { cohortSql, funnelStagesSql, lagHistogramSql, splitFunnelSql, trendSql, velocitySql } from '../../../src/sql/funnel';
import { createFunnelCubeSql, createLagCubeSql, lagSpans } from '../../../src/sql/funnelCube';

const created = (from: string, to: string): LeadFilter => [{ kind: 'created', range: { from, to } }];

describe('funnel SQL builders', () => {
  const filters: LeadFilter[] = [
    [],
    [{ kind: 'values', dimension: 'owner', values: ["O'Brien", '"x"', null] }, ...created('2025-01-01', '2025-01-31')],
    [{ kind: 'values', dimension: 'region', values: ["'; DROP TABLE leads; --"] }, { kind: 'reached', stage: 'mql' }],
  ];

  it('bind every value: as many placeholders as params, no value in the text', () => {
    for (const filter of filters) {
      const o = { pipeline: DEFAULT_PIPELINE, filter };
      for (const q of [funnelStagesSql(o), splitFunnelSql(o, 'owner'), cohortSql(o), trendSql(o, 'medium'), velocitySql(o), lagHistogramSql(o)]) {
        expect(q.sql.split('?').length - 1).toBe(q.params.length);
        expect(q.sql).not.toContain("O'Brien");
        expect(q.sql).not.toContain('DROP');
      }
    }
    for (const q of [createFunnelCubeSql(DEFAULT_PIPELINE), createLagCubeSql(DEFAULT_PIPELINE)]) expect(q.sql.split('?').length - 1).toBe(q.params.length);
  });

  it('split and trend by source or an extra column: quoted once by its header, values bound', () => {
    const filter: LeadFilter = [{ kind: 'values', dimension: 'x:Lead "Origin", 2', values: ["O'Brien"] }, { kind: 'values', dimension: 'source', values: ['organic_search'] }];
    const o = { pipeline: DEFAULT_PIPELINE, filter };
    for (const dimension of ['source', 'x:Lead "Origin", 2', 'x:R'] as const) {
      for (const q of [splitFunnelSql(o, dimension), trendSql(o, dimension)]) {
        expect(q.sql.split('?').length - 1).toBe(q.params.length);
        expect(q.params.slice(-2)).toEqual(["O'Brien", 'organic_search']);
        expect(q.sql).not.toContain("O'Brien");
        expect(q.sql).toContain('split_value');
      }
    }
    const split = splitFunnelSql(o, 'x:Lead "Origin", 2').sql;
    expect(split).toContain('"Lead ""Origin"", 2" AS split_value');
    expect(split).toMatch(/GROUP BY split_value ORDER BY leads DESC, value NULLS LAST$/);
    // Without a split, the per-lead rows carry no split column.
    expect(funnelStagesSql(o).sql).not.toContain('split_value');
  });

  it('measures created → every dated stage and each consecutive transition once', () => {
    expect(lagSpans(DEFAULT_PIPELINE)).toEqual([
      { from: 0, to: 1 },
      { from: 0, to: 2 },
      { from: 0, to: 3 },
      { from: 0, to: 4 },
      { from: 1, to: 2 },
      { from: 2, to: 3 },
      { from: 3, to: 4 },
    ]);
    // A stage without a date breaks the chain around it; the success stage is dated by closed_at.
    expect(lagSpans({ stages: ['lead', 'mql', 'demo', 'won'], terminal: ['lost'], stampColumn: { mql: 'mql_at' } })).toEqual([
      { from: 0, to: 1 },
      { from: 0, to: 3 },
    ]);
  });
});
