import { dimensionColumn, type LeadCondition, type LeadFilter } from '../domain/leadFilter';
import type { Pipeline } from '../domain/pipeline';
import { joinSql, quoteIdent, type SqlQuery } from '../domain/sqlQuery';
import { reachedIndexSql } from './reach';

/**
 * One condition on the leads table (columns unqualified, or of `alias`), every value bound.
 * A stage the pipeline does not have matches no lead.
 */
export function conditionSql(condition: LeadCondition, pipeline: Pipeline, alias = ''): SqlQuery {
  const column = (name: string) => (alias ? `${quoteIdent(alias)}.${quoteIdent(name)}` : quoteIdent(name));
  switch (condition.kind) {
    case 'values': {
      const given = condition.values.filter((v): v is string => v !== null);
      const name = column(dimensionColumn(condition.dimension));
      const parts: SqlQuery[] = [];
      if (given.length) parts.push({ sql: `${name} IN (${given.map(() => '?').join(', ')})`, params: given });
      if (given.length < condition.values.length) parts.push({ sql: `${name} IS NULL`, params: [] });
      if (parts.length === 0) return { sql: 'FALSE', params: [] };
      const either = joinSql(parts, ' OR ');
      return { sql: `(${either.sql})`, params: either.params };
    }
    case 'created':
      return { sql: `${column('created_at')} BETWEEN ?::DATE AND ?::DATE`, params: [condition.range.from, condition.range.to] };
    case 'reached': {
      const index = pipeline.stages.indexOf(condition.stage);
      if (index < 0) return { sql: 'FALSE', params: [] };
      return joinSql([reachedIndexSql(pipeline, alias), `>= ${index}`]);
    }
  }
}

/** The AND of a filter's conditions as a boolean expression ('TRUE' when there are none). */
export function filterSql(filter: LeadFilter, pipeline: Pipeline, alias = ''): SqlQuery {
  if (filter.length === 0) return { sql: 'TRUE', params: [] };
  return joinSql(['(', andSql(filter, pipeline, alias), ')']);
}

const andSql = (filter: LeadFilter, pipeline: Pipeline, alias: string): SqlQuery => joinSql(filter.map((c) => conditionSql(c, pipeline, alias)), ' AND ');

/** The AND of a filter's conditions, as a WHERE clause ('' when there are none). */
export function whereSql(filter: LeadFilter, pipeline: Pipeline, alias = ''): SqlQuery {
  if (filter.length === 0) return { sql: '', params: [] };
  return joinSql(['WHERE', andSql(filter, pipeline, alias)]);
}
