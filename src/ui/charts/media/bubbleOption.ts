import { type ChartOption, insetGrid, JUMPING_TOOLTIP, seriesColor, STILL } from '../chartStyle';
import { escapeHtml } from '../escapeHtml';

export interface Bubble {
  /** The medium's or campaign's key (what a click selects). */
  readonly key: string | null;
  readonly label: string;
  readonly costPerLead: number;
  readonly wonRate: number;
  readonly revenue: number;
  /** Whether it is selected (drawn in full; the others faded while something is selected). */
  readonly selected: boolean;
}

export interface BubbleLabels {
  readonly money: (n: number) => string;
  readonly percent: (n: number) => string;
  readonly x: string;
  readonly y: string;
  readonly revenue: string;
}

/** Largest bubble's diameter in px; areas are proportional to revenue. */
const MAX_SIZE = 56;

/**
 * Cost per lead against lead → won rate, one bubble per medium or campaign, its area the revenue:
 * cheap and converting is top left. Only rows with a cost and leads can be placed. Pure.
 */
export function bubbleOption(bubbles: readonly Bubble[], labels: BubbleLabels): ChartOption {
  const maxRevenue = Math.max(1, ...bubbles.map((b) => b.revenue));
  const anySelected = bubbles.some((b) => b.selected);
  return {
    ...STILL,
    grid: insetGrid({ left: 64, right: 48, top: 28, bottom: 48 }),
    tooltip: {
      ...JUMPING_TOOLTIP,
      formatter: (p: unknown) => {
        const b = bubbles[(p as { dataIndex: number }).dataIndex];
        if (!b) return '';
        return `<strong>${escapeHtml(b.label)}</strong><br>${escapeHtml(labels.x)}: ${escapeHtml(labels.money(b.costPerLead))}<br>${escapeHtml(labels.y)}: ${escapeHtml(labels.percent(b.wonRate))}<br>${escapeHtml(labels.revenue)}: ${escapeHtml(labels.money(b.revenue))}`;
      },
    },
    xAxis: { type: 'value', name: labels.x, nameLocation: 'middle', nameGap: 30, axisLabel: { formatter: (n: number) => labels.money(n) }, scale: true },
    yAxis: { type: 'value', name: labels.y, nameLocation: 'middle', nameGap: 48, axisLabel: { formatter: (n: number) => labels.percent(n) }, min: 0 },
    series: [
      {
        type: 'scatter',
        data: bubbles.map((b, i) => ({
          name: b.label,
          value: [b.costPerLead, b.wonRate, b.revenue],
          symbolSize: Math.max(6, MAX_SIZE * Math.sqrt(Math.max(0, b.revenue) / maxRevenue)),
          itemStyle: { color: seriesColor(i), opacity: anySelected && !b.selected ? 0.25 : 0.8, borderColor: b.selected ? '#1a1a1a' : 'transparent', borderWidth: 2 },
          // Braces read as ECharts templates and rich-text styles: an imported name must not be one.
          label: { show: true, formatter: b.label.replace(/\{|\}/g, ''), position: 'top', color: '#333', fontSize: 11 },
        })),
      },
    ],
  };
}
