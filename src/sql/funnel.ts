import { funnelCountNames, type FunnelRequest } from '../domain/funnelCube';
import { dimensionColumn, type LeadFilter, type SplitBy } from '../domain/leadFilter';
import type { Pipeline } from '../domain/pipeline';
import { joinSql, type SqlQuery } from '../domain/sqlQuery';
import { lagRowsSql, leadRowsSql } from './funnelCube';

/**
 * The Funnel page's queries on the raw leads. Each returns counts only (rates, intervals and
 * quantiles are made by src/domain/funnel.ts). When the in-memory cube covers a filter, the page
 * computes the same rows from it instead (src/domain/funnelCube.ts; the integration test requires
 * identical results).
 */
export interface FunnelQueryOptions {
  readonly pipeline: Pipeline;
  readonly filter: LeadFilter;
}

/**
 * Per-lead rows with the funnel cube's columns (created_month, dimensions, r, 0/1 counts,
 * latest_at), filtered; with a split, its column as split_value.
 */
const leadsFrom = ({ pipeline, filter }: FunnelQueryOptions, split?: SplitBy): SqlQuery =>
  joinSql(['FROM (', leadRowsSql(pipeline, filter, split === undefined ? undefined : dimensionColumn(split)), ') AS l']);

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
  return joinSql([`SELECT ${countColumns(options.pipeline)}`, leadsFrom(options)]);
}

/**
 * One row per value of the dimension (`value`, NULL kept as its own group), largest first. The
 * dimension may be an extra column (any header: it is quoted once, in leadRowsSql).
 */
export function splitFunnelSql(options: FunnelQueryOptions, dimension: SplitBy): SqlQuery {
  return joinSql([
    `SELECT split_value AS value, ${countColumns(options.pipeline)} `,
    leadsFrom(options, dimension),
    'GROUP BY split_value ORDER BY leads DESC, value NULLS LAST',
  ]);
}

/** One row per created month (`month` yyyy-mm), oldest first. */
export function cohortSql(options: FunnelQueryOptions): SqlQuery {
  return joinSql([`SELECT ${MONTH} AS month, ${countColumns(options.pipeline)}`, leadsFrom(options), 'GROUP BY created_month ORDER BY created_month']);
}

/** One row per created month and, with a dimension, per its value (`value`, NULL kept). */
export function trendSql(options: FunnelQueryOptions, dimension?: SplitBy): SqlQuery {
  if (!dimension) return cohortSql(options);
  return joinSql([
    `SELECT ${MONTH} AS month, split_value AS value, ${countColumns(options.pipeline)} `,
    leadsFrom(options, dimension),
    'GROUP BY created_month, split_value ORDER BY created_month, value NULLS LAST',
  ]);
}

/**
 * Histograms of whole days per span (span_from, span_to, days, leads); span_from 0 is created_at.
 * velocityFromHistograms turns them into n, median and p80 per span, exactly as quantile_cont would.
 */
export function velocitySql(options: FunnelQueryOptions): SqlQuery {
  return joinSql([
    'SELECT span_from, span_to, days, sum(leads)::BIGINT AS leads FROM (',
    lagRowsSql(options.pipeline, options.filter),
    ')',
    'GROUP BY span_from, span_to, days ORDER BY span_from, span_to, days',
  ]);
}

/**
 * The lead→won lag distribution: per whole day, `leads` under the filter and `all_leads` over all
 * leads (the historical distribution whose p90 decides maturity), and `as_of` (yyyy-mm-dd), the
 * latest created/closed/last-activity date in the data, on every row. Always at least one row: with
 * no won lead at all, days is NULL and both counts 0.
 */
export function lagHistogramSql({ pipeline, filter }: FunnelQueryOptions): SqlQuery {
  const won = pipeline.stages.length - 1;
  return joinSql([
    'WITH h AS (SELECT days, coalesce(sum(leads) FILTER (WHERE selected), 0)::BIGINT AS leads, sum(leads)::BIGINT AS all_leads FROM (',
    lagRowsSql(pipeline, filter, true),
    `) WHERE span_from = 0 AND span_to = ${won} GROUP BY days), a AS (SELECT max(latest_at) AS as_of FROM (`,
    leadRowsSql(pipeline, []),
    "))SELECT strftime(a.as_of, '%Y-%m-%d') AS as_of, h.days, coalesce(h.leads, 0)::BIGINT AS leads, coalesce(h.all_leads, 0)::BIGINT AS all_leads",
    'FROM a LEFT JOIN h ON TRUE ORDER BY h.days',
  ]);
}

/** The SQL builder of a Funnel view's request. */
export function funnelRequestSql(options: FunnelQueryOptions, request: FunnelRequest): SqlQuery {
  switch (request.kind) {
    case 'stages':
      return funnelStagesSql(options);
    case 'split':
      return splitFunnelSql(options, request.dimension);
    case 'cohorts':
      return cohortSql(options);
    case 'trend':
      return trendSql(options, request.dimension);
    case 'velocity':
      return velocitySql(options);
    case 'lagHistogram':
      return lagHistogramSql(options);
  }
}
