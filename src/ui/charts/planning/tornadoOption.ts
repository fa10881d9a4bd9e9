import { type ChartOption, insetGrid, JUMPING_TOOLTIP, STILL } from '../chartStyle';
import { escapeHtml } from '../escapeHtml';

export interface TornadoBar {
  /** The input's name as shown (a medium's name may come from an import: escaped in the tooltip). */
  readonly label: string;
  /** Change of expected revenue with the input lowered and raised. */
  readonly low: number;
  readonly high: number;
}

export interface TornadoLabels {
  readonly money: (value: number) => string;
  readonly axisMoney: (value: number) => string;
  readonly lower: string;
  readonly higher: string;
}

/**
 * Sensitivity as a tornado: one row per input, largest swing on top; bars from 0 to the change of
 * expected revenue with the input lowered (left) and raised (right). Pure.
 */
export function tornadoOption(bars: readonly TornadoBar[], labels: TornadoLabels): ChartOption {
  // ECharts draws the first category at the bottom: reversed so the largest swing is on top.
  const rows = [...bars].reverse();
  return {
    ...STILL,
    grid: insetGrid({ left: 178, right: 16, top: 24, bottom: 28 }),
    legend: { top: 0, data: [labels.lower, labels.higher] },
    tooltip: {
      ...JUMPING_TOOLTIP,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const items = (Array.isArray(params) ? params : [params]) as { dataIndex: number; seriesName: string; value: number; marker: string }[];
        const bar = rows[items[0]?.dataIndex ?? 0];
        if (!bar) return '';
        return [`<strong>${escapeHtml(bar.label)}</strong>`, ...items.map((p) => `${p.marker}${escapeHtml(p.seriesName)}: ${escapeHtml(labels.money(p.value))}`)].join('<br/>');
      },
    },
    xAxis: { type: 'value', splitNumber: 4, axisLabel: { hideOverlap: true, formatter: (v: number) => labels.axisMoney(v) } },
    yAxis: { type: 'category', data: rows.map((b) => b.label), axisLabel: { width: 170, overflow: 'truncate' }, axisTick: { show: false } },
    series: [
      { type: 'bar', name: labels.lower, stack: 'swing', data: rows.map((b) => b.low), itemStyle: { color: '#e8590c' }, barCategoryGap: '30%' },
      { type: 'bar', name: labels.higher, stack: 'swing', data: rows.map((b) => b.high), itemStyle: { color: '#2f9e44' } },
    ],
  };
}
