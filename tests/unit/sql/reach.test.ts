import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE } from '../../../src/domain/pipeline';
import { reachedIndexSql } from '../../../src/sql/reach';
import { funnelKpisSql } from '../../../src/sql/overview';

describe('SQL builders', () => {
  it('bind stage names instead of pasting them', () => {
    const q = reachedIndexSql({ ...DEFAULT_PIPELINE, stages: ["lead'; DROP TABLE leads; --", 'won'] });
    expect(q.sql).not.toContain('DROP');
    expect(q.params).toEqual(["lead'; DROP TABLE leads; --", 'won']);
    expect(q.sql.split('?').length - 1).toBe(q.params.length);
  });

  it('checks timestamps from the furthest stage back', () => {
    const q = reachedIndexSql(DEFAULT_PIPELINE);
    expect(q.sql.indexOf('"opportunity_at"')).toBeLessThan(q.sql.indexOf('"mql_at"'));
  });

  it('has as many placeholders as params, grouped or not', () => {
    for (const groupByMedium of [true, false]) {
      const q = funnelKpisSql({ pipeline: DEFAULT_PIPELINE, groupByMedium });
      expect(q.sql.split('?').length - 1).toBe(q.params.length);
      expect(q.sql).toContain('lead_facts');
    }
  });
});
