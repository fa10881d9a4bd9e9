import { type ChartOption, insetGrid, JUMPING_TOOLTIP, STILL } from '../chartStyle';
import { escapeHtml } from '../escapeHtml';
import { labelInterval } from '../labelInterval';

export interface PhasingLabels {
  readonly month: (yearMonth: string) => string;
  /** The axis's short label of a month ("Mar"). */
  readonly monthOnly: (yearMonth: string) => string;
  readonly money: (value: number) => string;
  readonly axisMoney: (value: number) => string;
  /** Name of the bar of revenue that lands after the plan year ("after 2026"). */
  readonly after: string;
  readonly revenue: string;
  readonly target: string;
}

export const AFTER_COLOR = '#9aa5b8';

/**
 * Expected revenue landing in each plan month (bars), what lands after the plan year (a last,
 * grey bar), and the monthly target where there is one (a stepped line). Pure.
 */
export function phasingOption(months: readonly string[], revenue: readonly number[], afterHorizon: number, target: readonly number[] | null, labels: PhasingLabels): ChartOption {
  const categories = [...months, 'after'];
  const name = (i: number) => (i < months.length ? labels.month(months[i]!) : labels.after);
  const short = (i: number) => (i < months.length ? labels.monthOnly(months[i]!) : labels.after);
  return {
    ...STILL,
    grid: insetGrid({ left: 64, right: 12, top: 28, bottom: 30 }),
    legend: { top: 0, data: [labels.revenue, ...(target ? [labels.target] : [])] },
    tooltip: {
      ...JUMPING_TOOLTIP,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const items = (Array.isArray(params) ? params : [params]) as { dataIndex: number; seriesName: string; value: number | null; marker: string }[];
        const i = items[0]?.dataIndex ?? 0;
        const lines = items.filter((p) => p.value !== null && p.value !== undefined).map((p) => `${p.marker}${escapeHtml(p.seriesName)}: ${escapeHtml(labels.money(p.value as number))}`);
        return [`<strong>${escapeHtml(name(i))}</strong>`, ...lines].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: labelInterval(categories.length, 13), hideOverlap: true, formatter: (_: string, i: number) => short(i) } },
    yAxis: { type: 'value', axisLabel: { hideOverlap: true, formatter: (v: number) => labels.axisMoney(v) } },
    series: [
      {
        type: 'bar',
        name: labels.revenue,
        data: [...revenue.map((v) => ({ value: v })), { value: afterHorizon, itemStyle: { color: AFTER_COLOR } }],
        itemStyle: { color: '#5b8def' },
      },
      ...(target ? [{ type: 'line', name: labels.target, step: 'middle', symbol: 'none', data: [...target, null], lineStyle: { color: '#d9480f', width: 2 }, itemStyle: { color: '#d9480f' } }] : []),
    ],
  };
}
