import { type ChartOption, insetGrid, JUMPING_TOOLTIP, STILL, WHOLE_NUMBER_TICKS } from '../chartStyle';
import { escapeHtml } from '../escapeHtml';
import { labelInterval } from '../labelInterval';

export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

export interface DistributionLabels {
  readonly money: (value: number) => string;
  readonly axisMoney: (value: number) => string;
  /** "{{runs}} runs" for a bar's tooltip. */
  readonly runs: (n: number) => string;
  readonly target: string;
  readonly below: string;
  readonly reached: string;
}

export const BELOW_COLOR = '#f08c00';
export const REACHED_COLOR = '#5b8def';

/** Index of the bin that holds `value` (the last bin includes its upper end); -1 when outside. */
export function binOf(bins: readonly HistogramBin[], value: number): number {
  return bins.findIndex((b, i) => value >= b.from && (value < b.to || (i === bins.length - 1 && value <= b.to)));
}

/**
 * The simulated revenue as a histogram: bins below the target orange, those that reach it blue,
 * and the target itself as a vertical line. Pure.
 */
export function distributionOption(bins: readonly HistogramBin[], target: number | null, runs: number, labels: DistributionLabels): ChartOption {
  const targetBin = target === null ? -1 : binOf(bins, target);
  const reached = (b: HistogramBin) => target === null || b.from >= target;
  return {
    ...STILL,
    grid: insetGrid({ left: 52, right: 16, top: 24, bottom: 30 }),
    tooltip: {
      ...JUMPING_TOOLTIP,
      formatter: (p: unknown) => {
        const bin = bins[(p as { dataIndex: number }).dataIndex];
        if (!bin) return '';
        return `${escapeHtml(labels.money(bin.from))} – ${escapeHtml(labels.money(bin.to))}<br/>${escapeHtml(labels.runs(bin.count))} (${escapeHtml(((100 * bin.count) / runs).toFixed(1))} %)`;
      },
    },
    xAxis: {
      type: 'category',
      data: bins.map((b) => String(b.from)),
      axisLabel: { interval: labelInterval(bins.length, 6), formatter: (v: string) => labels.axisMoney(Number(v)) },
    },
    yAxis: { type: 'value', ...WHOLE_NUMBER_TICKS, axisLabel: { hideOverlap: true, formatter: (n: number) => String(n) } },
    series: [
      {
        type: 'bar',
        barCategoryGap: '4%',
        data: bins.map((b) => ({ value: b.count, itemStyle: { color: reached(b) ? REACHED_COLOR : BELOW_COLOR } })),
        ...(targetBin >= 0
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                label: { formatter: labels.target, position: 'insideEndTop' },
                lineStyle: { color: '#c92a2a', type: 'solid', width: 2 },
                data: [{ xAxis: targetBin }],
              },
            }
          : {}),
      },
    ],
  };
}
