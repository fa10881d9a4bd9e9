// Only the parts of ECharts the app uses, to keep the bundle small.
import { BarChart, CustomChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  BrushComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  HeatmapChart,
  CustomChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  BrushComponent,
  MarkAreaComponent,
  CanvasRenderer,
]);

export { echarts };
export type { EChartsCoreOption as ChartOption } from 'echarts/core';

/**
 * For charts that redraw on every cross-filter: no transitions, and no hover animation either —
 * ECharts animates hover states even without `animation`, and the pointer rests on the chart just
 * clicked or brushed, which held back its redraw's 'finished' event by 60–160 ms.
 */
export const STILL = { animation: false, stateAnimation: { duration: 0 } } as const;

/**
 * A grid at the insets given, which leave room for its axis labels. ECharts 6 otherwise measures
 * every label on each redraw to fit the grid inside the chart ('outerBounds'): ~10 ms of the
 * Funnel page's five charts per cross-filter.
 */
export function insetGrid(insets: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number }) {
  return { ...insets, outerBoundsMode: 'none' } as const;
}

/**
 * Every label of a category axis shown (stages, split values): they fit by design, and a given
 * interval spares ECharts' 'auto' estimate, which measures the labels on every redraw.
 */
export const EVERY_LABEL = { interval: 0 } as const;

/**
 * The category axis interval (0: every label; n: every (n+1)-th) that shows at most `most` of
 * `count` labels. Given, not left to ECharts' 'auto' estimate, which measures the labels on every
 * redraw.
 */
export function labelInterval(count: number, most: number): number {
  return Math.max(0, Math.ceil(count / most) - 1);
}

/**
 * Which labels an axis of months turned 45° shows: turned, 24 short month labels fit a Funnel
 * panel (upright ones do not: the trend keeps 'auto').
 */
export const monthLabelInterval = (months: number): number => labelInterval(months, 24);

/**
 * The colours of a chart's lines, in series order: ECharts 6's default palette, given explicitly
 * so that a legend drawn outside the chart (SeriesLegend) shows the same colour as each line.
 */
export const SERIES_COLORS = ['#5070dd', '#b6d634', '#505372', '#ff994d', '#0ca8df', '#ffd10a', '#fb628b', '#785db0', '#3fbe95'] as const;

export const seriesColor = (index: number): string => SERIES_COLORS[index % SERIES_COLORS.length]!;
