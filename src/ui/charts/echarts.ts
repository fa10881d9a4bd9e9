// Only the parts of ECharts the app uses, to keep the bundle small.
import { BarChart, CustomChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  BrushComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
  VisualMapComponent,
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
  VisualMapComponent,
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
 * Which labels an axis of months turned 45° shows (0: every one; n: every (n+1)-th). Given, not
 * left to ECharts' 'auto' estimate, which measures the labels on every redraw; turned, 24 short
 * month labels fit a Funnel panel (upright ones do not: the trend keeps 'auto').
 */
export function monthLabelInterval(months: number): number {
  return Math.max(0, Math.ceil(months / 24) - 1);
}
