import { describe, expect, it } from 'vitest';
import { BELOW_COLOR, binOf, distributionOption, REACHED_COLOR } from '../../../../src/ui/charts/planning/distributionOption';
import { AFTER_COLOR, phasingOption } from '../../../../src/ui/charts/planning/phasingOption';
import { tornadoOption } from '../../../../src/ui/charts/planning/tornadoOption';

const EVIL = '<img src=x onerror=alert(1)>';
type Formatter = { tooltip: { formatter: (p: unknown) => string } };

describe('the Planning charts', () => {
  it('tornado: largest swing on top, imported medium names escaped in the tooltip', () => {
    const option = tornadoOption(
      [
        { label: EVIL, low: -50, high: 50 },
        { label: 'small', low: -5, high: 5 },
      ],
      { money: String, axisMoney: String, lower: 'lower', higher: 'higher' },
    ) as Formatter & { yAxis: { data: string[] }; series: { data: number[] }[] };
    // ECharts draws the first category at the bottom.
    expect(option.yAxis.data).toEqual(['small', EVIL]);
    expect(option.series.map((s) => s.data)).toEqual([
      [-5, -50],
      [5, 50],
    ]);
    const html = option.tooltip.formatter([{ dataIndex: 1, seriesName: 'higher', value: 50, marker: '' }]);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
  });

  it('revenue by month: a grey last bar for after the plan year, the target as a line, escaped tooltip', () => {
    const option = phasingOption(['2026-01', '2026-02'], [10, 20], 5, [12, 12], {
      month: (m) => m,
      monthOnly: (m) => m.slice(5),
      money: String,
      axisMoney: String,
      after: 'after 2026',
      revenue: EVIL,
      target: 'Target',
    }) as Formatter & { series: { data: unknown[] }[] };
    expect(option.series[0]!.data).toEqual([{ value: 10 }, { value: 20 }, { value: 5, itemStyle: { color: AFTER_COLOR } }]);
    expect(option.series[1]!.data).toEqual([12, 12, null]);
    const html = option.tooltip.formatter([{ dataIndex: 2, seriesName: EVIL, value: 5, marker: '' }]);
    expect(html).toContain('after 2026');
    expect(html).not.toContain('<img');
  });

  it('distribution: bins below the target orange, reaching it blue, the line at the target’s bin', () => {
    const bins = [
      { from: 0, to: 10, count: 1 },
      { from: 10, to: 20, count: 2 },
      { from: 20, to: 30, count: 3 },
    ];
    expect(binOf(bins, 15)).toBe(1);
    expect(binOf(bins, 30)).toBe(2);
    expect(binOf(bins, 31)).toBe(-1);
    const option = distributionOption(bins, 15, 6, { money: String, axisMoney: String, runs: (n) => `${n} runs`, target: 'Target', below: 'below', reached: 'reached' }) as {
      series: { data: { itemStyle: { color: string } }[]; markLine: { data: { xAxis: number }[] } }[];
    };
    expect(option.series[0]!.data.map((d) => d.itemStyle.color)).toEqual([BELOW_COLOR, BELOW_COLOR, REACHED_COLOR]);
    expect(option.series[0]!.markLine.data).toEqual([{ xAxis: 1 }]);
  });
});
