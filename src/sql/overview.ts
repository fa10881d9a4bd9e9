import type { LeadFilter } from '../domain/leadFilter';
import type { Pipeline } from '../domain/pipeline';
import { joinSql, type SqlQuery } from '../domain/sqlQuery';
import { whereSql } from './leadFilter';
import { reachedIndexSql } from './reach';

export interface FunnelKpiOptions {
  readonly pipeline: Pipeline;
  /** Whether a deals table is loaded; without it revenue comes from the leads' own amount. */
  readonly hasDeals: boolean;
  readonly groupByMedium?: boolean;
  /** The shared filters (none: every lead). */
  readonly filter?: LeadFilter;
}

/**
 * Headline funnel figures: leads, leads that reached each later stage (reached_1 … reached_n),
 * and revenue = won deal amounts, else the won lead's own amount (DESIGN.md).
 */
export function funnelKpisSql({ pipeline, hasDeals, groupByMedium = false, filter = [] }: FunnelKpiOptions): SqlQuery {
  const last = pipeline.stages.length - 1;
  const reachedCounts = pipeline.stages
    .slice(1)
    .map((_, k) => `count(*) FILTER (WHERE r >= ${k + 1})::BIGINT AS reached_${k + 1}`)
    .join(', ');
  const wonAmount = hasDeals ? 'coalesce(w.amount, l.amount)' : 'l.amount';
  const group = groupByMedium ? 'l.medium, ' : '';
  return joinSql([
    'WITH',
    hasDeals
      ? { sql: 'won_deals AS (SELECT lead_id, sum(amount)::DOUBLE AS amount FROM deals WHERE outcome = ? GROUP BY lead_id),', params: ['won'] }
      : '',
    'l AS (SELECT lead_id, medium, amount,',
    reachedIndexSql(pipeline),
    'AS r FROM leads',
    whereSql(filter, pipeline),
    ')',
    `SELECT ${group}count(*)::BIGINT AS leads, ${reachedCounts},`,
    `coalesce(sum(CASE WHEN r >= ${last} THEN ${wonAmount} END), 0)::DOUBLE AS revenue`,
    'FROM l',
    hasDeals ? 'LEFT JOIN won_deals w ON w.lead_id = l.lead_id' : '',
    groupByMedium ? 'GROUP BY l.medium ORDER BY leads DESC, l.medium' : '',
  ]);
}

/** Leads per created month (yyyy-mm) and medium: the Overview's stacked chart. */
export function leadsPerMonthByMediumSql(pipeline: Pipeline, filter: LeadFilter = []): SqlQuery {
  return joinSql([
    "SELECT strftime(date_trunc('month', created_at), '%Y-%m') AS month, medium, count(*)::BIGINT AS leads FROM leads",
    whereSql(filter, pipeline),
    'GROUP BY ALL ORDER BY month, medium',
  ]);
}
