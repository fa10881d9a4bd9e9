import { describe, expect, it } from 'vitest';
import { daysBetween, quantile, wilson95 } from '../../support/handStats';

/** The tests' own statistics against published values, so a check of the app against them means something. */
describe('the hand-written statistics of the tests', () => {
  it('gives the Wilson intervals of the textbooks (Newcombe 1998, table I: 81/263, 15/148, 0/20, 1/29)', () => {
    for (const [k, n, low, high] of [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ] as const) {
      const { low: l, high: h } = wilson95(k, n);
      expect(l).toBeCloseTo(low, 4);
      expect(h).toBeCloseTo(high, 4);
    }
  });

  it('interpolates quantiles between order statistics (quantile_cont, R type 7)', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.8)).toBeCloseTo(3.4, 12);
    expect(quantile([7], 0.8)).toBe(7);
  });

  it('counts calendar days, also across a change to summer time', () => {
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(daysBetween('2024-12-31', '2025-01-01')).toBe(1);
  });
});
