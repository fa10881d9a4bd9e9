import { type ChartOption, insetGrid, JUMPING_TOOLTIP, STILL } from '../chartStyle';
import { escapeHtml } from '../escapeHtml';

export interface ShareRow {
  readonly key: string | null;
  readonly label: string;
  /** Shares of all leads and of all revenue, 0 … 1. */
  readonly leads: number;
  readonly revenue: number;
}

/** Per medium, its share of the leads beside its share of the revenue: media that bring revenue beyond their volume stand out. Pure. */
export function shareOption(rows: readonly ShareRow[], labels: { readonly percent: (n: number) => string; readonly leads: string; readonly revenue: string }): ChartOption {
  return {
    ...STILL,
    grid: insetGrid({ left: 120, right: 24, top: 32, bottom: 24 }),
    legend: { top: 0 },
    tooltip: {
      ...JUMPING_TOOLTIP,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => {
        const row = rows[(p as { dataIndex: number }[])[0]?.dataIndex ?? -1];
        return row ? `<strong>${escapeHtml(row.label)}</strong><br>${escapeHtml(labels.leads)}: ${escapeHtml(labels.percent(row.leads))}<br>${escapeHtml(labels.revenue)}: ${escapeHtml(labels.percent(row.revenue))}` : '';
      },
    },
    xAxis: { type: 'value', axisLabel: { formatter: (n: number) => labels.percent(n) } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label) },
    series: [
      { type: 'bar', name: labels.leads, data: rows.map((r) => r.leads), itemStyle: { color: '#8fa8e8' } },
      { type: 'bar', name: labels.revenue, data: rows.map((r) => r.revenue), itemStyle: { color: '#2f7d4f' } },
    ],
  };
}
