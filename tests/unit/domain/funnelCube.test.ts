import { describe, expect, it } from 'vitest';
import { cubeCovers } from '../../../src/domain/funnelCube';
import type { LeadFilter } from '../../../src/domain/leadFilter';

const created = (from: string, to: string): LeadFilter => [{ kind: 'created', range: { from, to } }];

describe('cubeCovers', () => {
  it('covers created ranges only at month boundaries', () => {
    expect(cubeCovers(created('2025-01-01', '2025-03-31'))).toBe(true);
    expect(cubeCovers(created('2024-02-01', '2024-02-29'))).toBe(true); // leap February
    expect(cubeCovers(created('2025-02-01', '2025-02-28'))).toBe(true);
    expect(cubeCovers(created('2025-01-02', '2025-03-31'))).toBe(false);
    expect(cubeCovers(created('2025-01-01', '2025-03-30'))).toBe(false);
    expect(cubeCovers(created('2024-02-01', '2024-02-28'))).toBe(false); // one day short in a leap year
    expect(cubeCovers(created('2025-01-01', 'soon'))).toBe(false);
  });

  it('covers values of the cube dimensions and reached stages, nothing else', () => {
    expect(cubeCovers([{ kind: 'values', dimension: 'owner', values: ["O'Brien", null] }, { kind: 'reached', stage: 'sql' }])).toBe(true);
    expect(cubeCovers([{ kind: 'values', dimension: 'region', values: ['Bayern'] }])).toBe(false);
    expect(cubeCovers([{ kind: 'values', dimension: 'campaign_id', values: ['C1'] }])).toBe(false);
    expect(cubeCovers([], 'channel')).toBe(true);
    expect(cubeCovers([], 'region')).toBe(false);
  });

  it('covers owner for velocity too: every lag level keeps the month and r', () => {
    expect(cubeCovers([{ kind: 'values', dimension: 'owner', values: ['Anna'] }, { kind: 'reached', stage: 'won' }])).toBe(true);
  });
});
