import { type ChartOption, insetGrid, JUMPING_TOOLTIP, STILL, WHOLE_NUMBER_TICKS } from '../chartStyle';
import { labelInterval } from '../labelInterval';
import { escapeHtml } from '../escapeHtml';

export interface LagBin {
  /** First day of the bin (days from creation to won). */
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/** The distribution of lead → won lag as bars of equal width in days. Pure. */
export function lagOption(bins: readonly LagBin[], labels: { readonly days: (from: number, to: number) => string; readonly count: (n: number) => string; readonly axis: string }): ChartOption {
  return {
    ...STILL,
    grid: insetGrid({ left: 48, right: 12, top: 12, bottom: 44 }),
    tooltip: {
      ...JUMPING_TOOLTIP,
      formatter: (p: unknown) => {
        const bin = bins[(p as { dataIndex: number }).dataIndex];
        return bin ? `${escapeHtml(labels.days(bin.from, bin.to))}: ${escapeHtml(labels.count(bin.count))}` : '';
      },
    },
    xAxis: { type: 'category', data: bins.map((b) => String(b.from)), name: labels.axis, nameLocation: 'middle', nameGap: 26, axisLabel: { interval: lagLabelInterval(bins.length) } },
    yAxis: { type: 'value', ...WHOLE_NUMBER_TICKS, axisLabel: { formatter: (n: number) => labels.count(n) } },
    series: [{ type: 'bar', barCategoryGap: '8%', data: bins.map((b) => b.count), itemStyle: { color: '#5b8def' } }],
  };
}

/** Which bars are labelled: at most 12 day numbers, which fit a chart 360 px wide. */
export const lagLabelInterval = (bins: number): number => labelInterval(bins, 12);
