import type { Row } from '../../../db/arrowRows';
import { funnelCountsFromRow } from '../../../domain/funnel';
import { everyMonth } from '../../../domain/months';
import type { Pipeline } from '../../../domain/pipeline';

/** A month of a line with fewer leads than this shows no rate: one or two leads swing it from 0 to 100 %. */
export const MIN_MONTH_LEADS = 20;

export interface TrendLine {
  readonly value: string | null;
  readonly leads: number;
  /** Conversion per month, aligned with the months; null where the line has fewer than `minLeads` leads that month. */
  readonly rates: (number | null)[];
  /** Leads per month, aligned with the months (what each rate rests on). */
  readonly counts: number[];
}

/**
 * The trend's months and one line per split value, most leads first, from rows of month × value
 * (leads without a month left out). Every month from the first to the last is on the axis, one
 * without leads included: its rate has no denominator, so the line breaks there instead of
 * joining Jun to Oct as if they were neighbours. A month with fewer than `minLeads` leads of a line
 * is a gap too (its count is kept): too few leads to read a rate from.
 */
export function trendLines(rows: readonly Row[], pipeline: Pipeline, targetIndex: number, minLeads = MIN_MONTH_LEADS): { months: string[]; lines: TrendLine[] } {
  const dated = rows.filter((r) => r.month !== null && r.month !== undefined);
  const months = everyMonth(dated.map((r) => String(r.month)));
  const index = new Map(months.map((m, i) => [m, i]));
  const byValue = new Map<string | null, { leads: number; rates: (number | null)[]; counts: number[] }>();
  for (const row of dated) {
    const value = row.value === null || row.value === undefined ? null : String(row.value);
    const counts = funnelCountsFromRow(pipeline, row);
    const entry = byValue.get(value) ?? { leads: 0, rates: months.map(() => null), counts: months.map(() => 0) };
    const at = index.get(String(row.month))!;
    entry.leads += counts.leads;
    entry.counts[at] = counts.leads;
    entry.rates[at] = counts.leads >= Math.max(1, minLeads) ? (counts.reached[targetIndex] ?? 0) / counts.leads : null;
    byValue.set(value, entry);
  }
  const lines = [...byValue.entries()].map(([value, e]) => ({ value, ...e })).sort((a, b) => b.leads - a.leads);
  return { months, lines };
}
