import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE } from '../../../src/domain/pipeline';
import { last12Months, NO_MEDIUM, NO_PLANNING_ROWS, planningHistoryFromRows } from '../../../src/domain/planning/historyFromRows';

describe('planningHistoryFromRows', () => {
  it('the last 12 months cross the year boundary, oldest first', () => {
    expect(last12Months('2026-02-15')).toEqual([
      '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02',
    ]);
  });

  it('no rows: an empty history', () => {
    expect(planningHistoryFromRows(DEFAULT_PIPELINE, NO_PLANNING_ROWS)).toEqual({
      asOf: null,
      maturityDays: null,
      matureMonths: [],
      currency: null,
      segments: [],
      targets: [],
      campaigns: [],
      openPipeline: [],
      actuals: [],
    });
  });

  it('reads bigints as numbers, sums mature cohorts only, names a missing medium (none), keeps unknown amounts out', () => {
    const history = planningHistoryFromRows(DEFAULT_PIPELINE, {
      ...NO_PLANNING_ROWS,
      // Won lags 10 and 20 days: p90 = 19; as of 2025-03-31, Jan (59 days) and Feb (31) are mature, Mar (0) is not.
      lagHistogram: [
        { as_of: '2025-03-31', days: 10n, leads: 1n, all_leads: 1n },
        { as_of: '2025-03-31', days: 20n, leads: 1n, all_leads: 1n },
      ],
      cohorts: [
        { month: '2025-01', medium: null, sales_unit: 'Nord', leads: 3n, reached_1: 2n, reached_2: 1n, reached_3: 1n, reached_4: 1n },
        { month: '2025-02', medium: null, sales_unit: 'Nord', leads: 2n, reached_1: 2n, reached_2: 2n, reached_3: 1n, reached_4: 0n },
        { month: '2025-03', medium: null, sales_unit: 'Nord', leads: 5n, reached_1: 5n, reached_2: 5n, reached_3: 5n, reached_4: 5n },
        { month: null, medium: null, sales_unit: 'Nord', leads: 7n, reached_1: 7n, reached_2: 7n, reached_3: 7n, reached_4: 7n },
      ],
      lags: [
        { medium: null, sales_unit: 'Nord', days: 20n, leads: 1n },
        { medium: null, sales_unit: 'Nord', days: 10n, leads: 1n },
      ],
      wonAmounts: [
        { medium: null, sales_unit: 'Nord', amount: 300, leads: 2n },
        { medium: null, sales_unit: 'Nord', amount: 100, leads: 1n },
        { medium: null, sales_unit: 'Nord', amount: null, leads: 4n },
      ],
      kpis: { currencies: 2n, currency: 'EUR' },
    });
    expect(history.maturityDays).toBe(19);
    expect(history.matureMonths).toEqual(['2025-01', '2025-02']);
    expect(history.currency).toBeNull(); // two currencies: none is "the" currency
    expect(history.segments).toHaveLength(1);
    const [segment] = history.segments;
    expect(segment).toMatchObject({ medium: NO_MEDIUM, unit: 'Nord', leads: 5 });
    expect(segment!.steps).toEqual([
      { trials: 5, successes: 4 },
      { trials: 4, successes: 3 },
      { trials: 3, successes: 2 },
      { trials: 2, successes: 1 },
    ]);
    expect(segment!.lagDays).toEqual([{ value: 10, count: 1 }, { value: 20, count: 1 }]);
    expect(segment!.wonAmounts).toEqual([100, 300, 300]);
    expect(segment!.leadsLast12Months['2025-03']).toBe(5);
    expect(segment!.leadsLast12Months['2024-04']).toBe(0);
    expect(Object.keys(segment!.leadsLast12Months)).toHaveLength(12);
  });
});
