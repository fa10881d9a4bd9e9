import { describe, expect, it } from 'vitest';
import { bubbleOption } from '../../../src/ui/charts/media/bubbleOption';
import { shareOption } from '../../../src/ui/charts/media/shareOption';

const labels = { money: (n: number) => `€${n}`, percent: (n: number) => `${(n * 100).toFixed(1)}%`, x: 'Cost per lead', y: 'Lead → won', revenue: 'Revenue' };
type Series = { data: { value: number[]; symbolSize: number; label: { formatter: string }; itemStyle: { opacity: number } }[] };

describe('media charts', () => {
  it('places bubbles at cost per lead and lead → won, their area in proportion to revenue', () => {
    const option = bubbleOption(
      [
        { key: 'web', label: 'Web', costPerLead: 67, wonRate: 0.032, revenue: 400, selected: false },
        { key: 'event', label: 'Event', costPerLead: 631, wonRate: 0.078, revenue: 100, selected: true },
      ],
      labels,
    );
    const [series] = option.series as Series[];
    expect(series!.data.map((d) => d.value)).toEqual([
      [67, 0.032, 400],
      [631, 0.078, 100],
    ]);
    // Area ∝ revenue: a quarter of the revenue, half the diameter.
    expect(series!.data[1]!.symbolSize / series!.data[0]!.symbolSize).toBeCloseTo(0.5, 12);
    // Something selected: the others fade.
    expect(series!.data[0]!.itemStyle.opacity).toBeLessThan(series!.data[1]!.itemStyle.opacity);
  });

  it('escapes imported names in the tooltip and keeps them out of ECharts templates', () => {
    const option = bubbleOption([{ key: 'x', label: '<img src=x onerror=alert(1)>{b}', costPerLead: 1, wonRate: 0.1, revenue: 1, selected: false }], labels);
    const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter({ dataIndex: 0 });
    expect(tooltip).not.toContain('<img');
    expect(tooltip).toContain('&lt;img');
    expect((option.series as Series[])[0]!.data[0]!.label.formatter).not.toMatch(/[{}]/);
    const share = shareOption([{ key: 'x', label: '<b>x</b>', leads: 0.5, revenue: 0.25 }], { percent: (n) => `${n}`, leads: 'Leads', revenue: 'Revenue' });
    expect((share.tooltip as { formatter: (p: unknown) => string }).formatter([{ dataIndex: 0 }])).toContain('&lt;b&gt;');
  });
});

describe('the monthly chart', () => {
  it('draws revenue as bars and cost as a line, a month without figures as a gap, and escapes its tooltip', async () => {
    const { monthlyOption } = await import('../../../src/ui/charts/media/monthlyOption');
    const option = monthlyOption(
      [
        { month: '2026-01', leads: 3, revenue: 100, cost: 20 },
        { month: '2026-02', leads: 0, revenue: null, cost: null },
      ],
      { month: (m) => `<${m}>`, money: (n) => `€${n}`, count: String, revenue: 'Revenue', cost: 'Cost', leads: 'Leads' },
    ) as { series: { type: string; data: (number | null)[] }[]; tooltip: { formatter: (p: unknown) => string } };
    expect(option.series.map((s) => [s.type, s.data])).toEqual([
      ['bar', [100, null]],
      ['line', [20, null]],
    ]);
    expect(option.tooltip.formatter([{ dataIndex: 0 }])).toContain('&lt;2026-01&gt;');
  });
});
