import { type ChartOption, EVERY_LABEL, insetGrid, STILL } from '../echarts';
import { escapeHtml } from '../escapeHtml';

export interface SplitBar {
  readonly value: string | null;
  readonly label: string;
  readonly leads: number;
  readonly rate: number | null;
  readonly low: number | null;
  readonly high: number | null;
  /** Its interval overlaps the next better one's: the ranking between them is not significant. */
  readonly notSignificant: boolean;
}

export interface SplitLabels {
  readonly percent: (p: number | null) => string;
  readonly count: (n: number) => string;
  readonly rateName: string;
  readonly notSignificant: string;
  readonly hint: string;
}

/** The axis end: the highest interval end, rounded up to 5 percentage points (at most 100 %). */
function roundedMax(bars: readonly SplitBar[]): number {
  const highest = Math.max(0, ...bars.map((b) => b.high ?? b.rate ?? 0));
  return Math.min(1, Math.ceil((highest + 1e-9) / 0.05) * 0.05);
}

/**
 * One bar per value of the split dimension, best rate on top, with its 95 % interval as a whisker
 * (a custom series); bars whose interval overlaps the one above are lighter and say so. Pure.
 */
export function splitOption(bars: readonly SplitBar[], selected: readonly (string | null)[], labels: SplitLabels): ChartOption {
  const isSelected = (bar: SplitBar) => selected.length === 0 || selected.includes(bar.value);
  return {
    ...STILL,
    grid: insetGrid({ left: 140, right: 80, top: 8, bottom: 24 }),
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const bar = bars[(p as { dataIndex: number }).dataIndex];
        if (!bar) return '';
        const interval = bar.low !== null && bar.high !== null ? ` (${escapeHtml(labels.percent(bar.low))} – ${escapeHtml(labels.percent(bar.high))})` : '';
        const note = bar.notSignificant ? `<br/><em>${escapeHtml(labels.notSignificant)}</em>` : '';
        return `<strong>${escapeHtml(bar.label)}</strong><br/>${escapeHtml(labels.rateName)}: ${escapeHtml(labels.percent(bar.rate))}${interval}<br/>${escapeHtml(labels.count(bar.leads))}${note}<br/><small>${escapeHtml(labels.hint)}</small>`;
      },
    },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => labels.percent(v) }, max: roundedMax(bars) },
    yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.label), axisTick: { show: false }, axisLabel: { ...EVERY_LABEL, width: 130, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        barWidth: '58%',
        data: bars.map((bar) => ({
          value: bar.rate ?? 0,
          itemStyle: { color: isSelected(bar) ? (bar.notSignificant ? '#7ea6ea' : '#1f6feb') : '#d3def3' },
        })),
      },
      {
        type: 'custom',
        silent: true,
        tooltip: { show: false },
        // Dimension 0 is the bar, 1 and 2 the interval's ends: only those span the rate axis.
        encode: { x: [1, 2], y: 0 },
        data: bars.map((bar, i) => [i, bar.low ?? 0, bar.high ?? 0]),
        renderItem: (_params: unknown, api: { value: (i: number) => number; coord: (p: [number, number]) => [number, number]; size: (p: [number, number]) => [number, number] }) => {
          const [x0, y] = api.coord([api.value(1), api.value(0)]);
          const [x1] = api.coord([api.value(2), api.value(0)]);
          const half = api.size([0, 1])[1] * 0.18;
          const style = { stroke: '#1c2430', lineWidth: 1.2 };
          return {
            type: 'group',
            children: [
              { type: 'line', shape: { x1: x0, y1: y, x2: x1, y2: y }, style },
              { type: 'line', shape: { x1: x0, y1: y - half, x2: x0, y2: y + half }, style },
              { type: 'line', shape: { x1, y1: y - half, x2: x1, y2: y + half }, style },
            ],
          };
        },
      },
    ],
  };
}
