import type { Pipeline } from '../domain/pipeline';
import { quoteIdent, type SqlQuery } from '../domain/sqlQuery';

/**
 * SQL for the index of the furthest pipeline stage a lead has reached (DESIGN.md "reached"):
 * the greater of what the current stage says and what the stage timestamps prove.
 * Stage names are bound, never pasted: pipelines are user configuration.
 */
export function reachedIndexSql(pipeline: Pipeline, alias = ''): SqlQuery {
  const prefix = alias ? `${quoteIdent(alias)}.` : '';
  const byStage = pipeline.stages.map((_, i) => `WHEN ? THEN ${i}`).join(' ');
  const stamped = pipeline.stages
    .map((stage, i) => ({ column: pipeline.stampColumn[stage], i }))
    .filter((s): s is { column: string; i: number } => s.column !== undefined)
    .reverse()
    .map(({ column, i }) => `WHEN ${prefix}${quoteIdent(column)} IS NOT NULL THEN ${i}`)
    .join(' ');
  return {
    sql: `GREATEST(CASE ${prefix}stage ${byStage} ELSE 0 END, CASE ${stamped || 'WHEN FALSE THEN 0'} ELSE 0 END)`,
    params: [...pipeline.stages],
  };
}
