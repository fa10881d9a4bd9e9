import type { LeadFilter, SplitDimension } from '../domain/leadFilter';
import type { Pipeline } from '../domain/pipeline';
import { joinSql, quoteIdent, type SqlQuery } from '../domain/sqlQuery';
import { FUNNEL_CUBE, LAG_CUBE, filterExpressionSql, funnelCountNames, funnelCubeCovers, lagCubeCovers, lagRowsSql, leadRowsSql } from './funnelCube';

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

const useLagCubeFor = ({ filter, useCube = true }: FunnelQueryOptions) => useCube && lagCubeCovers(filter);

/** FROM item with the cube's columns (created_month, dimensions, r, leads, ended_t, latest_at), filtered. */
function leadSource(options: FunnelQueryOptions, dimension?: SplitDimension): SqlQuery {
  if (!useCubeFor(options, dimension)) return joinSql(['(', leadRowsSql(options.pipeline, options.filter), ') AS l']);
  return joinSql([`(SELECT * FROM ${FUNNEL_CUBE} WHERE`, filterExpressionSql(options.filter, options.pipeline, 'cube'), ') AS l']);
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

/** Grouped by the DATE and formatted per group: strftime on every cube row cost more than the sums. */
const MONTH = "strftime(created_month, '%Y-%m')";

/** One row: the whole funnel under the filter (funnelCountsFromRow reads it). */
export function funnelStagesSql(options: FunnelQueryOptions): SqlQuery {
  return joinSql([`SELECT ${countColumns(options.pipeline)} FROM`, leadSource(options)]);
}

/** One row per value of the dimension (`value`, NULL kept as its own group), largest first. */
export function splitFunnelSql(options: FunnelQueryOptions, dimension: SplitDimension): SqlQuery {
  const column = quoteIdent(dimension);
  return joinSql([
    `SELECT ${column} AS value, ${countColumns(options.pipeline)} FROM`,
    leadSource(options, dimension),
    `GROUP BY ${column} ORDER BY leads DESC, value NULLS LAST`,
  ]);
}

/** One row per created month (`month` yyyy-mm), oldest first. */
export function cohortSql(options: FunnelQueryOptions): SqlQuery {
  return joinSql([`SELECT ${MONTH} AS month, ${countColumns(options.pipeline)} FROM`, leadSource(options), 'GROUP BY created_month ORDER BY created_month']);
}

/** One row per created month and, with a dimension, per its value (`value`, NULL kept). */
export function trendSql(options: FunnelQueryOptions, dimension?: SplitDimension): SqlQuery {
  if (!dimension) return cohortSql(options);
  const column = quoteIdent(dimension);
  return joinSql([
    `SELECT ${MONTH} AS month, ${column} AS value, ${countColumns(options.pipeline)} FROM`,
    leadSource(options, dimension),
    `GROUP BY created_month, ${column} ORDER BY created_month, value NULLS LAST`,
  ]);
}

/** FROM item with the lag cube's columns plus `selected` (whether the lead matches the filter). */
function lagSource(options: FunnelQueryOptions, keepAll: boolean): SqlQuery {
  if (!useLagCubeFor(options)) return joinSql(['(', lagRowsSql(options.pipeline, options.filter, keepAll), ') AS g']);
  const verdict = filterExpressionSql(options.filter, options.pipeline, 'cube');
  return keepAll
    ? joinSql([`(SELECT *,`, verdict, `AS selected FROM ${LAG_CUBE}) AS g`])
    : joinSql([`(SELECT *, TRUE AS selected FROM ${LAG_CUBE} WHERE`, verdict, ') AS g']);
}

/**
 * Histograms of whole days per span (span_from, span_to, days, leads); span_from 0 is created_at.
 * velocityFromHistograms turns them into n, median and p80 per span, exactly as quantile_cont would.
 */
export function velocitySql(options: FunnelQueryOptions): SqlQuery {
  return joinSql([
    'SELECT span_from, span_to, days, sum(leads)::BIGINT AS leads FROM',
    lagSource(options, false),
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
  const cube = useLagCubeFor(options);
  const latest = cube
    ? { sql: `SELECT max(latest_at) AS as_of FROM ${FUNNEL_CUBE}`, params: [] }
    : joinSql(['SELECT max(latest_at) AS as_of FROM (', leadRowsSql(options.pipeline, []), ')']);
  return joinSql([
    'WITH h AS (SELECT days, coalesce(sum(leads) FILTER (WHERE selected), 0)::BIGINT AS leads, sum(leads)::BIGINT AS all_leads FROM',
    lagSource(options, true),
    `WHERE span_from = 0 AND span_to = ${won} GROUP BY days),`,
    'a AS (',
    latest,
    ")SELECT strftime(a.as_of, '%Y-%m-%d') AS as_of, h.days, coalesce(h.leads, 0)::BIGINT AS leads, coalesce(h.all_leads, 0)::BIGINT AS all_leads",
    'FROM a LEFT JOIN h ON TRUE ORDER BY h.days',
  ]);
}
