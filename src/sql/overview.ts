import type { LeadFilter } from '../domain/leadFilter';
import type { Pipeline } from '../domain/pipeline';
import { joinSql, quoteIdent, type SqlQuery } from '../domain/sqlQuery';
import { LEAD_FACTS } from './leadFacts';
import { whereSql } from './leadFilter';
import { reachedIndexSql } from './reach';

export interface FunnelKpiOptions {
  readonly pipeline: Pipeline;
  readonly groupByMedium?: boolean;
  /** A lead_facts column to group by instead (its values as `value`, most leads first); wins over groupByMedium. */
  readonly groupBy?: string;
  /** The shared filters (none: every lead). */
  readonly filter?: LeadFilter;
}

/**
 * Headline funnel figures on the leads with their deals applied (lead_facts): leads, leads that
 * reached each later stage (reached_1 … reached_n), `lost` (now in the first terminal stage, for
 * the win rate), `revenue` = the won leads' amounts (0 when none is won, NULL when none of the won has
 * an amount: unknown, never 0),
 * `won_unpriced` (won leads without an amount), and the won amounts' `currency` where there is
 * exactly one (`currencies` counts them).
 */
export function funnelKpisSql({ pipeline, groupByMedium = false, groupBy, filter = [] }: FunnelKpiOptions): SqlQuery {
  const won = `r >= ${pipeline.stages.length - 1}`;
  const grouped = groupBy !== undefined ? `${quoteIdent(groupBy)} AS value` : groupByMedium ? 'medium' : null;
  const key = groupBy !== undefined ? 'value' : 'medium';
  return joinSql([
    `WITH l AS (SELECT ${grouped ? `${grouped}, ` : ''}amount, currency, stage,`,
    reachedIndexSql(pipeline),
    `AS r FROM ${LEAD_FACTS}`,
    whereSql(filter, pipeline),
    ')',
    `SELECT ${grouped ? `${key}, ` : ''}`,
    { sql: `count(*) FILTER (WHERE stage = ? AND NOT (${won}))::BIGINT AS lost,`, params: [pipeline.terminal[0] ?? 'lost'] },
    funnelAggregatesSql(pipeline),
    'FROM l',
    grouped ? `GROUP BY ${key} ORDER BY leads DESC, ${key} NULLS LAST` : '',
  ]);
}

/**
 * The funnel's aggregates over rows with a reached index `r`, `amount` and `currency`: `leads`,
 * `reached_1` … `reached_n`, `revenue` (nothing won is 0; won leads none of which has an amount are
 * revenue unknown, NULL, never 0), `won_unpriced`, `currencies` and `currency` (see funnelKpisSql).
 */
export function funnelAggregatesSql(pipeline: Pipeline): string {
  const won = `r >= ${pipeline.stages.length - 1}`;
  const reachedCounts = pipeline.stages.slice(1).map((_, k) => `count(*) FILTER (WHERE r >= ${k + 1})::BIGINT AS reached_${k + 1}`);
  return [
    `count(*)::BIGINT AS leads, ${reachedCounts.join(', ')},`,
    `(CASE WHEN count(*) FILTER (WHERE ${won}) = 0 THEN 0 ELSE sum(amount) FILTER (WHERE ${won}) END)::DOUBLE AS revenue,`,
    `count(*) FILTER (WHERE ${won} AND amount IS NULL)::BIGINT AS won_unpriced,`,
    `count(DISTINCT currency) FILTER (WHERE ${won} AND amount IS NOT NULL)::BIGINT AS currencies, min(currency) FILTER (WHERE ${won} AND amount IS NOT NULL) AS currency`,
  ].join(' ');
}

/** Leads per created month (yyyy-mm) and medium: the Overview's stacked chart (leads without a date are left out). */
export function leadsPerMonthByMediumSql(pipeline: Pipeline, filter: LeadFilter = []): SqlQuery {
  return joinSql([
    `SELECT strftime(date_trunc('month', created_at), '%Y-%m') AS month, medium, count(*)::BIGINT AS leads FROM ${LEAD_FACTS}`,
    joinSql([whereSql(filter, pipeline), filter.length ? 'AND created_at IS NOT NULL' : 'WHERE created_at IS NOT NULL']),
    'GROUP BY ALL ORDER BY month, medium',
  ]);
}

/**
 * How many leads there are and how many have a creation date (`leads`, `dated`): views by date need
 * them; and the latest creation date (`last_created`, yyyy-mm-dd or NULL), shown beside the period
 * so that months after the data ends are not read as a drop.
 */
export function dateCoverageSql(): SqlQuery {
  return {
    sql: `SELECT count(*)::BIGINT AS leads, count(created_at)::BIGINT AS dated, strftime(max(created_at), '%Y-%m-%d') AS last_created FROM ${LEAD_FACTS}`,
    params: [],
  };
}
