/**
 * The Funnel page's figures from plain counts (DESIGN.md "Metric definitions"): stage rows with
 * conversion rates and Wilson intervals, drop-off, exact quantiles of lag histograms and cohort
 * maturity. The SQL builders (src/sql/funnel.ts) return counts only; every rate is made here, so
 * one definition serves the pre-aggregated cube and the raw leads table alike.
 */
import { isIsoDate } from './leadFilter';
import type { Pipeline } from './pipeline';
import { rate, type Interval } from './stats';

/** Result column names shared with the SQL builders, so the two cannot drift apart. */
export const reachedColumn = (stageIndex: number): string => `reached_${stageIndex}`;
/** Leads whose furthest stage is `stageIndex` and whose current stage is `pipeline.terminal[terminalIndex]`. */
export const endedColumn = (terminalIndex: number, stageIndex: number): string => `ended_${terminalIndex}_at_${stageIndex}`;

export interface FunnelCounts {
  readonly leads: number;
  /** reached[i]: leads that reached stage i (reached[0] = leads). */
  readonly reached: readonly number[];
  /** ended[t][i]: leads that stopped at stage i and are now in terminal stage t (lost, disqualified). */
  readonly ended: readonly (readonly number[])[];
}

const count = (value: unknown): number => (value == null ? 0 : Number(value));

/** Reads the count columns of one result row of a funnel builder. */
export function funnelCountsFromRow(pipeline: Pipeline, row: Readonly<Record<string, unknown>>): FunnelCounts {
  const leads = count(row.leads);
  const reached = pipeline.stages.map((_, i) => (i === 0 ? leads : count(row[reachedColumn(i)])));
  const ended = pipeline.terminal.map((_, t) => pipeline.stages.map((_, i) => count(row[endedColumn(t, i)])));
  return { leads, reached, ended };
}

export interface Rate {
  /** null when the denominator is 0 (shown as "–", never NaN). */
  readonly value: number | null;
  readonly interval: Interval | null;
}

export interface FunnelStageRow {
  readonly stage: string;
  readonly reached: number;
  /** reached this / reached previous stage; null for the entry stage, which has no previous one. */
  readonly conversion: Rate;
  /** reached this / leads. */
  readonly cumulative: Rate;
  /** reached this − reached next; null for the last stage, which has no next one. */
  readonly dropOff: number | null;
  /** Of those who stopped here: how many are now in each terminal stage (the rest are still open). */
  readonly endedAs: Readonly<Record<string, number>>;
  /** Stopped here and not in a terminal stage: still in progress (null for the last stage). */
  readonly stillOpen: number | null;
}

const NO_RATE: Rate = { value: null, interval: null };

export function funnelStages(pipeline: Pipeline, counts: FunnelCounts): FunnelStageRow[] {
  const last = pipeline.stages.length - 1;
  return pipeline.stages.map((stage, i) => {
    const reached = counts.reached[i] ?? 0;
    const endedAs = Object.fromEntries(pipeline.terminal.map((name, t) => [name, counts.ended[t]?.[i] ?? 0]));
    const dropOff = i < last ? reached - (counts.reached[i + 1] ?? 0) : null;
    const ended = Object.values(endedAs).reduce((a, b) => a + b, 0);
    return {
      stage,
      reached,
      conversion: i === 0 ? NO_RATE : rate(reached, counts.reached[i - 1] ?? 0),
      // Every lead has reached the first stage: 100 % by definition, so no interval around it.
      cumulative: i === 0 ? { value: counts.leads > 0 ? 1 : null, interval: null } : rate(reached, counts.leads),
      dropOff,
      endedAs,
      stillOpen: dropOff === null ? null : dropOff - ended,
    };
  });
}

/**
 * DESIGN.md's win rate, won ÷ (won + lost), beside lead → won (won ÷ leads): `lost` counts the
 * leads now in the first terminal stage ("lost"), wherever they stopped.
 */
export function winRates(pipeline: Pipeline, counts: FunnelCounts): { won: number; lost: number; leadToWon: Rate; winRate: Rate } {
  const won = counts.reached[pipeline.stages.length - 1] ?? 0;
  const lostIndex = pipeline.terminal.indexOf('lost');
  const lost = (counts.ended[lostIndex < 0 ? 0 : lostIndex] ?? []).reduce((sum, n) => sum + n, 0);
  return { won, lost, leadToWon: rate(won, counts.leads), winRate: rate(won, won + lost) };
}

/** DESIGN.md: differences whose 95 % intervals overlap are "not significant"; so is anything without an interval. */
export function notSignificant(a: Interval | null, b: Interval | null): boolean {
  if (!a || !b) return true;
  return a.low <= b.high && b.low <= a.high;
}

export interface HistogramBin {
  readonly value: number;
  readonly count: number;
}

/**
 * The q-quantile of the values a histogram counts, defined like DuckDB's quantile_cont (linear
 * interpolation between the order statistics at floor and ceil of (n − 1)·q), so a histogram from
 * the cube gives exactly what quantile_cont gives on the raw rows. null when there are no values.
 */
export function quantileFromHistogram(bins: readonly HistogramBin[], q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw new Error(`Quantile ${q} is outside [0, 1]`);
  const sorted = bins.filter((b) => b.count > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((sum, b) => sum + b.count, 0);
  if (n === 0) return null;
  const position = (n - 1) * q;
  const lowIndex = Math.floor(position);
  const low = orderStatistic(sorted, lowIndex);
  const high = orderStatistic(sorted, Math.ceil(position));
  return low + (position - lowIndex) * (high - low);
}

/** The k-th smallest value (0-based) of a sorted histogram. */
function orderStatistic(sorted: readonly HistogramBin[], k: number): number {
  let seen = 0;
  for (const bin of sorted) {
    seen += bin.count;
    if (k < seen) return bin.value;
  }
  throw new Error(`Order statistic ${k} is beyond the histogram`);
}

/**
 * One bin of a lag histogram as velocitySql returns it (column names as in SQL): `leads` leads took
 * `days` whole days from stage span_from's date to stage span_to's date; span_from 0 is created_at.
 */
export interface LagHistogramRow {
  readonly span_from: number;
  readonly span_to: number;
  readonly days: number;
  readonly leads: number;
}

export interface Velocity {
  readonly from: number;
  readonly to: number;
  readonly n: number;
  readonly median: number | null;
  readonly p80: number | null;
}

/** n, median and p80 days per span, from velocitySql's rows. Spans in first-seen order. */
export function velocityFromHistograms(rows: readonly LagHistogramRow[]): Velocity[] {
  const spans = new Map<string, { from: number; to: number; bins: HistogramBin[] }>();
  for (const row of rows) {
    const key = `${row.span_from}>${row.span_to}`;
    const span = spans.get(key) ?? { from: row.span_from, to: row.span_to, bins: [] };
    span.bins.push({ value: row.days, count: row.leads });
    spans.set(key, span);
  }
  return [...spans.values()].map(({ from, to, bins }) => ({
    from,
    to,
    n: bins.reduce((sum, b) => sum + b.count, 0),
    median: quantileFromHistogram(bins, 0.5),
    p80: quantileFromHistogram(bins, 0.8),
  }));
}

/** What lagHistogramSql's rows mean: the filtered lead→won distribution and what maturity needs. */
export interface LagDistribution {
  /** Lead→won days under the filter (the distribution chart). */
  readonly bins: HistogramBin[];
  /** p90 of lead→won days over all leads, unfiltered: the "historical" lag of DESIGN.md. */
  readonly historicalP90: number | null;
  /** Latest date in the data (yyyy-mm-dd); null for an empty leads table. */
  readonly asOf: string | null;
}

export function lagDistributionFromRows(
  rows: readonly { readonly as_of: string | null; readonly days: number | null; readonly leads: number; readonly all_leads: number }[],
): LagDistribution {
  const present = rows.filter((r) => r.days !== null);
  return {
    bins: present.filter((r) => r.leads > 0).map((r) => ({ value: r.days as number, count: r.leads })),
    historicalP90: quantileFromHistogram(present.map((r) => ({ value: r.days as number, count: r.all_leads })), 0.9),
    asOf: rows[0]?.as_of ?? null,
  };
}

const MS_PER_DAY = 86_400_000;

/** The last day of a created-month cohort 'yyyy-mm', as epoch ms (UTC). */
function endOfMonth(month: string): number {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) throw new Error(`"${month}" is not a month (yyyy-mm)`);
  return Date.UTC(Number(match[1]), Number(match[2]), 0);
}

function isoDay(text: string): number {
  if (!isIsoDate(text)) throw new Error(`"${text}" is not a date (yyyy-mm-dd)`);
  return Date.parse(`${text}T00:00:00Z`);
}

/**
 * DESIGN.md: a cohort is mature when at least the p90 of historical lead→won lag has passed — here
 * from the END of its month (its youngest leads) to `asOf`, the latest date in the data (exports are
 * snapshots, so "today" would make every old export look mature). Without any won lead there is no
 * lag to wait for and no evidence of maturity: null p90 → not mature.
 */
export function isMature(month: string, asOf: string, p90LagDays: number | null): boolean {
  if (p90LagDays === null) return false;
  return (isoDay(asOf) - endOfMonth(month)) / MS_PER_DAY >= p90LagDays;
}

export function matureCohorts(months: readonly string[], asOf: string, p90LagDays: number | null): string[] {
  return months.filter((month) => isMature(month, asOf, p90LagDays));
}
