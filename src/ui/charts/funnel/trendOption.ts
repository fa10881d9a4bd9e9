import { type ChartOption, insetGrid, JUMPING_TOOLTIP, SERIES_COLORS, STILL } from '../chartStyle';
import { escapeHtml } from '../escapeHtml';

export interface TrendSeries {
  readonly name: string;
  /** Conversion per month, aligned with the months; null where the month has no leads. */
  readonly rates: readonly (number | null)[];
  /** Leads per month, shown beside each rate in the tooltip. */
  readonly counts?: readonly number[];
}

export interface TrendLabels {
  readonly month: (m: string) => string;
  readonly percent: (p: number | null) => string;
  readonly immature: string;
  /** "12.3 % of 150 leads"; "too few leads (7)" where the rate is not shown. */
  readonly ofLeads?: (rate: string, leads: number) => string;
  readonly tooFew?: (leads: number) => string;
}

/**
 * Conversion per created month, one line per split value (those named in `hidden` not drawn, but
 * keeping their index and colour); immature months shaded; brushable. Pure. The legend is HTML
 * beside the chart (SeriesLegend): ECharts' own is kept only for its selection, not shown.
 */
export function trendOption(
  months: readonly string[],
  series: readonly TrendSeries[],
  firstImmature: string | null,
  selected: readonly [string, string] | null,
  labels: TrendLabels,
  hidden: ReadonlySet<string> = new Set(),
): ChartOption {
  // Areas span whole months: from half a band before the first to half a band after the last
  // (fractional category indexes), so a single month selected is a band, not a line of no width.
  const band = (from: string, to: string, name?: string) => {
    const inside = months.flatMap((m, i) => (m >= from && m <= to ? [i] : []));
    return inside.length ? [[{ xAxis: inside[0]! - 0.5, ...(name ? { name } : {}) }, { xAxis: inside[inside.length - 1]! + 0.5 }]] : [];
  };
  const shade = firstImmature !== null ? band(firstImmature, months[months.length - 1] ?? '', labels.immature) : [];
  const chosen = selected ? band(selected[0], selected[1]) : [];
  return {
    ...STILL,
    grid: insetGrid({ left: 52, right: 16, top: 16, bottom: 36 }),
    color: [...SERIES_COLORS],
    legend: { show: false, selected: Object.fromEntries(series.map((s) => [s.name, !hidden.has(s.name)])) },
    brush: { xAxisIndex: 0, brushType: 'lineX', brushMode: 'single', throttleType: 'debounce', removeOnClick: true, transformable: false },
    tooltip: {
      ...JUMPING_TOOLTIP,
      trigger: 'axis',
      axisPointer: { animation: false }, // the pointer rests here after a brush: see STILL
      formatter: (params: unknown) => {
        const items = (Array.isArray(params) ? params : [params]) as { axisValue: string; seriesName: string; seriesIndex: number; dataIndex: number; value: number | null; marker: string }[];
        const head = items[0] ? `<strong>${escapeHtml(labels.month(items[0].axisValue))}</strong>` : '';
        const figure = (i: (typeof items)[number]) => {
          const leads = series[i.seriesIndex]?.counts?.[i.dataIndex];
          if (leads === undefined) return labels.percent(i.value);
          if (i.value === null) return leads > 0 && labels.tooFew ? labels.tooFew(leads) : labels.percent(null);
          return labels.ofLeads ? labels.ofLeads(labels.percent(i.value), leads) : labels.percent(i.value);
        };
        return [head, ...items.map((i) => `${i.marker}${escapeHtml(i.seriesName)}: ${escapeHtml(figure(i))}`)].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: [...months], axisLabel: { formatter: (m: string) => labels.month(m) } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => labels.percent(v) } },
    series: series.map((s, i) => ({
      type: 'line',
      name: s.name,
      data: [...s.rates],
      connectNulls: false,
      // Points only where a month stands alone between gaps (no line would show it): drawing the
      // symbols of every line cost ~3 ms of each redraw. The pointed month's points show on hover.
      showSymbol: hasLonePoint(s.rates),
      symbolSize: 5,
      ...(i === 0
        ? {
            markArea: {
              silent: true,
              data: [...shade.map((a) => a.map((p) => ({ ...p, itemStyle: { color: 'rgba(93,107,125,0.10)' } }))), ...chosen.map((a) => a.map((p) => ({ ...p, itemStyle: { color: 'rgba(31,111,235,0.12)' } })))],
              label: { color: '#5d6b7d', position: 'insideTop' },
            },
          }
        : {}),
    })),
  };
}

/** Whether a month has a rate and neither neighbour has one. */
export function hasLonePoint(rates: readonly (number | null)[]): boolean {
  return rates.some((r, i) => r !== null && (rates[i - 1] ?? null) === null && (rates[i + 1] ?? null) === null);
}
