import { describe, expect, it } from 'vitest';
import {
  funnelCountsFromRow,
  funnelStages,
  isMature,
  lagDistributionFromRows,
  matureCohorts,
  notSignificant,
  quantileFromHistogram,
  velocityFromHistograms,
} from '../../../src/domain/funnel';
import { DEFAULT_PIPELINE, type Pipeline } from '../../../src/domain/pipeline';

const TWO_STAGES: Pipeline = { stages: ['lead', 'won'], terminal: ['lost'], stampColumn: {} };

describe('funnelStages', () => {
  // Published 95 % Wilson score intervals: Newcombe (1998), "Two-sided confidence intervals for the
  // single proportion: comparison of seven methods", Statistics in Medicine 17:857–872, Table I,
  // method 3 (score interval without continuity correction).
  it.each([
    [263, 81, 0.2553, 0.3662],
    [148, 15, 0.0624, 0.1605],
    [20, 0, 0, 0.1611],
    [29, 1, 0.0061, 0.1718],
  ])('of %i leads %i won: conversion and cumulative interval as published', (leads, won, low, high) => {
    const [, wonRow] = funnelStages(TWO_STAGES, { leads, reached: [leads, won], ended: [[0, 0]] });
    for (const r of [wonRow?.conversion, wonRow?.cumulative]) {
      expect(r?.value).toBe(won / leads);
      expect(r?.interval?.low).toBeCloseTo(low, 4);
      expect(r?.interval?.high).toBeCloseTo(high, 4);
    }
  });

  it('gives the first stage 100 % of the leads by definition, without an interval', () => {
    const [first] = funnelStages(TWO_STAGES, { leads: 50, reached: [50, 5], ended: [[0, 0]] });
    expect(first?.cumulative).toEqual({ value: 1, interval: null });
    expect(funnelStages(TWO_STAGES, { leads: 0, reached: [0, 0], ended: [[0, 0]] })[0]?.cumulative).toEqual({ value: null, interval: null });
  });

  it('computes stage-to-stage and cumulative conversion, drop-off and how the drop-off ended', () => {
    // 100 leads; 40 reached mql, 10 sql, 5 opportunity, 2 won. Of the 60 who stopped at lead,
    // 15 are lost and 25 disqualified; and so on per stage.
    const rows = funnelStages(DEFAULT_PIPELINE, {
      leads: 100,
      reached: [100, 40, 10, 5, 2],
      ended: [
        [15, 10, 2, 3, 0], // lost, by furthest stage
        [25, 5, 1, 0, 0], // disqualified
      ],
    });
    expect(rows.map((r) => r.stage)).toEqual(['lead', 'mql', 'sql', 'opportunity', 'won']);
    expect(rows.map((r) => r.reached)).toEqual([100, 40, 10, 5, 2]);
    expect(rows.map((r) => r.conversion.value)).toEqual([null, 0.4, 0.25, 0.5, 0.4]);
    expect(rows.map((r) => r.cumulative.value)).toEqual([1, 0.4, 0.1, 0.05, 0.02]);
    expect(rows.map((r) => r.dropOff)).toEqual([60, 30, 5, 3, null]);
    expect(rows[0]?.endedAs).toEqual({ lost: 15, disqualified: 25 });
    // 60 − 15 − 25 = 20 still open at lead; 30 − 10 − 5 = 15 at mql; 5 − 2 − 1 = 2; 3 − 3 − 0 = 0.
    expect(rows.map((r) => r.stillOpen)).toEqual([20, 15, 2, 0, null]);
    expect(rows[0]?.conversion.interval).toBeNull();
    expect(rows[1]?.conversion.interval).toEqual(rows[1]?.cumulative.interval); // both 40 of 100
  });

  it('gives null rates, never NaN, when nobody is there to convert', () => {
    const rows = funnelStages(DEFAULT_PIPELINE, { leads: 0, reached: [0, 0, 0, 0, 0], ended: [[0, 0, 0, 0, 0], [0, 0, 0, 0, 0]] });
    for (const row of rows) {
      expect(row.conversion).toEqual({ value: null, interval: null });
      expect(row.cumulative).toEqual({ value: null, interval: null });
    }
    expect(rows.map((r) => r.dropOff)).toEqual([0, 0, 0, 0, null]);
    // A stage nobody reached after one somebody did: 0 % with an interval, the next stage null.
    const partial = funnelStages(DEFAULT_PIPELINE, { leads: 3, reached: [3, 1, 0, 0, 0], ended: [] });
    expect(partial[2]?.conversion.value).toBe(0);
    expect(partial[2]?.conversion.interval?.low).toBe(0);
    expect(partial[3]?.conversion).toEqual({ value: null, interval: null });
    expect(partial[3]?.cumulative.value).toBe(0);
  });
});

describe('funnelCountsFromRow', () => {
  it('reads the builders columns, missing or NULL counts as 0', () => {
    const counts = funnelCountsFromRow(DEFAULT_PIPELINE, { leads: 9, reached_1: 4, reached_2: 2, reached_3: null, ended_0_at_2: 1, ended_1_at_0: 3 });
    expect(counts).toEqual({
      leads: 9,
      reached: [9, 4, 2, 0, 0],
      ended: [
        [0, 0, 1, 0, 0],
        [3, 0, 0, 0, 0],
      ],
    });
  });
});

describe('notSignificant', () => {
  it('is true when the intervals overlap or touch, or one is missing', () => {
    expect(notSignificant({ low: 0.1, high: 0.3 }, { low: 0.25, high: 0.5 })).toBe(true);
    expect(notSignificant({ low: 0.25, high: 0.5 }, { low: 0.1, high: 0.3 })).toBe(true);
    expect(notSignificant({ low: 0.1, high: 0.3 }, { low: 0.3, high: 0.5 })).toBe(true);
    expect(notSignificant({ low: 0.1, high: 0.2 }, null)).toBe(true);
    expect(notSignificant(null, null)).toBe(true);
  });

  it('is false when they are apart', () => {
    expect(notSignificant({ low: 0.1, high: 0.2 }, { low: 0.21, high: 0.5 })).toBe(false);
    expect(notSignificant({ low: 0.6, high: 0.7 }, { low: 0.1, high: 0.5 })).toBe(false);
  });
});

describe('quantileFromHistogram', () => {
  // quantile_cont: position h = (n − 1)·q between the order statistics x[floor h] and x[ceil h].
  it('interpolates between order statistics like quantile_cont', () => {
    const oneEach = [1, 2, 3, 4].map((value) => ({ value, count: 1 }));
    expect(quantileFromHistogram(oneEach, 0.5)).toBe(2.5); // h = 1.5: 2 + 0.5·(3 − 2)
    expect(quantileFromHistogram(oneEach, 0.8)).toBeCloseTo(3.4, 12); // h = 2.4: 3 + 0.4·(4 − 3)
    // values 1, 1, 5, 10 given unsorted and with an empty bin
    const bins = [
      { value: 10, count: 1 },
      { value: 7, count: 0 },
      { value: 1, count: 2 },
      { value: 5, count: 1 },
    ];
    expect(quantileFromHistogram(bins, 0.5)).toBe(3); // h = 1.5: 1 + 0.5·(5 − 1)
    expect(quantileFromHistogram(bins, 0.9)).toBeCloseTo(8.5, 12); // h = 2.7: 5 + 0.7·(10 − 5)
    expect(quantileFromHistogram(bins, 0.25)).toBe(1); // h = 0.75 between two 1s
    expect(quantileFromHistogram(bins, 0)).toBe(1);
    expect(quantileFromHistogram(bins, 1)).toBe(10);
  });

  it('is null without values and refuses a q outside [0, 1]', () => {
    expect(quantileFromHistogram([], 0.5)).toBeNull();
    expect(quantileFromHistogram([{ value: 3, count: 0 }], 0.5)).toBeNull();
    expect(quantileFromHistogram([{ value: -2, count: 5 }], 0.8)).toBe(-2);
    expect(() => quantileFromHistogram([{ value: 1, count: 1 }], 1.5)).toThrow();
  });
});

describe('velocityFromHistograms', () => {
  it('summarises each span apart', () => {
    const v = velocityFromHistograms([
      { span_from: 0, span_to: 1, days: 2, leads: 1 },
      { span_from: 0, span_to: 1, days: 4, leads: 3 },
      { span_from: 1, span_to: 2, days: 10, leads: 1 },
    ]);
    // 0→1: 2, 4, 4, 4 → median h = 1.5 → 4; p80 h = 2.4 → 4. 1→2: one value.
    expect(v).toEqual([
      { from: 0, to: 1, n: 4, median: 4, p80: 4 },
      { from: 1, to: 2, n: 1, median: 10, p80: 10 },
    ]);
  });
});

describe('lagDistributionFromRows', () => {
  it('splits the filtered bins from the historical p90 and keeps the as-of date', () => {
    const d = lagDistributionFromRows([
      { as_of: '2025-06-30', days: 10, leads: 1, all_leads: 1 },
      { as_of: '2025-06-30', days: 20, leads: 0, all_leads: 8 },
      { as_of: '2025-06-30', days: 40, leads: 2, all_leads: 1 },
    ]);
    expect(d.bins).toEqual([
      { value: 10, count: 1 },
      { value: 40, count: 2 },
    ]);
    // all: 10, 20×8, 40 (n = 10): h = 9·0.9 = 8.1 → x8 = 20, x9 = 40 → 20 + 0.1·20 = 22
    expect(d.historicalP90).toBeCloseTo(22, 12);
    expect(d.asOf).toBe('2025-06-30');
  });

  it('has no p90 without won leads', () => {
    expect(lagDistributionFromRows([{ as_of: '2025-06-30', days: null, leads: 0, all_leads: 0 }])).toEqual({ bins: [], historicalP90: null, asOf: '2025-06-30' });
  });
});

describe('cohort maturity', () => {
  it('counts from the end of the month to the as-of date', () => {
    // 2025-01 ends on 2025-01-31; to 2025-03-01 that is 29 days.
    expect(isMature('2025-01', '2025-03-01', 29)).toBe(true);
    expect(isMature('2025-01', '2025-03-01', 29.5)).toBe(false);
    // Leap February ends on the 29th: 30 days to 2024-03-30.
    expect(isMature('2024-02', '2024-03-30', 30)).toBe(true);
    expect(isMature('2024-02', '2024-03-30', 31)).toBe(false);
    // December rolls into the next year: 2024-12-31 → 2025-01-10 is 10 days.
    expect(isMature('2024-12', '2025-01-10', 10)).toBe(true);
    // The month the data ends in is not mature after 0 days unless nothing needs waiting for.
    expect(isMature('2025-06', '2025-06-15', 0)).toBe(false);
  });

  it('calls nothing mature without a historical lag, and rejects malformed input', () => {
    expect(isMature('2020-01', '2025-01-01', null)).toBe(false);
    expect(() => isMature('2025-1', '2025-03-01', 1)).toThrow();
    expect(() => isMature('2025-01', '2025-02-30', 1)).toThrow();
  });

  it('keeps the mature months', () => {
    // as of 2025-04-15 with p90 = 40 days: 2025-02 ended 02-28 (46 days ago), 2025-03 ended 03-31 (15).
    expect(matureCohorts(['2025-01', '2025-02', '2025-03', '2025-04'], '2025-04-15', 40)).toEqual(['2025-01', '2025-02']);
  });
});
