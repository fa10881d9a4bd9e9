import { everyMonth } from '../../domain/months';
import { STANDARD_MEDIA } from '../../domain/vocabulary';
import { type ChartOption, insetGrid, STILL, WHOLE_NUMBER_TICKS } from './chartStyle';
import { escapeHtml } from './escapeHtml';

export interface MonthMediumCount {
  readonly month: string;
  readonly medium: string;
  readonly leads: number;
}

export interface LeadsByMonthLabels {
  readonly month: (yearMonth: string) => string;
  readonly medium: (medium: string) => string;
  readonly count: (n: number) => string;
}

/** Standard media in the guideline's order first, then any others alphabetically. */
export function orderMedia(media: Iterable<string>): string[] {
  const rank = (m: string) => {
    const i = (STANDARD_MEDIA as readonly string[]).indexOf(m);
    return i < 0 ? STANDARD_MEDIA.length : i;
  };
  return [...new Set(media)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * Stacked bars of leads per month, one series per medium; every month from the first to the last,
 * a month without leads as 0. Pure: data and labels in, option out.
 * Drawn at once, like every other chart: its entry animation (a second of frames on the page's
 * thread) ran while the engine was starting on the same two cores, and then again when the engine's
 * figures replaced the bundle's. Without it, a warm visit was ready 0.1–0.9 s sooner in each of six
 * paired `npm run bench:startup` runs (README, First visit).
 */
export function leadsByMonthOption(rows: readonly MonthMediumCount[], labels: LeadsByMonthLabels): ChartOption {
  const months = everyMonth(rows.map((r) => r.month));
  const media = orderMedia(rows.map((r) => r.medium));
  const counts = new Map(rows.map((r) => [`${r.month}\u0000${r.medium}`, r.leads]));
  return {
    ...STILL,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      // Medium names come from imported files: every string is escaped before it becomes HTML.
      formatter: (params: unknown) => {
        const items = (Array.isArray(params) ? params : [params]) as { axisValue: string; seriesName: string; value: number; marker: string }[];
        const head = items[0] ? `<strong>${escapeHtml(labels.month(items[0].axisValue))}</strong>` : '';
        const lines = items
          .filter((i) => i.value > 0)
          .map((i) => `${i.marker}${escapeHtml(i.seriesName)}: ${escapeHtml(labels.count(i.value))}`);
        return [head, ...lines].join('<br/>');
      },
    },
    legend: { type: 'scroll', top: 0 },
    grid: insetGrid({ left: 48, right: 16, top: 40, bottom: 32 }),
    xAxis: { type: 'category', data: months, axisLabel: { formatter: (m: string) => labels.month(m) } },
    yAxis: { type: 'value', ...WHOLE_NUMBER_TICKS, axisLabel: { formatter: (n: number) => labels.count(n) } },
    series: media.map((medium) => ({
      type: 'bar',
      stack: 'leads',
      name: labels.medium(medium),
      emphasis: { focus: 'series' },
      data: months.map((month) => counts.get(`${month}\u0000${medium}`) ?? 0),
    })),
  };
}
