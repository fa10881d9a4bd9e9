import { everyMonth } from '../../../domain/months';
import { type ChartOption, insetGrid, WHOLE_NUMBER_TICKS } from '../chartStyle';
import { escapeHtml } from '../escapeHtml';

export interface SpiralMonth {
  readonly month: string;
  readonly leads: number;
  /** Mean score 0–100; null for a month without leads. */
  readonly score: number | null;
  /** Mean score of each dimension with rules, 0–100. */
  readonly dimensions: Readonly<Record<string, number | null>>;
  /** Share of the month's leads that reached the conversion stage, 0–1; null without leads. */
  readonly conversion: number | null;
  /** Share of the month's leads that lost a point, 0–1; null without leads. */
  readonly flagged: number | null;
}

export interface SpiralLabels {
  readonly month: (yearMonth: string) => string;
  readonly count: (n: number) => string;
  readonly percent: (share: number) => string;
  readonly score: string;
  readonly leads: string;
  readonly conversion: string;
  readonly flagged: string;
  readonly dimension: (dimension: string) => string;
}

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/** The score axis starts at the next multiple of 5 below the lowest value shown: scores sit near 100, a fall of 3 points matters. */
export function scoreAxisMin(values: readonly (number | null)[]): number {
  const shown = values.filter((v): v is number => v !== null);
  return shown.length ? Math.max(0, Math.floor((Math.min(...shown) - 1) / 5) * 5) : 0;
}

/**
 * The guideline's downward spiral as data, two charts on one time axis. Above: per created month the
 * mean quality score (bold) and its dimensions (thin), the axis zoomed to where they are. Below: the
 * leads as bars, and in per cent the share of leads with a problem and the conversion rate. Every
 * month of the span; an empty one as 0 leads and no line point. Pure.
 */
export function spiralOption(rows: readonly SpiralMonth[], dimensions: readonly string[], labels: SpiralLabels): ChartOption {
  const months = everyMonth(rows.map((r) => r.month));
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const at = (month: string) => byMonth.get(month);
  const scoreSeries = [
    { name: labels.score, width: 3, data: months.map((m) => round1(at(m)?.score ?? null)) },
    ...dimensions.map((d) => ({ name: labels.dimension(d), width: 1, data: months.map((m) => round1(at(m)?.dimensions[d] ?? null)) })),
  ];
  const percentOf = (share: number | null | undefined) => (share === null || share === undefined ? null : Math.round(share * 1000) / 10);
  const percentNames = new Set([labels.flagged, labels.conversion]);
  const category = (gridIndex: number, show: boolean) => ({
    type: 'category' as const,
    gridIndex,
    data: months,
    axisLabel: { show, formatter: (m: string) => labels.month(m) },
  });
  return {
    // Eleven series on two grids: drawn at once, not line by line from the left (a half-drawn spiral reads as data ending).
    animation: false,
    tooltip: {
      trigger: 'axis',
      // Series names are ours, but every string is escaped all the same before it becomes HTML.
      formatter: (params: unknown) => {
        const items = (Array.isArray(params) ? params : [params]) as { axisValue: string; seriesName: string; value: number | null; marker: string }[];
        const head = items[0] ? `<strong>${escapeHtml(labels.month(items[0].axisValue))}</strong>` : '';
        const lines = items
          .filter((i) => i.value !== null && i.value !== undefined)
          .map((i) => {
            const text = i.seriesName === labels.leads ? labels.count(i.value!) : percentNames.has(i.seriesName) ? labels.percent(i.value! / 100) : String(i.value);
            return `${i.marker}${escapeHtml(i.seriesName)}: ${escapeHtml(text)}`;
          });
        return [head, ...lines].join('<br/>');
      },
    },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    legend: { type: 'scroll', top: 0 },
    grid: [insetGrid({ left: 48, right: 56, top: 44, bottom: 215 }), insetGrid({ left: 48, right: 56, top: 270, bottom: 28 })],
    xAxis: [category(0, false), category(1, true)],
    yAxis: [
      { type: 'value', gridIndex: 0, min: scoreAxisMin(scoreSeries.flatMap((s) => s.data)), max: 100, name: labels.score, nameGap: 8 },
      { type: 'value', gridIndex: 1, name: labels.leads, nameGap: 8, ...WHOLE_NUMBER_TICKS, axisLabel: { formatter: (n: number) => labels.count(n) } },
      { type: 'value', gridIndex: 1, min: 0, splitLine: { show: false }, axisLabel: { formatter: (n: number) => `${n} %` } },
    ],
    series: [
      ...scoreSeries.map((s) => ({ type: 'line' as const, name: s.name, xAxisIndex: 0, yAxisIndex: 0, lineStyle: { width: s.width }, symbol: s.width > 1 ? 'circle' : 'none', data: s.data })),
      { type: 'bar', name: labels.leads, xAxisIndex: 1, yAxisIndex: 1, itemStyle: { opacity: 0.4 }, data: months.map((m) => at(m)?.leads ?? 0) },
      { type: 'line', name: labels.flagged, xAxisIndex: 1, yAxisIndex: 2, lineStyle: { width: 2 }, data: months.map((m) => percentOf(at(m)?.flagged)) },
      { type: 'line', name: labels.conversion, xAxisIndex: 1, yAxisIndex: 2, lineStyle: { type: 'dashed', width: 2 }, data: months.map((m) => percentOf(at(m)?.conversion)) },
    ],
  };
}
