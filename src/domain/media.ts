/**
 * The Media & campaigns page's figures per medium (or raw source), from a row of mediaFiguresSql:
 * rates with their 95 % Wilson intervals, cost figures, ROMI and ROI (DESIGN.md "Metric
 * definitions"), and each row compared with the best one. Pure functions.
 */
import { notSignificant } from './funnel';
import type { Pipeline } from './pipeline';
import { rate, type Interval } from './stats';
import { STANDARD_MEDIA } from './vocabulary';

type Row = Readonly<Record<string, unknown>>;

/**
 * How a cost that spans several months reaches leads: `leads`, shared equally among all the leads it
 * pays for whenever they came; `days`, split over its months by the days of its span in each, every
 * month's part shared among that month's leads (src/sql/costShares.ts).
 */
export type CostAllocation = 'leads' | 'days';

export const COST_ALLOCATIONS: readonly CostAllocation[] = ['leads', 'days'];

export interface RateFigure {
  readonly count: number;
  readonly value: number | null;
  readonly interval: Interval | null;
}

/** How a row's lead → won rate stands against the best row's (the highest rate). */
export type AgainstBest = 'best' | 'notSignificantlyBelow' | 'below' | 'unknown';

export interface MediaFigures {
  /** The medium or raw source; null: none given. */
  readonly value: string | null;
  readonly leads: number;
  /** Lead → stage for each later pipeline stage (MQL, SQL, opportunity, won), of all leads. */
  readonly reached: readonly RateFigure[];
  readonly won: number;
  /** Won amounts; null when unknown (no won lead has an amount, or they are in several currencies). */
  readonly revenue: number | null;
  readonly wonUnpriced: number;
  readonly currency: string | null;
  /** The group's share of campaign costs; null: none of its leads has a campaign with a cost. */
  readonly cost: number | null;
  /** Leads whose campaign has a cost (the rest carry none). */
  readonly costedLeads: number;
  readonly costPerLead: number | null;
  readonly costPerSql: number | null;
  readonly costPerWon: number | null;
  /** revenue ÷ cost; null without cost, a zero cost or unknown revenue. */
  readonly romi: number | null;
  /** (revenue × margin − cost) ÷ cost; null like ROMI. */
  readonly roi: number | null;
  readonly medianDaysToWon: number | null;
}

export interface RankedMediaFigures extends MediaFigures {
  /** 1 = highest lead → won rate; rows without leads have none. */
  readonly rank: number | null;
  readonly againstBest: AgainstBest;
}

const ratio = (a: number | null, b: number | null): number | null => (a === null || b === null || !(b > 0) ? null : a / b);
const numberOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The figures of one row; `margin` the share of revenue that is profit for the ROI (DESIGN.md: default 1.0). */
export function mediaFigures(row: Row, pipeline: Pipeline, margin = 1): MediaFigures {
  const leads = Number(row.leads ?? 0);
  const reached = pipeline.stages.slice(1).map((_, k): RateFigure => {
    const count = Number(row[`reached_${k + 1}`] ?? 0);
    return { count, ...rate(count, leads) };
  });
  const won = reached[reached.length - 1]?.count ?? 0;
  const currencies = Number(row.currencies ?? 0);
  const revenue = currencies > 1 ? null : numberOrNull(row.revenue);
  const cost = numberOrNull(row.cost);
  const sqlIndex = pipeline.stages.indexOf('sql');
  const sqls = sqlIndex > 0 ? (reached[sqlIndex - 1]?.count ?? null) : null;
  const romi = ratio(revenue, cost);
  return {
    value: row.value === null || row.value === undefined ? null : String(row.value),
    leads,
    reached,
    won,
    revenue,
    wonUnpriced: Number(row.won_unpriced ?? 0),
    currency: currencies === 1 && typeof row.currency === 'string' ? row.currency : null,
    cost,
    costedLeads: Number(row.costed_leads ?? 0),
    costPerLead: ratio(cost, leads),
    costPerSql: ratio(cost, sqls),
    costPerWon: ratio(cost, won),
    romi,
    roi: revenue === null || cost === null || !(cost > 0) ? null : (revenue * margin - cost) / cost,
    medianDaysToWon: numberOrNull(row.days_to_won),
  };
}

/**
 * Ranks by lead → won rate and compares every row with the best one, not each with the next: a row
 * whose interval overlaps the best's is "not significantly below the best" (DESIGN.md), whatever
 * the rows between them. Rows keep their order.
 */
export function rankAgainstBest(rows: readonly MediaFigures[]): RankedMediaFigures[] {
  const rated = rows.filter((r) => r.leads > 0);
  const wonRate = (r: MediaFigures) => r.reached[r.reached.length - 1]!;
  const best = rated.reduce<MediaFigures | null>((b, r) => (b === null || (wonRate(r).value ?? -1) > (wonRate(b).value ?? -1) ? r : b), null);
  const order = [...rated].sort((a, b) => (wonRate(b).value ?? -1) - (wonRate(a).value ?? -1));
  return rows.map((row) => {
    if (row.leads === 0 || best === null) return { ...row, rank: null, againstBest: 'unknown' };
    const rank = order.findIndex((r) => (wonRate(r).value ?? -1) === (wonRate(row).value ?? -1)) + 1;
    const againstBest: AgainstBest =
      row === best || wonRate(row).value === wonRate(best).value ? 'best' : notSignificant(wonRate(row).interval, wonRate(best).interval) ? 'notSignificantlyBelow' : 'below';
    return { ...row, rank, againstBest };
  });
}

/** The guideline's media first in its order of qualification depth, then every other value of the data by name, none last. */
export function orderByGuideline<T extends { readonly value: string | null }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => compareByGuideline(a.value, b.value));
}

/** Orders media as orderByGuideline does: the guideline's in its order, then the others by name, none last. */
export function compareByGuideline(a: string | null, b: string | null): number {
  const position = (v: string | null) => {
    if (v === null) return STANDARD_MEDIA.length + 1;
    const i = (STANDARD_MEDIA as readonly string[]).indexOf(v);
    return i < 0 ? STANDARD_MEDIA.length : i;
  };
  return position(a) - position(b) || (a ?? '').localeCompare(b ?? '');
}

/** Which rate the guideline's order is checked on. */
export type OrderRate = 'won' | 'sql';

export interface OrderBreak {
  /** Earlier in the guideline's order (deeper qualification expected)… */
  readonly expectedHigher: string;
  /** …yet converting better in the data. */
  readonly higher: string;
  /** Whether the two 95 % intervals are apart (DESIGN.md: overlapping intervals are not significant). */
  readonly significant: boolean;
  /** The rate difference, higher − expectedHigher. */
  readonly difference: number;
}

export interface GuidelineComparison {
  /** The guideline's media the data has leads for, in the guideline's order. */
  readonly expected: readonly string[];
  /** The same media by the data's rate, highest first. */
  readonly actual: readonly string[];
  /** Every pair the data orders against the guideline, significant ones first, then by difference. */
  readonly breaks: readonly OrderBreak[];
}

/**
 * The guideline's order of media by qualification depth against the order the data shows on lead →
 * won (or lead → SQL): every pair in the wrong order, and whether its difference is significant.
 * Media outside the guideline (the data's own) have no expected place and are left out.
 */
export function guidelineComparison(rows: readonly MediaFigures[], on: OrderRate, pipeline: Pipeline): GuidelineComparison {
  const step = on === 'won' ? pipeline.stages.length - 2 : pipeline.stages.indexOf('sql') - 1;
  const rateOf = (row: MediaFigures) => row.reached[step];
  const standard = STANDARD_MEDIA.flatMap((medium) => {
    const row = rows.find((r) => r.value === medium);
    const figure = row && row.leads > 0 ? rateOf(row) : undefined;
    return figure && figure.value !== null ? [{ medium: medium as string, figure }] : [];
  });
  const breaks: OrderBreak[] = [];
  standard.forEach((a, i) => {
    for (const b of standard.slice(i + 1)) {
      if (b.figure.value! > a.figure.value!) {
        breaks.push({ expectedHigher: a.medium, higher: b.medium, significant: !notSignificant(a.figure.interval, b.figure.interval), difference: b.figure.value! - a.figure.value! });
      }
    }
  });
  breaks.sort((x, y) => Number(y.significant) - Number(x.significant) || y.difference - x.difference);
  return {
    expected: standard.map((s) => s.medium),
    actual: [...standard].sort((x, y) => y.figure.value! - x.figure.value!).map((s) => s.medium),
    breaks,
  };
}
