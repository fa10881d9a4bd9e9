import { toRows, type Row } from '../db/arrowRows';
import type { Db } from '../db/types';
import { quantileFromHistogram } from '../domain/funnel';
import type { Pipeline } from '../domain/pipeline';
import { CANONICAL } from '../domain/schema';
import { lagHistogramSql } from '../sql/funnel';
import { tableColumnsSql } from '../sql/importMerge';
import { LEAD_FACTS } from '../sql/leadFacts';
import { distinctCountsSql } from '../sql/filterValues';
import { funnelKpisSql } from '../sql/overview';

/** The headline figures of one group of leads (DESIGN.md's metric definitions). */
export interface GroupFigures {
  readonly leads: number;
  readonly won: number;
  readonly lost: number;
  /** The won leads' known amounts; null when none is known (revenue unknown, never 0). */
  readonly revenue: number | null;
}

export interface LeadFigures extends GroupFigures {
  readonly leadToWon: number | null;
  /** won ÷ (won + lost); null when no lead is won or lost. */
  readonly winRate: number | null;
  /** Median whole days from created_at to the won date over the won leads with both dates; null without any. */
  readonly medianDaysToWon: number | null;
  /** The amounts' currency where there is exactly one; null when unknown or mixed. */
  readonly currency: string | null;
  /** Per dimension: its values with their figures, most leads first (null: not given). */
  readonly by: Readonly<Record<string, readonly ({ readonly value: string | null } & GroupFigures)[]>>;
}

/** Dimensions of `by` besides the extra and lookup columns. */
export const FIGURE_DIMENSIONS = ['medium', 'source', 'owner', 'sales_unit'] as const;
/** An extra or lookup column joins `by` when it has at most this many values. */
export const MAX_FIGURE_VALUES = 200;
/**
 * At most this many extra and lookup columns join `by` (the first in column order): a query per
 * column made the figures of a 1,200-column export take 50 s, and no one reads a thousand splits.
 */
export const MAX_FIGURE_EXTRAS = 50;
/** Extra columns whose values are counted in one scan. */
const COUNTS_PER_SCAN = 64;

function groupFigures(row: Row | undefined, pipeline: Pipeline): GroupFigures {
  const last = pipeline.stages.length - 1;
  return {
    leads: Number(row?.leads ?? 0),
    won: Number(row?.[`reached_${last}`] ?? 0),
    lost: Number(row?.lost ?? 0),
    revenue: row?.revenue === null || row?.revenue === undefined ? null : Number(row.revenue),
  };
}

/**
 * The figures a controller checks before publishing (the ETL's report.json), computed with the
 * app's own metric code on lead_facts: the Overview's KPI query, the Funnel's lag histogram.
 */
export async function leadFigures(db: Db, pipeline: Pipeline): Promise<LeadFigures> {
  const [total] = toRows(await db.query(funnelKpisSql({ pipeline })));
  const headline = groupFigures(total, pipeline);
  const lags = toRows(await db.query(lagHistogramSql({ pipeline, filter: [] })));
  const bins = lags.filter((r) => r.days !== null).map((r) => ({ value: Number(r.days), count: Number(r.leads) }));
  const by: Record<string, ({ value: string | null } & GroupFigures)[]> = {};
  for (const dimension of await figureDimensions(db)) {
    by[dimension] = toRows(await db.query(funnelKpisSql({ pipeline, groupBy: dimension }))).map((row) => ({
      value: row.value === null || row.value === undefined ? null : String(row.value),
      ...groupFigures(row, pipeline),
    }));
  }
  const currencies = Number(total?.currencies ?? 0);
  return {
    ...headline,
    leadToWon: headline.leads ? headline.won / headline.leads : null,
    winRate: headline.won + headline.lost ? headline.won / (headline.won + headline.lost) : null,
    medianDaysToWon: quantileFromHistogram(bins, 0.5),
    currency: currencies === 1 && typeof total?.currency === 'string' ? total.currency : null,
    by,
  };
}

/** medium, source, owner, sales_unit, and the extra or lookup columns of lead_facts with at most MAX_FIGURE_VALUES values (at most MAX_FIGURE_EXTRAS). */
async function figureDimensions(db: Db): Promise<string[]> {
  const canonical = new Set([...CANONICAL.leads.map((c) => c.name), '_source', '_line']);
  const others = toRows(await db.query(tableColumnsSql(LEAD_FACTS)))
    .map((r) => String(r.name))
    .filter((name) => !canonical.has(name));
  const small: string[] = [];
  for (let start = 0; start < others.length && small.length < MAX_FIGURE_EXTRAS; start += COUNTS_PER_SCAN) {
    const part = others.slice(start, start + COUNTS_PER_SCAN);
    const [counts] = toRows(await db.query(distinctCountsSql(part)));
    small.push(...part.filter((_, i) => Number(counts?.[`n${i}`] ?? 0) <= MAX_FIGURE_VALUES));
  }
  return [...FIGURE_DIMENSIONS, ...small.slice(0, MAX_FIGURE_EXTRAS)];
}
