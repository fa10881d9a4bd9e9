/** Settings the charts share, apart from ECharts itself (echarts.ts), so building an option loads no chart code. */
import type { EChartsCoreOption } from 'echarts/core';

export type ChartOption = EChartsCoreOption;

/**
 * For charts that redraw on every cross-filter: no transitions, and no hover animation either —
 * ECharts animates hover states even without `animation`, and the pointer rests on the chart just
 * clicked or brushed, which held back its redraw's 'finished' event by 60–160 ms.
 */
export const STILL = { animation: false, stateAnimation: { duration: 0 } } as const;

/**
 * For a value axis of counts (leads, simulation runs): ticks at whole numbers only. With a few
 * leads a month, ECharts put ticks at 0.5 steps, which the count format rounded into labels such
 * as "0, 1, 1, 2, 2": a scale that reads wrong.
 */
export const WHOLE_NUMBER_TICKS = { minInterval: 1 } as const;

/**
 * A tooltip that jumps to the pointer instead of gliding there: ECharts' default 0.4 s CSS
 * transition of its position re-lays out the page every frame while it runs, so a click or the end
 * of a brush right after a move forced that layout inside the filter change (~9 ms, profiled).
 */
export const JUMPING_TOOLTIP = { transitionDuration: 0 } as const;

/**
 * A grid at the insets given, which leave room for its axis labels. ECharts 6 otherwise measures
 * every label on each redraw to fit the grid inside the chart ('outerBounds'): ~10 ms of the
 * Funnel page's five charts per cross-filter.
 */
export function insetGrid(insets: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number }) {
  return { ...insets, outerBoundsMode: 'none' } as const;
}

/**
 * The colours of a chart's lines, in series order: ECharts 6's default palette, given explicitly
 * so that a legend drawn outside the chart (SeriesLegend) shows the same colour as each line.
 */
export const SERIES_COLORS = ['#5070dd', '#b6d634', '#505372', '#ff994d', '#0ca8df', '#ffd10a', '#fb628b', '#785db0', '#3fbe95'] as const;

export const seriesColor = (index: number): string => SERIES_COLORS[index % SERIES_COLORS.length]!;
