import { dimensionColumn, type LeadDimension, type LeadFilter } from '../domain/leadFilter';
import type { Pipeline } from '../domain/pipeline';
import { joinSql, quoteIdent, type SqlQuery } from '../domain/sqlQuery';
import { whereSql } from './leadFilter';
import { LEAD_FACTS } from './leadFacts';

/**
 * The values of a filter dimension (a fixed one or an extra column, by its header) with their lead
 * counts under the other filters, most leads first (blank cells as NULL, listed too), for the
 * filter picker. Capped: a picker is for choosing.
 */
export function dimensionValuesSql(dimension: LeadDimension, filter: LeadFilter, pipeline: Pipeline, limit = 500): SqlQuery {
  const column = quoteIdent(dimensionColumn(dimension));
  return joinSql([`SELECT ${column} AS value, count(*)::BIGINT AS leads FROM ${LEAD_FACTS}`, whereSql(filter, pipeline), `GROUP BY ALL ORDER BY leads DESC, value NULLS LAST LIMIT ${Math.floor(limit)}`]);
}

/** How many distinct values (NULL not counted) each lead_facts column has (`n0`, `n1`, … in order), in one scan. */
export function distinctCountsSql(columns: readonly string[]): SqlQuery {
  return { sql: `SELECT ${columns.map((c, i) => `count(DISTINCT ${quoteIdent(c)})::BIGINT AS n${i}`).join(', ')} FROM ${LEAD_FACTS}`, params: [] };
}
