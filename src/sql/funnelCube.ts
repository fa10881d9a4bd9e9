import { endedColumn, reachedColumn } from '../domain/funnel';
import type { LeadCondition, LeadFilter, SplitDimension } from '../domain/leadFilter';
import type { Pipeline } from '../domain/pipeline';
import { joinSql, quoteIdent, type SqlQuery } from '../domain/sqlQuery';
import { conditionSql } from './leadFilter';
import { reachedIndexSql } from './reach';

/**
 * Pre-aggregated leads for the Funnel page. Raw GROUP BYs over 1M–5M leads take 100–500 ms in
 * duckdb-wasm; the page must answer in ≤ 20 ms, so each import builds two small tables once:
 * - _funnel_cube: leads per created month × medium × channel × sales_unit × owner × furthest
 *   reached stage r, with how many of them are now in each terminal stage and their latest date;
 * - _funnel_lag_cube: histograms of whole days between stage dates, over the same dimensions.
 * Both depend on the pipeline (r, the terminal stages): rebuild them when it changes.
 *
 * The per-lead rows below have exactly the cube's columns, so a builder reads the same columns
 * from the raw leads table or from a cube, and only the FROM differs.
 */
export const FUNNEL_CUBE = '_funnel_cube';
export const LAG_CUBE = '_funnel_lag_cube';
/** The lag cube summed over medium, channel and sales_unit: for filters on months and stages only. */
export const LAG_MONTHS = '_funnel_lag_months';

/** Lead columns the cubes keep; a filter or split on any other column must read the raw leads. */
export const CUBE_DIMENSIONS = ['medium', 'channel', 'sales_unit', 'owner'] as const satisfies readonly SplitDimension[];
const CUBE_COLUMNS = CUBE_DIMENSIONS.map(quoteIdent).join(', ');
/**
 * The lag cube leaves out owner: with ~40 owners it grew from 443k to 704k rows at 1M leads, and
 * velocity over it took ~50 ms in duckdb-wasm (budget 20 ms). An owner filter reads the raw leads.
 */
export const LAG_CUBE_DIMENSIONS = ['medium', 'channel', 'sales_unit'] as const satisfies readonly SplitDimension[];
const LAG_COLUMNS = LAG_CUBE_DIMENSIONS.map(quoteIdent).join(', ');

/** Whether the funnel cube can answer a filter (and a split): true ⇒ same result as the raw leads. */
export function funnelCubeCovers(filter: LeadFilter, dimension?: SplitDimension): boolean {
  const covered = (d: string) => (CUBE_DIMENSIONS as readonly string[]).includes(d);
  if (dimension !== undefined && !covered(dimension)) return false;
  return filter.every((c) => {
    switch (c.kind) {
      case 'values':
        return covered(c.dimension);
      case 'created':
        return coversWholeMonths(c.range.from, c.range.to);
      case 'reached':
        return true;
    }
  });
}

/** Whether the lag cube can answer a filter (velocity and lag histograms have no split). */
export function lagCubeCovers(filter: LeadFilter): boolean {
  const covered = (d: string) => (LAG_CUBE_DIMENSIONS as readonly string[]).includes(d);
  return funnelCubeCovers(filter) && filter.every((c) => c.kind !== 'values' || covered(c.dimension));
}

/** A month cube can only cut at month boundaries: from must be a 1st, to the last day of a month. */
function coversWholeMonths(from: string, to: string): boolean {
  const day = (text: string) => new Date(`${text}T00:00:00Z`);
  const start = day(from);
  const end = day(to);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return false;
  const next = new Date(end.getTime() + 86_400_000);
  return start.getUTCDate() === 1 && next.getUTCDate() === 1;
}

/** A filter condition on a cube's columns (only for filters funnelCubeCovers accepts). */
function cubeConditionSql(condition: LeadCondition, pipeline: Pipeline): SqlQuery {
  switch (condition.kind) {
    case 'values':
      return conditionSql(condition, pipeline); // the cube keeps the lead column names
    case 'created':
      return { sql: 'created_month BETWEEN ?::DATE AND ?::DATE', params: [condition.range.from, condition.range.to] };
    case 'reached': {
      const index = pipeline.stages.indexOf(condition.stage);
      return index < 0 ? { sql: 'FALSE', params: [] } : { sql: `r >= ${index}`, params: [] };
    }
  }
}

/** The AND of a filter as a boolean expression ('TRUE' when empty), on the raw leads or on a cube. */
export function filterExpressionSql(filter: LeadFilter, pipeline: Pipeline, on: 'leads' | 'cube'): SqlQuery {
  if (filter.length === 0) return { sql: 'TRUE', params: [] };
  const one = (c: LeadCondition) => (on === 'cube' ? cubeConditionSql(c, pipeline) : conditionSql(c, pipeline));
  return joinSql(['(', joinSql(filter.map(one), ' AND '), ')']);
}

/** Count columns of the funnel cube, in order: leads, reached_k per later stage, ended_t_at_i. */
export function funnelCountNames(pipeline: Pipeline): string[] {
  return [
    'leads',
    ...pipeline.stages.flatMap((_, k) => (k > 0 ? [reachedColumn(k)] : [])),
    ...pipeline.terminal.flatMap((_, t) => pipeline.stages.map((_, i) => endedColumn(t, i))),
  ];
}

/**
 * One row per lead, in the funnel cube's shape: its created month, the cube dimensions (and
 * `region`, for splits the cube does not cover), its furthest reached stage r, and the count columns
 * as 0/1 — reached_k = r ≥ k, ended_t_at_i = r = i and its current stage is terminal t — so that
 * every query is plain sums, measured 4× faster in duckdb-wasm than sum() FILTER (WHERE r ≥ k) on
 * the cube. latest_at is its latest date (the data's as-of date is the maximum).
 */
export function leadRowsSql(pipeline: Pipeline, filter: LeadFilter): SqlQuery {
  const reached = pipeline.stages.flatMap((_, k) => (k > 0 ? [`(r >= ${k})::INTEGER AS ${reachedColumn(k)}`] : []));
  const ended = pipeline.terminal.flatMap((_, t) =>
    pipeline.stages.map((_, i) => `(r = ${i} AND stage = ?)::INTEGER AS ${endedColumn(t, i)}`),
  );
  const endedParams = pipeline.terminal.flatMap((name) => pipeline.stages.map(() => name));
  return joinSql([
    `SELECT created_month, ${CUBE_COLUMNS}, region, r, 1 AS leads,`,
    { sql: [...reached, ...ended].map((c) => `${c}, `).join(''), params: endedParams },
    'latest_at FROM (SELECT *,',
    reachedIndexSql(pipeline),
    "AS r, date_trunc('month', created_at)::DATE AS created_month,",
    'greatest(created_at, closed_at, last_activity_at)::DATE AS latest_at',
    'FROM leads WHERE',
    filterExpressionSql(filter, pipeline, 'leads'),
    ')',
  ]);
}

export function createFunnelCubeSql(pipeline: Pipeline): SqlQuery {
  const sums = funnelCountNames(pipeline).map((name) => `sum(${name})::INTEGER AS ${name}`);
  return joinSql([
    `CREATE OR REPLACE TABLE ${FUNNEL_CUBE} AS SELECT created_month, ${CUBE_COLUMNS}, r, ${sums.join(', ')},`,
    'max(latest_at) AS latest_at FROM (',
    leadRowsSql(pipeline, []),
    `) GROUP BY ALL ORDER BY created_month, ${CUBE_COLUMNS}, r`,
  ]);
}

/** Stage i's date on a lead, or null when exports carry none (then the stage has no velocity). */
function stageDateSql(pipeline: Pipeline, i: number): SqlQuery | null {
  if (i === 0) return { sql: 'created_at', params: [] };
  const stage = pipeline.stages[i]!;
  const column = pipeline.stampColumn[stage];
  if (column) return { sql: quoteIdent(column), params: [] };
  // The success stage is dated by closed_at, which lost leads carry too: only when the lead is in it.
  if (i === pipeline.stages.length - 1) return { sql: 'CASE WHEN stage = ? THEN closed_at END', params: [stage] };
  return null;
}

/**
 * The spans velocity measures: created_at → every later dated stage, and each transition between
 * consecutive dated stages (created → first later stage is both, and listed once).
 */
export function lagSpans(pipeline: Pipeline): { from: number; to: number }[] {
  const dated = pipeline.stages.map((_, i) => stageDateSql(pipeline, i) !== null);
  const spans: { from: number; to: number }[] = [];
  for (let to = 1; to < dated.length; to++) if (dated[to]) spans.push({ from: 0, to });
  for (let to = 2; to < dated.length; to++) if (dated[to] && dated[to - 1]) spans.push({ from: to - 1, to });
  return spans;
}

/**
 * One row per lead and span with both dates: whole days between them, in the lag cube's shape.
 * `selected` is the filter's verdict: either leads not matching are dropped (keepAll false) or kept
 * and marked, for figures that need the filtered and the historical distribution at once.
 */
export function lagRowsSql(pipeline: Pipeline, filter: LeadFilter, keepAll = false): SqlQuery {
  const dates = pipeline.stages.map((_, i) => stageDateSql(pipeline, i));
  const dateColumns = dates.flatMap((d, i) => (d ? [joinSql([d, `AS d${i}`])] : []));
  const span = (from: number, to: number, where: string) =>
    `SELECT created_month, ${LAG_COLUMNS}, r, ${from} AS span_from, ${to} AS span_to, ` +
    `date_diff('day', d${from}, d${to}) AS days, 1 AS leads, selected FROM f WHERE ${where}`;
  const spans = lagSpans(pipeline).map(({ from, to }) => span(from, to, `d${from} IS NOT NULL AND d${to} IS NOT NULL`));
  const verdict = filterExpressionSql(filter, pipeline, 'leads');
  return joinSql([
    "WITH f AS (SELECT date_trunc('month', created_at)::DATE AS created_month,",
    `${LAG_COLUMNS},`,
    reachedIndexSql(pipeline),
    'AS r,',
    joinSql(dateColumns, ', '),
    ',',
    keepAll ? joinSql([verdict, 'AS selected FROM leads)']) : joinSql(['TRUE AS selected FROM leads WHERE', verdict, ')']),
    spans.length ? spans.join(' UNION ALL ') : span(0, 0, 'FALSE'), // a pipeline without dates: no rows, same columns
  ]);
}

export function createLagCubeSql(pipeline: Pipeline): SqlQuery {
  return joinSql([
    `CREATE OR REPLACE TABLE ${LAG_CUBE} AS SELECT created_month, ${LAG_COLUMNS}, r, span_from, span_to, days, sum(leads)::INTEGER AS leads FROM (`,
    lagRowsSql(pipeline, []),
    `) GROUP BY ALL ORDER BY span_from, span_to, created_month, ${LAG_COLUMNS}, r, days`,
  ]);
}

/** Velocity without a filter over 443k lag-cube rows took ~33 ms in duckdb-wasm; over this rollup (45k) ~5 ms. */
export function createLagMonthsSql(): SqlQuery {
  return {
    sql:
      `CREATE OR REPLACE TABLE ${LAG_MONTHS} AS SELECT created_month, r, span_from, span_to, days, sum(leads)::INTEGER AS leads ` +
      `FROM ${LAG_CUBE} GROUP BY ALL ORDER BY span_from, span_to, created_month, r, days`,
    params: [],
  };
}

/** Every pre-aggregate, in order; run once per import (and when the pipeline changes). */
export function createFunnelCubesSql(pipeline: Pipeline): SqlQuery[] {
  return [createFunnelCubeSql(pipeline), createLagCubeSql(pipeline), createLagMonthsSql()];
}
