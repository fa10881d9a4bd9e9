import { describe, expect, it } from 'vitest';
import { addMonths, monthsBetween, monthsOfYear, periodMonths } from '../../../../src/domain/planning/calendar';
import { DAYS_PER_MONTH, lagMonthProbabilities } from '../../../../src/domain/planning/lag';

describe('calendar', () => {
  it('adds months across year ends', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthsOfYear(2026)).toHaveLength(12);
  });

  it('reads months and quarters of the targets table, and nothing else', () => {
    expect(periodMonths('2026-05')).toEqual(['2026-05']);
    expect(periodMonths('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(periodMonths('2026-13')).toBeNull();
    expect(periodMonths('H1 2026')).toBeNull();
  });

  it('lists the months from a start date to an end date', () => {
    expect(monthsBetween('2026-11-15', '2027-01-02')).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(monthsBetween('2026-03-01', '2026-02-01')).toEqual([]);
  });
});

describe('lagMonthProbabilities', () => {
  it('keeps a same-day win in the lead’s month and moves a one-month lag to the next', () => {
    expect(lagMonthProbabilities([{ value: 0, count: 5 }])).toEqual([1]);
    expect(lagMonthProbabilities([{ value: DAYS_PER_MONTH, count: 5 }])).toEqual([0, 1]);
  });

  it('splits a fractional lag over two months by the uniform position of the lead in its month', () => {
    // Half a month: leads of the first half stay, of the second half move on.
    expect(lagMonthProbabilities([{ value: DAYS_PER_MONTH / 2, count: 2 }])).toEqual([0.5, 0.5]);
    // A quarter of the wins take 3.25 months: 0.75 → month 3, 0.25 → month 4.
    expect(lagMonthProbabilities([{ value: 0, count: 3 }, { value: 3.25 * DAYS_PER_MONTH, count: 1 }])).toEqual([0.75, 0, 0, 0.1875, 0.0625]);
  });

  it('folds lags beyond the last offset into it, and has "same month" without data', () => {
    expect(lagMonthProbabilities([{ value: 10 * DAYS_PER_MONTH, count: 1 }], 2)).toEqual([0, 0, 1]);
    expect(lagMonthProbabilities([])).toEqual([1]);
  });
});
