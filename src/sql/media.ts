import type { LeadFilter } from '../domain/leadFilter';
import type { Pipeline } from '../domain/pipeline';
import { joinSql, type SqlQuery } from '../domain/sqlQuery';
import { LEAD_FACTS } from './leadFacts';
import { whereSql } from './leadFilter';
import { CREATED_MONTH } from './funnelCube';
import { funnelAggregatesSql } from './overview';
import type { CostAllocation } from '../domain/media';
import { joinCostSharesSql } from './costShares';
import { reachedIndexSql } from './reach';

/** What the Media & campaigns page groups leads by: the guideline's medium, or the source as the export wrote it. */
export type MediaGrouping = 'medium' | 'source';

export interface MediaFiguresOptions {
  readonly pipeline: Pipeline;
  /** campaign_id: per campaign (campaignFiguresSql), with `main_medium`, the medium most of its leads have. */
  readonly groupBy: MediaGrouping | 'campaign_id';
  readonly filter?: LeadFilter;
  /** Whether a campaigns table is loaded (without it every cost is NULL: unknown). */
  readonly campaigns: boolean;
  /** How a cost over several months reaches leads (default: by lead count). */
  readonly allocation?: CostAllocation;
}

/** The created month, the key costs per month are shared on. */
const MONTH = `${CREATED_MONTH} AS month`;

/**
 * Per medium (or raw source) of the filtered leads with their deals applied (lead_facts): `value`,
 * `leads`, `reached_1` … `reached_n`, `revenue` (won amounts; 0 when none is won, NULL when no won
 * lead has an amount), `won_unpriced`, `currencies`/`currency` as funnelKpisSql gives them, and
 * `days_to_won`, the median whole days from created_at to closed_at of the won leads with both dates.
 *
 * Cost follows the leads: every cost is shared among the leads it pays for (costShares.ts, whatever
 * the filter), so a group's `cost` is the sum of its filtered leads' shares, and `costed_leads`
 * counts the leads that carry one. A filter (a period, a sales unit) thus keeps the part of each
 * cost that its filtered leads make up. NULL cost: no lead of the group carries a cost (unknown,
 * never 0). Costs no lead received are in no group: see costsWithoutLeadsSql.
 */
export function mediaFiguresSql({ pipeline, groupBy, filter = [], campaigns, allocation }: MediaFiguresOptions): SqlQuery {
  const won = `r >= ${pipeline.stages.length - 1}`;
  return joinSql([
    `WITH l AS (SELECT ${groupBy} AS value, campaign_id, medium, ${MONTH}, amount, currency, created_at, closed_at,`,
    reachedIndexSql(pipeline),
    `AS r FROM ${LEAD_FACTS}`,
    whereSql(filter, pipeline),
    ')',
    groupBy === 'campaign_id' ? `SELECT g.*, mm.main_medium FROM (` : '',
    `SELECT value, ${funnelAggregatesSql(pipeline)},`,
    'sum(p.share)::DOUBLE AS cost, count(p.share)::BIGINT AS costed_leads,',
    `median(date_diff('day', created_at::DATE, closed_at::DATE)) FILTER (WHERE ${won} AND created_at IS NOT NULL AND closed_at IS NOT NULL)::DOUBLE AS days_to_won`,
    `FROM l ${joinCostSharesSql({ campaigns, allocation })}`,
    'GROUP BY value',
    // A campaign's main medium: the one most of its leads have, a tie going to the first name.
    groupBy === 'campaign_id'
      ? ') AS g LEFT JOIN (SELECT value AS campaign, medium AS main_medium FROM (SELECT value, medium, row_number() OVER (PARTITION BY value ORDER BY count(*) DESC, medium NULLS LAST) AS k FROM l GROUP BY value, medium) WHERE k = 1) AS mm ON mm.campaign IS NOT DISTINCT FROM g.value'
      : '',
    'ORDER BY leads DESC, value NULLS LAST',
  ]);
}

/** Each campaign's name by its id (the first name where an id repeats), for labels where the leads name only the id. */
export function campaignNamesSql(): SqlQuery {
  return { sql: 'SELECT campaign_id, min(name) AS name FROM campaigns WHERE campaign_id IS NOT NULL AND name IS NOT NULL GROUP BY campaign_id', params: [] };
}

/**
 * mediaFiguresSql per campaign (`value` its id; NULL: leads without a campaign), with the campaigns
 * table's `name` and `campaign_medium` (the campaign's own medium, else most of its leads'), and
 * `listed`: whether the campaigns table has the id at all.
 */
export function campaignFiguresSql(options: Omit<MediaFiguresOptions, 'groupBy'>): SqlQuery {
  const campaigns = options.campaigns
    ? '(SELECT campaign_id, min(name) AS name, min(medium) AS medium FROM campaigns WHERE campaign_id IS NOT NULL GROUP BY campaign_id)'
    : '(SELECT NULL::VARCHAR AS campaign_id, NULL::VARCHAR AS name, NULL::VARCHAR AS medium WHERE FALSE)';
  return joinSql([
    'SELECT f.*, c.name, coalesce(c.medium, f.main_medium) AS campaign_medium, c.campaign_id IS NOT NULL AS listed FROM (',
    mediaFiguresSql({ ...options, groupBy: 'campaign_id' }),
    `) AS f LEFT JOIN ${campaigns} AS c ON c.campaign_id = f.value ORDER BY f.leads DESC, f.value NULLS LAST`,
  ]);
}

/**
 * Per created month (yyyy-mm) of the filtered leads: `leads`, `revenue` of those created that month
 * (won amounts, by cohort) and `cost`, their share of campaign costs as mediaFiguresSql shares it
 * (NULL where no lead of the month carries one). Leads without a created date are left out.
 */
export function mediaMonthlySql({ pipeline, filter = [], campaigns, allocation }: Omit<MediaFiguresOptions, 'groupBy'>): SqlQuery {
  const won = `r >= ${pipeline.stages.length - 1}`;
  return joinSql([
    `WITH l AS (SELECT ${MONTH}, campaign_id, medium, amount,`,
    reachedIndexSql(pipeline),
    `AS r FROM ${LEAD_FACTS}`,
    joinSql([whereSql(filter, pipeline), filter.length ? 'AND created_at IS NOT NULL' : 'WHERE created_at IS NOT NULL']),
    ')',
    `SELECT strftime(l.month, '%Y-%m') AS month, count(*)::BIGINT AS leads, sum(amount) FILTER (WHERE ${won})::DOUBLE AS revenue, sum(p.share)::DOUBLE AS cost`,
    `FROM l ${joinCostSharesSql({ campaigns, allocation })} GROUP BY l.month ORDER BY l.month`,
  ]);
}
