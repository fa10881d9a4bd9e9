import type { Pipeline } from '../domain/pipeline';
import { joinSql, type SqlQuery } from '../domain/sqlQuery';
import { CREDIT_SUMS, weightedTouchesSql } from './attribution';
import { joinCostSharesSql } from './costShares';
import { CREATED_MONTH } from './funnelCube';
import { LEAD_FACTS } from './leadFacts';
import { reachedIndexSql } from './reach';

/**
 * The Media & campaigns page's cells (src/domain/mediaCube.ts computes the page from them), built by
 * DuckDB once per data change from the same definitions the page's SQL builders use:
 * - _media_cells: leads per created month × medium × source × campaign × channel × sales unit ×
 *   owner × furthest reached stage r × the won leads' currency, with their won amounts and their
 *   shares of the costs by either allocation;
 * - _media_won_days: the won leads with both dates, per whole days from created to closed;
 * - _media_credits: the won leads' touches, per touch medium and campaign, credited by each model.
 */
export const MEDIA_CELLS = '_media_cells';
export const MEDIA_WON_DAYS = '_media_won_days';
export const MEDIA_CREDITS = '_media_credits';

const KEYS = 'medium, source, campaign_id, channel, sales_unit, owner';
const MONTH_TEXT = "strftime(month, '%Y-%m') AS month";

function leadRowsSql(pipeline: Pipeline): SqlQuery {
  return joinSql([`WITH l AS (SELECT ${CREATED_MONTH} AS month, ${KEYS}, amount, currency, created_at, closed_at,`, reachedIndexSql(pipeline), `AS r FROM ${LEAD_FACTS})`]);
}

export function createMediaCubeSql(pipeline: Pipeline, { campaigns, touches }: { campaigns: boolean; touches: boolean }): SqlQuery[] {
  const won = `r >= ${pipeline.stages.length - 1}`;
  const cells = joinSql([
    `CREATE OR REPLACE TABLE ${MEDIA_CELLS} AS`,
    leadRowsSql(pipeline),
    `SELECT strftime(l.month, '%Y-%m') AS month, l.medium, source, l.campaign_id, channel, sales_unit, owner, r, CASE WHEN ${won} AND amount IS NOT NULL THEN currency END AS currency,`,
    `count(*)::DOUBLE AS leads, coalesce(sum(amount) FILTER (WHERE ${won}), 0)::DOUBLE AS revenue, count(*) FILTER (WHERE ${won} AND amount IS NOT NULL)::DOUBLE AS won_priced,`,
    'coalesce(sum(a.share), 0)::DOUBLE AS cost_leads, count(a.share)::DOUBLE AS costed_leads, coalesce(sum(d.share), 0)::DOUBLE AS cost_days, count(d.share)::DOUBLE AS costed_days',
    `FROM l ${joinCostSharesSql({ campaigns, allocation: 'leads' }, 'a')} ${joinCostSharesSql({ campaigns, allocation: 'days' }, 'd')} GROUP BY ALL`,
  ]);
  const wonDays = joinSql([
    `CREATE OR REPLACE TABLE ${MEDIA_WON_DAYS} AS`,
    leadRowsSql(pipeline),
    `SELECT ${MONTH_TEXT}, ${KEYS}, r, date_diff('day', created_at::DATE, closed_at::DATE)::INTEGER AS days, count(*)::DOUBLE AS leads FROM l`,
    `WHERE ${won} AND created_at IS NOT NULL AND closed_at IS NOT NULL GROUP BY ALL`,
  ]);
  const carried: [string, string][] = [['month', CREATED_MONTH], ...['medium', 'source', 'campaign_id', 'channel', 'sales_unit', 'owner'].map((c): [string, string] => [c, c])];
  const credits = joinSql([
    `CREATE OR REPLACE TABLE ${MEDIA_CREDITS} AS`,
    weightedTouchesSql({ pipeline, touches, campaigns }, carried),
    "SELECT strftime(lead_month, '%Y-%m') AS month, lead_medium AS medium, lead_source AS source, lead_campaign_id AS campaign_id, lead_channel AS channel, lead_sales_unit AS sales_unit, lead_owner AS owner, r,",
    `medium AS key_medium, campaign_id AS key_campaign, ${CREDIT_SUMS} FROM weighted GROUP BY ALL`,
  ]);
  return [cells, wonDays, credits];
}

export const readCellsSql = (table: string): SqlQuery => ({ sql: `SELECT * FROM ${table}`, params: [] });

export function dropMediaCubeSql(): SqlQuery {
  return { sql: [MEDIA_CELLS, MEDIA_WON_DAYS, MEDIA_CREDITS].map((t) => `DROP TABLE IF EXISTS ${t}`).join('; '), params: [] };
}

/** The campaigns table's name and medium per campaign id, as campaignFiguresSql joins them. */
export const CAMPAIGN_LABELS_SQL: SqlQuery = { sql: 'SELECT campaign_id, min(name) AS name, min(medium) AS medium FROM campaigns WHERE campaign_id IS NOT NULL GROUP BY campaign_id', params: [] };
