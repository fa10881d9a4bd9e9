import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/ui/charts/escapeHtml';
import { leadsByMonthOption, orderMedia } from '../../../src/ui/charts/leadsByMonthOption';
import { seriesColor } from '../../../src/ui/charts/chartStyle';
import { labelInterval } from '../../../src/ui/charts/labelInterval';
import { rateScaleEnd } from '../../../src/ui/charts/rateScale';
import { cellColours, shareColor } from '../../../src/ui/charts/shareColor';
import { lagLabelInterval, lagOption } from '../../../src/ui/charts/funnel/lagOption';
import { hasLonePoint, trendOption } from '../../../src/ui/charts/funnel/trendOption';

const trendLabels = { month: (m: string) => m, percent: (p: number | null) => String(p), immature: 'immature' };
const labels = { month: (m: string) => `M${m}`, medium: (m: string) => m, count: (n: number) => String(n) };

describe('leads by month chart', () => {
  it('orders standard media by qualification depth, then others alphabetically', () => {
    expect(orderMedia(['web', 'Zeta', 'telemarketing', 'ad', 'Alpha', 'web'])).toEqual(['telemarketing', 'web', 'ad', 'Alpha', 'Zeta']);
  });

  it('fills missing month × medium cells with 0 and stacks all series', () => {
    const option = leadsByMonthOption(
      [
        { month: '2025-02', medium: 'web', leads: 3 },
        { month: '2025-01', medium: 'ad', leads: 2 },
      ],
      labels,
    ) as { xAxis: { data: string[] }; series: { name: string; data: number[]; stack: string }[] };
    expect(option.xAxis.data).toEqual(['2025-01', '2025-02']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['web', [0, 3]],
      ['ad', [2, 0]],
    ]);
    expect(new Set(option.series.map((s) => s.stack)).size).toBe(1);
  });

  it('is drawn at once, without an entry animation, as every other chart', () => {
    const option = leadsByMonthOption([{ month: '2025-01', medium: 'web', leads: 1 }], labels) as { animation?: boolean; stateAnimation?: { duration: number } };
    expect(option.animation).toBe(false);
    expect(option.stateAnimation?.duration).toBe(0);
  });

  it('escapes imported medium names in the tooltip', () => {
    const option = leadsByMonthOption([{ month: '2025-01', medium: '<img src=x onerror=alert(1)>', leads: 1 }], labels) as {
      tooltip: { formatter: (p: unknown) => string };
    };
    const html = option.tooltip.formatter([{ axisValue: '2025-01', seriesName: '<img src=x onerror=alert(1)>', value: 1, marker: '' }]);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('escapeHtml covers all markup characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('cohort heatmap colours', () => {
  it('runs from the lightest blue at share 0 to the strongest at 1, clamped', () => {
    expect(shareColor(0)).toBe('rgb(242, 246, 253)');
    expect(shareColor(1)).toBe('rgb(31, 111, 235)');
    expect(shareColor(0.5)).toBe('rgb(137, 179, 244)');
    expect(shareColor(-1)).toBe(shareColor(0));
    expect(shareColor(3)).toBe(shareColor(1));
  });

  it('writes every share on its cell at 4.5:1 or more (WCAG AA), immature (washed-out) cells included', () => {
    // WCAG 2's contrast ratio, computed here from the colours' hex digits.
    const channels = (colour: string) => (colour.startsWith('#') ? [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2).padEnd(2, colour[i]!), 16)) : (colour.match(/\d+/g) ?? []).map(Number));
    const lum = (colour: string) => {
      const [r, g, b] = channels(colour === '#fff' ? '#ffffff' : colour === '#000' ? '#000000' : colour).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const ratio = (a: string, b: string) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
    for (let i = 0; i <= 100; i++) {
      for (const immature of [false, true]) {
        const { background, text } = cellColours(i / 100, immature);
        expect(ratio(background, text), `share ${i / 100}${immature ? ' immature' : ''}`).toBeGreaterThanOrEqual(4.5);
      }
    }
    expect(cellColours(0.3, false).background).toBe(shareColor(0.3));
    expect(cellColours(1, false).text).toBe('#fff');
    expect(cellColours(1, true).background).toBe('rgb(154, 190, 246)'); // 55 % of the way to white
  });

  it('gives every month label while they fit, then every second or third', () => {
    expect([1, 36, 37, 72, 73].map((months) => labelInterval(months, 36))).toEqual([0, 0, 1, 1, 2]);
  });
});

describe('rate bars side by side', () => {
  it('fill their track at the highest rate or interval end, rounded up to 5 points', () => {
    expect(rateScaleEnd([0.121, 0.14, null, 0.03])).toBeCloseTo(0.15);
    expect(rateScaleEnd([0.15])).toBeCloseTo(0.15);
    expect(rateScaleEnd([0.151])).toBeCloseTo(0.2);
  });

  it('end at 100 % at most, and at 5 % when every rate is 0 or unknown', () => {
    expect(rateScaleEnd([0.97, 1])).toBe(1);
    expect(rateScaleEnd([0, null])).toBeCloseTo(0.05);
    expect(rateScaleEnd([])).toBeCloseTo(0.05);
  });
});

describe('conversion trend areas', () => {
  const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05'];
  const areas = (selected: readonly [string, string] | null, firstImmature: string | null = null) => {
    const option = trendOption(months, [{ name: 'Web', rates: [0.1, 0.2, 0.3, 0.4, 0.5] }], firstImmature, selected, trendLabels) as { series: { markArea: { data: [{ xAxis: number; name?: string }, { xAxis: number }][] } }[] };
    return option.series[0]!.markArea.data.map(([from, to]) => [from.xAxis, to.xAxis, from.name ?? null]);
  };

  it('spans whole months, so one month selected is a band of one month', () => {
    expect(areas(['2025-03', '2025-03'])).toEqual([[1.5, 2.5, null]]);
    expect(areas(['2025-02', '2025-04'])).toEqual([[0.5, 3.5, null]]);
  });

  it('keeps the months of a selection that are on the axis, and draws none when no month is', () => {
    expect(areas(['2024-11', '2025-02'])).toEqual([[-0.5, 1.5, null]]);
    expect(areas(['2026-01', '2026-03'])).toEqual([]);
  });

  it('shades from the first immature month to the last, named', () => {
    expect(areas(null, '2025-04')).toEqual([[2.5, 4.5, 'immature']]);
  });
});

describe('redraw shortcuts of the Funnel charts', () => {
  it('gives the trend and lag charts tooltips that jump rather than glide (no layout per frame while one moves)', () => {
    const trend = trendOption(['2026-01'], [{ name: 'Web', rates: [0.1] }], null, null, trendLabels) as { tooltip: { transitionDuration?: number } };
    const lag = lagOption([{ from: 0, to: 6, count: 3 }], { days: String, count: String, axis: 'days' }) as { tooltip: { transitionDuration?: number } };
    expect([trend.tooltip.transitionDuration, lag.tooltip.transitionDuration]).toEqual([0, 0]);
  });

  it('draws trend points only on lines with a month standing alone between gaps', () => {
    expect(hasLonePoint([0.1, 0.2, null, 0.3, 0.4])).toBe(false);
    expect(hasLonePoint([0.1, null, 0.3, null])).toBe(true);
    expect(hasLonePoint([0.3])).toBe(true);
    expect(hasLonePoint([null, null])).toBe(false);
    const option = trendOption(['2026-01', '2026-02', '2026-03'], [{ name: 'Web', rates: [0.1, 0.2, 0.3] }, { name: 'Fair', rates: [null, 0.5, null] }], null, null, trendLabels) as { series: { showSymbol: boolean }[] };
    expect(option.series.map((s) => s.showSymbol)).toEqual([false, true]);
  });

  it('keeps a hidden trend line in the option, unselected, so lines keep their index and colour', () => {
    const series = [{ name: 'Web', rates: [0.1] }, { name: 'Fair', rates: [0.5] }];
    const option = trendOption(['2026-01'], series, null, null, trendLabels, new Set(['Web'])) as { color: string[]; legend: { show: boolean; selected: Record<string, boolean> }; series: { name: string }[] };
    expect(option.series.map((s) => s.name)).toEqual(['Web', 'Fair']);
    expect(option.legend).toEqual({ show: false, selected: { Web: false, Fair: true } });
    expect(option.color.slice(0, 2)).toEqual([seriesColor(0), seriesColor(1)]);
  });

  it('labels at most 12 bars of the lag distribution, evenly spaced', () => {
    for (const bins of [1, 12, 13, 52, 200]) {
      const interval = lagLabelInterval(bins);
      expect(Math.ceil(bins / (interval + 1))).toBeLessThanOrEqual(12);
      expect(interval === 0 || Math.ceil(bins / interval) > 12).toBe(true);
    }
    expect(lagLabelInterval(12)).toBe(0);
  });
});
