import { describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../../src/state/period';

describe('period presets', () => {
  const today = '2026-11-27';
  it.each([
    ['this_quarter', '2026-10-01', '2026-12-31'],
    ['last_quarter', '2026-07-01', '2026-09-30'],
    ['year_to_date', '2026-01-01', '2026-11-27'],
    ['last_12_months', '2025-12-01', '2026-11-30'],
  ] as const)('%s on %s', (preset, from, to) => {
    expect(resolvePeriod({ preset }, today)).toEqual({ from, to });
  });

  it('crosses the year in January', () => {
    expect(resolvePeriod({ preset: 'last_quarter' }, '2026-01-15')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(resolvePeriod({ preset: 'last_12_months' }, '2026-01-15')).toEqual({ from: '2025-02-01', to: '2026-01-31' });
  });
});
