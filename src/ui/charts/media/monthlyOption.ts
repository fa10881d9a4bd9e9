import { type ChartOption, insetGrid, JUMPING_TOOLTIP, STILL } from '../chartStyle';
import { escapeHtml } from '../escapeHtml';

export interface MonthFigures {
  readonly month: string;
  readonly leads: number;
  /** Null: unknown (no won amount, or no cost data). */
  readonly revenue: number | null;
  readonly cost: number | null;
}

export interface MonthlyLabels {
  readonly month: (m: string) => string;
  readonly money: (n: number) => string;
  readonly count: (n: number) => string;
  readonly revenue: string;
  readonly cost: string;
  readonly leads: string;
}

/** Revenue of each created month's leads (bars) and their cost (a line), every month shown, an empty one as a gap. Pure. */
export function monthlyOption(months: readonly MonthFigures[], labels: MonthlyLabels): ChartOption {
  return {
    ...STILL,
    grid: insetGrid({ left: 72, right: 16, top: 32, bottom: 36 }),
    legend: { top: 0 },
    tooltip: {
      ...JUMPING_TOOLTIP,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const index = (params as { dataIndex: number }[])[0]?.dataIndex ?? -1;
        const m = months[index];
        if (!m) return '';
        const money = (n: number | null) => (n === null ? '–' : labels.money(n));
        return `<strong>${escapeHtml(labels.month(m.month))}</strong><br>${escapeHtml(labels.leads)}: ${escapeHtml(labels.count(m.leads))}<br>${escapeHtml(labels.revenue)}: ${escapeHtml(money(m.revenue))}<br>${escapeHtml(labels.cost)}: ${escapeHtml(money(m.cost))}`;
      },
    },
    xAxis: { type: 'category', data: months.map((m) => m.month), axisLabel: { formatter: (m: string) => labels.month(m) } },
    yAxis: { type: 'value', axisLabel: { formatter: (n: number) => labels.money(n) } },
    series: [
      { type: 'bar', name: labels.revenue, data: months.map((m) => m.revenue), itemStyle: { color: '#2f7d4f' } },
      { type: 'line', name: labels.cost, data: months.map((m) => m.cost), connectNulls: false, itemStyle: { color: '#c2410c' }, lineStyle: { width: 2 } },
    ],
  };
}
