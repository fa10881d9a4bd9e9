import type { LeadFilter, SplitDimension } from '../domain/leadFilter';
import type { Pipeline } from '../domain/pipeline';
import { joinSql, quoteIdent, type SqlQuery } from '../domain/sqlQuery';
import {
  FUNNEL_CUBE,
  LAG_CUBE,
  LAG_MONTHS,
  filterExpressionSql,
  funnelCountNames,
  funnelCubeCovers,
  lagCubeCovers,
  lagRowsSql,
  leadRowsSql,
} from './funnelCube';

/**
 * The Funnel page's queries. Each returns counts only (rates, intervals and quantiles are made by
 * src/domain/funnel.ts) and reads the pre-aggregated cubes of funnelCube.ts when they cover the
 * filter and the grouping, else the raw leads table — with identical results either way.
 */
export interface FunnelQueryOptions {
  readonly pipeline: Pipeline;
  readonly filter: LeadFilter;
  /** false reads the raw leads table even when the cubes cover the query (before they exist; tests). */
  readonly useCube?: boolean;
}

const useCubeFor = ({ filter, useCube = true }: FunnelQueryOptions, dimension?: SplitDimension) =>
  useCube && funnelCubeCovers(filter, dimension);

/**
 * Where a query reads from, and its conditions. The cubes are read directly, never through a
 * subquery: `(SELECT * FROM cube WHERE …)` made duckdb-wasm 2–2.5× slower on them.
 */
interface Source {
  readonly from: SqlQuery | string;
  readonly conditions: readonly (SqlQuery | string)[];
}

const whereOf = (conditions: readonly (SqlQuery | string)[]): SqlQuery =>
  conditions.length ? joinSql(['WHERE', joinSql(conditions, ' AND ')]) : { sql: '', params: [] };

const fromOf = (source: Source): SqlQuery => joinSql(['FROM', source.from, whereOf(source.conditions)]);

/** Rows with the funnel cube's columns (created_month, dimensions, r, count columns, latest_at), filtered. */
function leadSource(options: FunnelQueryOptions, dimension?: SplitDimension): Source {
  const { pipeline, filter } = options;
  if (!useCubeFor(options, dimension)) return { from: joinSql(['(', leadRowsSql(pipeline, filter), ') AS l']), conditions: [] };
  return { from: FUNNEL_CUBE, conditions: filter.length ? [filterExpressionSql(filter, pipeline, 'cube')] : [] };
}

/**
 * leads, reached_k per later stage k, ended_t_at_i per terminal stage t and furthest stage i:
 * sums of the same columns over per-lead rows (0/1) or cube rows; coalesce so an empty result is 0.
 */
function countColumns(pipeline: Pipeline): string {
  return funnelCountNames(pipeline)
    .map((name) => `coalesce(sum(${name}), 0)::BIGINT AS ${name}`)
    .join(', ');
}

/** Grouped by the DATE and formatted once per group, not once per row. */
const MONTH = "strftime(created_month, '%Y-%m')";

/** One row: the whole funnel under the filter (funnelCountsFromRow reads it). */
export function funnelStagesSql(options: FunnelQueryOptions): SqlQuery {
  return joinSql([`SELECT ${countColumns(options.pipeline)}`, fromOf(leadSource(options))]);
}

/** One row per value of the dimension (`value`, NULL kept as its own group), largest first. */
export function splitFunnelSql(options: FunnelQueryOptions, dimension: SplitDimension): SqlQuery {
  const column = quoteIdent(dimension);
  return joinSql([
    `SELECT ${column} AS value, ${countColumns(options.pipeline)} `,
    fromOf(leadSource(options, dimension)),
    `GROUP BY ${column} ORDER BY leads DESC, value NULLS LAST`,
  ]);
}

/** One row per created month (`month` yyyy-mm), oldest first. */
export function cohortSql(options: FunnelQueryOptions): SqlQuery {
  return joinSql([`SELECT ${MONTH} AS month, ${countColumns(options.pipeline)}`, fromOf(leadSource(options)), 'GROUP BY created_month ORDER BY created_month']);
}

/** One row per created month and, with a dimension, per its value (`value`, NULL kept). */
export function trendSql(options: FunnelQueryOptions, dimension?: SplitDimension): SqlQuery {
  if (!dimension) return cohortSql(options);
  const column = quoteIdent(dimension);
  return joinSql([
    `SELECT ${MONTH} AS month, ${column} AS value, ${countColumns(options.pipeline)} `,
    fromOf(leadSource(options, dimension)),
    `GROUP BY created_month, ${column} ORDER BY created_month, value NULLS LAST`,
  ]);
}

/**
 * Rows with the lag cube's columns, and `selected`: whether a row matches the filter. keepAll keeps
 * the rows that do not (for the historical distribution); else they are filtered out.
 */
function lagSource(options: FunnelQueryOptions, keepAll: boolean): Source & { readonly selected: SqlQuery | string } {
  const { pipeline, filter, useCube = true } = options;
  if (!(useCube && lagCubeCovers(filter))) {
    return { from: joinSql(['(', lagRowsSql(pipeline, filter, keepAll), ') AS g']), conditions: [], selected: 'selected' };
  }
  // The month rollup is a tenth of the lag cube's size and answers filters on months and stages alone.
  const from = filter.some((c) => c.kind === 'values') ? LAG_CUBE : LAG_MONTHS;
  const verdict = filterExpressionSql(filter, pipeline, 'cube');
  if (keepAll) return { from, conditions: [], selected: verdict };
  return { from, conditions: filter.length ? [verdict] : [], selected: 'TRUE' };
}

/**
 * Histograms of whole days per span (span_from, span_to, days, leads); span_from 0 is created_at.
 * velocityFromHistograms turns them into n, median and p80 per span, exactly as quantile_cont would.
 */
export function velocitySql(options: FunnelQueryOptions): SqlQuery {
  return joinSql([
    'SELECT span_from, span_to, days, sum(leads)::BIGINT AS leads',
    fromOf(lagSource(options, false)),
    'GROUP BY span_from, span_to, days ORDER BY span_from, span_to, days',
  ]);
}

/**
 * The lead→won lag distribution: per whole day, `leads` under the filter and `all_leads` over all
 * leads (the historical distribution whose p90 decides maturity), and `as_of` (yyyy-mm-dd), the
 * latest created/closed/last-activity date in the data, on every row. Always at least one row: with
 * no won lead at all, days is NULL and both counts 0.
 */
export function lagHistogramSql(options: FunnelQueryOptions): SqlQuery {
  const won = options.pipeline.stages.length - 1;
  const lags = lagSource(options, true);
  const onCube = typeof lags.from === 'string';
  const latest = onCube
    ? { sql: `SELECT max(latest_at) AS as_of FROM ${FUNNEL_CUBE}`, params: [] }
    : joinSql(['SELECT max(latest_at) AS as_of FROM (', leadRowsSql(options.pipeline, []), ')']);
  return joinSql([
    'WITH h AS (SELECT days, coalesce(sum(leads) FILTER (WHERE',
    lags.selected,
    '), 0)::BIGINT AS leads, sum(leads)::BIGINT AS all_leads',
    fromOf({ ...lags, conditions: [...lags.conditions, `span_from = 0 AND span_to = ${won}`] }),
    'GROUP BY days), a AS (',
    latest,
    ")SELECT strftime(a.as_of, '%Y-%m-%d') AS as_of, h.days, coalesce(h.leads, 0)::BIGINT AS leads, coalesce(h.all_leads, 0)::BIGINT AS all_leads",
    'FROM a LEFT JOIN h ON TRUE ORDER BY h.days',
  ]);
}
