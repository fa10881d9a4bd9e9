/** The ForecastPanel's view model without React: the plan-vs-actual chart's option and the status of a unit. */
import type { Forecast, ForecastFigures } from '../../../../domain/planning/forecast';
import { insetGrid, JUMPING_TOOLTIP, STILL, seriesColor, type ChartOption } from '../../../charts/chartStyle';
import { escapeHtml } from '../../../charts/escapeHtml';

export type UnitStatus = 'miss' | 'ok' | 'none';

/** miss: the forecast falls short of the target (a new planning cycle is due); none: no target to miss. */
export function unitStatus(figures: Pick<ForecastFigures, 'willMiss'>): UnitStatus {
  return figures.willMiss === null ? 'none' : figures.willMiss ? 'miss' : 'ok';
}

export interface ForecastChartLabels {
  readonly month: (yearMonth: string) => string;
  readonly money: (value: number) => string;
  readonly series: { readonly actual: string; readonly pipeline: string; readonly remainingPlan: string; readonly plan: string; readonly target: string };
}

interface TooltipItem {
  readonly axisValue: string;
  readonly seriesName: string;
  readonly value: number | null;
  readonly marker: string;
}

/**
 * Revenue by plan month: bars of what is booked (actual, up to asOf's month), what the open pipeline
 * and the plan for the months left are expected to add, stacked, so a bar's height is the month's
 * forecast; lines of the plan (phased through the lag) and of the target, where there is one.
 */
export function forecastChartOption(forecast: Forecast, labels: ForecastChartLabels): ChartOption {
  const months = forecast.months.map((m) => m.month);
  const hasTarget = forecast.months.some((m) => m.target !== null);
  const bar = (name: string, data: (number | null)[], color: string) => ({ type: 'bar', stack: 'forecast', name, data, itemStyle: { color }, emphasis: { focus: 'series' } });
  const line = (name: string, data: (number | null)[], color: string, dashed: boolean) => ({
    type: 'line',
    name,
    data,
    itemStyle: { color },
    lineStyle: { color, ...(dashed ? { type: 'dashed' } : {}) },
    symbolSize: 5,
  });
  return {
    ...STILL,
    tooltip: {
      ...JUMPING_TOOLTIP,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      // Every string becomes HTML here: escaped, though none of them comes from an import today.
      formatter: (params: unknown) => {
        const items = (Array.isArray(params) ? params : [params]) as TooltipItem[];
        const head = items[0] ? `<strong>${escapeHtml(labels.month(items[0].axisValue))}</strong>` : '';
        const lines = items.filter((i) => i.value !== null && i.value !== undefined).map((i) => `${i.marker}${escapeHtml(i.seriesName)}: ${escapeHtml(labels.money(i.value as number))}`);
        return [head, ...lines].join('<br/>');
      },
    },
    legend: { type: 'scroll', top: 0 },
    grid: insetGrid({ left: 64, right: 16, top: 40, bottom: 32 }),
    xAxis: { type: 'category', data: months, axisLabel: { formatter: (m: string) => labels.month(m) } },
    yAxis: { type: 'value', axisLabel: { formatter: (n: number) => labels.money(n) } },
    series: [
      bar(labels.series.actual, forecast.months.map((m) => m.actual), seriesColor(0)),
      bar(labels.series.pipeline, forecast.months.map((m) => (m.pipeline > 0 ? m.pipeline : null)), seriesColor(4)),
      bar(labels.series.remainingPlan, forecast.months.map((m) => (m.remainingPlan > 0 ? m.remainingPlan : null)), seriesColor(1)),
      line(labels.series.plan, forecast.months.map((m) => m.plan), seriesColor(2), false),
      ...(hasTarget ? [line(labels.series.target, forecast.months.map((m) => m.target), seriesColor(6), true)] : []),
    ],
  };
}
