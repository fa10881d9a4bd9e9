import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE } from '../../../src/domain/pipeline';
import { everyMonth, monthsBetween } from '../../../src/domain/months';
import { leadsByMonthOption } from '../../../src/ui/charts/leadsByMonthOption';
import { cohortCells } from '../../../src/ui/pages/funnel/cohortFigures';
import { trendLines } from '../../../src/ui/pages/funnel/trendLines';

describe('every month of a monthly series', () => {
  it('lists the months between two, across a year, both included', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
    expect(monthsBetween('2026-03', '2026-02')).toEqual([]);
    expect(monthsBetween('2026-3', '2026-04')).toEqual([]);
  });

  it('fills the months a series lacks between its first and last', () => {
    expect(everyMonth(['2026-10', '2026-06', '2026-06'])).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(everyMonth([])).toEqual([]);
  });

  it('puts a month without leads on the Overview chart as 0 in every medium', () => {
    const option = leadsByMonthOption(
      [
        { month: '2026-06', medium: 'web', leads: 4 },
        { month: '2026-10', medium: 'web', leads: 1 },
        { month: '2026-10', medium: 'event', leads: 2 },
      ],
      { month: (m) => m, medium: (m) => m, count: String },
    ) as { xAxis: { data: string[] }; series: { name: string; data: number[] }[] };
    expect(option.xAxis.data).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(Object.fromEntries(option.series.map((s) => [s.name, s.data]))).toEqual({ web: [4, 0, 0, 0, 1], event: [0, 0, 0, 0, 2] });
  });

  it('keeps a month without leads on the trend: no rate there, the line breaks instead of joining its neighbours', () => {
    const rows = [
      { month: '2026-01', value: 'web', leads: 4, reached_1: 2, reached_2: 1 },
      { month: '2026-03', value: 'web', leads: 2, reached_1: 2, reached_2: 2 },
      { month: '2026-03', value: 'event', leads: 5, reached_1: 0, reached_2: 0 },
      { month: null, value: 'web', leads: 9, reached_1: 9, reached_2: 9 },
    ];
    const { months, lines } = trendLines(rows, DEFAULT_PIPELINE, 2, 1);
    expect(months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(lines).toEqual([
      { value: 'web', leads: 6, rates: [0.25, null, 1], counts: [4, 0, 2] },
      { value: 'event', leads: 5, rates: [null, null, 0], counts: [0, 0, 5] },
    ]);
  });

  it('shows no rate for a month with fewer leads than the threshold, and keeps its count', () => {
    const rows = [
      { month: '2026-01', value: 'web', leads: 19, reached_1: 19, reached_2: 19 },
      { month: '2026-02', value: 'web', leads: 20, reached_1: 10, reached_2: 5 },
    ];
    expect(trendLines(rows, DEFAULT_PIPELINE, 2).lines).toEqual([{ value: 'web', leads: 39, rates: [null, 0.25], counts: [19, 20] }]);
  });

  it('keeps a month without leads in the cohorts as a row of 0 leads', () => {
    const rows = [
      { month: '2026-01', leads: 4, reached_1: 2 },
      { month: '2026-03', leads: 2, reached_1: 1 },
    ];
    const { months, cells } = cohortCells(rows, DEFAULT_PIPELINE);
    expect(months).toEqual(['2026-01', '2026-02', '2026-03']);
    const february = cells.filter((c) => c.month === '2026-02');
    expect(february).toHaveLength(DEFAULT_PIPELINE.stages.length - 1);
    expect(february.every((c) => c.leads === 0 && c.count === 0 && c.share === null)).toBe(true);
    expect(cells.find((c) => c.month === '2026-01' && c.stageIndex === 0)).toMatchObject({ count: 2, leads: 4, share: 0.5 });
  });
});
