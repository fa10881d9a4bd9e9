import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE, hasReached, reachedIndex } from '../../../src/domain/pipeline';

const P = DEFAULT_PIPELINE;

describe('reached stage rule', () => {
  it('counts the current stage and every earlier one', () => {
    expect(reachedIndex(P, 'sql', {})).toBe(2);
    expect(hasReached(P, 'mql', 'sql', {})).toBe(true);
    expect(hasReached(P, 'opportunity', 'sql', {})).toBe(false);
  });

  it('lets timestamps prove stages beyond the current stage', () => {
    expect(reachedIndex(P, 'lead', { opportunity_at: '2025-01-01' })).toBe(3);
  });

  it('gives lost and disqualified leads only what their timestamps prove', () => {
    expect(reachedIndex(P, 'lost', { mql_at: '2025-01-01', sql_at: '2025-01-02' })).toBe(2);
    expect(reachedIndex(P, 'disqualified', {})).toBe(0);
    expect(reachedIndex(P, 'lost', { sql_at: '' })).toBe(0);
  });

  it('treats unknown or missing stages as the entry stage', () => {
    expect(reachedIndex(P, 'something else', {})).toBe(0);
    expect(reachedIndex(P, null, { mql_at: 1 })).toBe(1);
  });

  it('refuses a target outside the pipeline', () => {
    expect(() => hasReached(P, 'lost', 'won', {})).toThrow(/not in the pipeline/);
  });
});
