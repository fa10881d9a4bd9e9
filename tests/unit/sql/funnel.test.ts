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
