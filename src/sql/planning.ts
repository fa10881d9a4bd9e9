import { reachedColumn } from '../domain/funnel';
import type { LeadCondition, LeadFilter } from '../domain/leadFilter';
import type { Pipeline } from '../domain/pipeline';
import { joinSql, type SqlQuery } from '../domain/sqlQuery';
import { CREATED_MONTH, lagRowsSql, leadRowsSql } from './funnelCube';
import { LEAD_FACTS } from './leadFacts';
import { filterSql } from './leadFilter';
import { reachedIndexSql } from './reach';

/**
 * The Planning page's history (src/domain/planning/history.ts, DESIGN.md "Planning"): what the
 * loaded data says about rates, lags, deal sizes, costs, targets, the open pipeline and the revenue
 * already booked. Counts and amounts only; src/domain/planning/historyFromRows.ts makes the
 * PlanningHistory of them. Every lead figure reads lead_facts (deals close leads) and the Funnel's
 * own definitions: the reached flags of leadRowsSql, the lag rows of lagRowsSql. The maturity and
 * the as-of date come from the Funnel's lagHistogramSql, the currency from the Overview's
 * funnelKpisSql (src/sql/overview.ts), both run unchanged by the loader.
 *
 * The filter is the page's global filter: it narrows the leads everywhere, the campaigns by their
 * medium and campaign id, the targets by their sales unit (the columns those tables have).
 */
export interface PlanningQueryOptions {
  readonly pipeline: Pipeline;
  readonly filter: LeadFilter;
}

const successIndex = (pipeline: Pipeline) => pipeline.stages.length - 1;

/** A lead's created month as text, from leadRowsSql / lagRowsSql's created_month (grouped as a DATE, formatted once per group). */
const MONTH = "strftime(created_month, '%Y-%m')";

/**
 * Cohort counts per created month (`month` yyyy-mm, NULL for leads without a date), medium and
 * sales_unit: `leads` and reached_1 … reached_n (the Funnel's per-lead 0/1 reached flags summed).
 * The rates rest on the mature months of these rows; the last 12 months' lead volumes on all of them.
 */
export function planningCohortsSql({ pipeline, filter }: PlanningQueryOptions): SqlQuery {
  const reached = pipeline.stages.slice(1).map((_, k) => `coalesce(sum(${reachedColumn(k + 1)}), 0)::BIGINT AS ${reachedColumn(k + 1)}`);
  return joinSql([
    `SELECT ${MONTH} AS month, medium, sales_unit, count(*)::BIGINT AS leads, ${reached.join(', ')} FROM (`,
    leadRowsSql(pipeline, filter),
    ') GROUP BY created_month, medium, sales_unit ORDER BY created_month NULLS LAST, medium NULLS LAST, sales_unit NULLS LAST',
  ]);
}

/**
 * The lead→won lag per medium and sales_unit: whole `days` from created_at to the won date and how
 * many won leads took them (`leads`), all cohorts — the same rows lagHistogramSql sums (span 0 → won).
 */
export function planningLagSql({ pipeline, filter }: PlanningQueryOptions): SqlQuery {
  return joinSql([
    'SELECT medium, sales_unit, days, sum(leads)::BIGINT AS leads FROM (',
    lagRowsSql(pipeline, filter),
    `) WHERE span_from = 0 AND span_to = ${successIndex(pipeline)}`,
    'GROUP BY medium, sales_unit, days ORDER BY medium NULLS LAST, sales_unit NULLS LAST, days',
  ]);
}

/**
 * The known revenue of each won lead (its won deals' amounts, else its own: lead_facts' `amount`)
 * per medium and sales_unit, as (`amount`, `leads` = how many won leads have exactly it). A won lead
 * without an amount is revenue unknown and is left out, never counted as 0.
 */
export function wonAmountsSql({ pipeline, filter }: PlanningQueryOptions): SqlQuery {
  return joinSql([
    'SELECT medium, sales_unit, amount::DOUBLE AS amount, count(*)::BIGINT AS leads FROM (SELECT medium, sales_unit, amount,',
    reachedIndexSql(pipeline),
    `AS r FROM ${LEAD_FACTS} WHERE`,
    filterSql(filter, pipeline),
    `) WHERE r >= ${successIndex(pipeline)} AND amount IS NOT NULL`,
    'GROUP BY medium, sales_unit, amount ORDER BY medium NULLS LAST, sales_unit NULLS LAST, amount',
  ]);
}

/** The filter's conditions on the given columns only (those another table has too). */
function conditionsOn(filter: LeadFilter, dimensions: readonly string[]): LeadCondition[] {
  return filter.filter((c) => c.kind === 'values' && dimensions.includes(c.dimension));
}

/**
 * The revenue targets (`period`, `sales_unit`, `revenue`, `planned_leads`) as imported, narrowed by
 * the filter's sales-unit conditions. A row without a sales unit or a target figure says nothing to
 * plan against and is left out.
 */
export function planningTargetsSql({ pipeline, filter }: PlanningQueryOptions): SqlQuery {
  return joinSql([
    'SELECT period, sales_unit, revenue_target::DOUBLE AS revenue, planned_leads::BIGINT AS planned_leads FROM targets',
    'WHERE sales_unit IS NOT NULL AND period IS NOT NULL AND revenue_target IS NOT NULL AND',
    filterSql(conditionsOn(filter, ['sales_unit']), pipeline),
    'ORDER BY sales_unit, period',
  ]);
}

/**
 * The campaigns with a cost (`campaign_id`, `medium`, `start`, `end` yyyy-mm-dd, `cost`,
 * `planned_leads`) and `leads`: the filtered leads whose campaign_id is theirs. Narrowed by the
 * filter's medium and campaign-id conditions (`leads` false: no leads are loaded, every count 0).
 * A campaign without a cost cannot give a cost per lead
 * (a missing cost is unknown, not 0) and is left out.
 */
export function planningCampaignsSql({ pipeline, filter }: PlanningQueryOptions, leads = true): SqlQuery {
  const counted = leads
    ? joinSql([
        `LEFT JOIN (SELECT campaign_id, count(*) AS leads FROM ${LEAD_FACTS} WHERE`,
        filterSql(filter, pipeline),
        'AND campaign_id IS NOT NULL GROUP BY campaign_id) AS l ON l.campaign_id = c.campaign_id',
      ])
    : 'LEFT JOIN (SELECT NULL::VARCHAR AS campaign_id, 0 AS leads WHERE FALSE) AS l ON l.campaign_id = c.campaign_id';
  return joinSql([
    "SELECT c.campaign_id, c.medium, strftime(c.start_date, '%Y-%m-%d') AS start, strftime(c.end_date, '%Y-%m-%d') AS \"end\",",
    'c.cost::DOUBLE AS cost, c.planned_leads::BIGINT AS planned_leads, coalesce(l.leads, 0)::BIGINT AS leads FROM campaigns AS c',
    counted,
    'WHERE c.campaign_id IS NOT NULL AND c.cost IS NOT NULL AND',
    filterSql(conditionsOn(filter, ['medium', 'campaign_id']), pipeline, 'c'),
    'ORDER BY c.campaign_id',
  ]);
}

/**
 * The open leads (furthest stage before the success stage, current stage not terminal) per medium,
 * sales_unit, furthest reached stage (`stage_index`) and created month (`month` yyyy-mm, NULL for
 * leads without a created date — the forecast tells live pipeline from stale by it): `leads` and
 * `amount`, the sum of their known amounts — a lead's open deals' amounts where it has such (a linked
 * deal's amount wins), else its own; NULL when none is known. `deals`: whether a deals table is loaded.
 */
export function openPipelineSql({ pipeline, filter }: PlanningQueryOptions, deals: boolean): SqlQuery {
  const success = pipeline.stages[successIndex(pipeline)]!;
  const lost = pipeline.terminal.includes('lost') ? 'lost' : (pipeline.terminal[0] ?? 'lost');
  const terminal = pipeline.terminal.length
    ? { sql: `AND (stage IS NULL OR stage NOT IN (${pipeline.terminal.map(() => '?').join(', ')}))`, params: [...pipeline.terminal] }
    : '';
  return joinSql([
    'WITH o AS (SELECT lead_id, medium, sales_unit, amount, r, created_month FROM (SELECT lead_id, medium, sales_unit, amount, stage,',
    `${CREATED_MONTH} AS created_month,`,
    reachedIndexSql(pipeline),
    `AS r FROM ${LEAD_FACTS} WHERE`,
    filterSql(filter, pipeline),
    `) WHERE r < ${successIndex(pipeline)}`,
    terminal,
    ')',
    deals
      ? {
          // An open deal as lead_facts counts one: any outcome but the success and the loss.
          sql:
            ', d AS (SELECT lead_id AS _deal_lead_id, sum(amount) AS _open_amount FROM deals WHERE lead_id IS NOT NULL ' +
            'AND outcome IS DISTINCT FROM ? AND outcome IS DISTINCT FROM ? GROUP BY lead_id)',
          params: [success, lost],
        }
      : '',
    `SELECT medium, sales_unit, r::INTEGER AS stage_index, ${MONTH} AS month, count(*)::BIGINT AS leads,`,
    deals ? 'sum(coalesce(_open_amount, amount))::DOUBLE AS amount FROM o LEFT JOIN d ON _deal_lead_id = lead_id' : 'sum(amount)::DOUBLE AS amount FROM o',
    'GROUP BY medium, sales_unit, r, created_month ORDER BY medium NULLS LAST, sales_unit NULLS LAST, r, created_month NULLS LAST',
  ]);
}

/**
 * What already happened per month (`month` yyyy-mm), medium and sales_unit: `leads` created in the
 * month, `won` leads whose won date (lead_facts' closed_at of a won lead) falls in it, and `revenue`,
 * the known amounts of those (0 when none is known). Leads without the date are in no month.
 */
export function actualsSql({ pipeline, filter }: PlanningQueryOptions): SqlQuery {
  const monthOf = (column: string) => `CASE WHEN ${column} IS NULL THEN NULL ELSE date_trunc('month', ${column})::DATE END`;
  return joinSql([
    'WITH l AS (SELECT medium, sales_unit, created_at, closed_at, amount,',
    reachedIndexSql(pipeline),
    `AS r FROM ${LEAD_FACTS} WHERE`,
    filterSql(filter, pipeline),
    ')',
    "SELECT strftime(m, '%Y-%m') AS month, medium, sales_unit, sum(created)::BIGINT AS leads, sum(won)::BIGINT AS won,",
    'coalesce(sum(revenue), 0)::DOUBLE AS revenue FROM (',
    `SELECT ${monthOf('created_at')} AS m, medium, sales_unit, 1 AS created, 0 AS won, NULL::DOUBLE AS revenue FROM l WHERE created_at IS NOT NULL`,
    `UNION ALL SELECT ${monthOf('closed_at')}, medium, sales_unit, 0, 1, amount::DOUBLE FROM l WHERE r >= ${successIndex(pipeline)} AND closed_at IS NOT NULL`,
    ') GROUP BY m, medium, sales_unit ORDER BY m, medium NULLS LAST, sales_unit NULLS LAST',
  ]);
}
