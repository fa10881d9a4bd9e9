import type { CostAllocation } from '../domain/media';
import { LEAD_FACTS } from './leadFacts';

export interface CostOptions {
  /** Whether a campaigns (costs) table is loaded; without it every cost is NULL: unknown, never 0. */
  readonly campaigns: boolean;
  readonly allocation?: CostAllocation;
}

/**
 * The costs, one row each (`row_id`): a campaign's (its id; a month when the export gives its cost
 * per month), or a medium's (no campaign id) for a month or a start…end period, or for all time
 * when it has neither. `first_day`/`last_day` bound its span where it has a whole one. `usable`:
 * false for a medium's cost whose period is half given or reversed — it pays for no lead (listed
 * as such) rather than for all time. A campaign's cost always reaches its leads.
 */
const COST_ROWS =
  'cost_rows AS (SELECT *, coalesce(campaign_id IS NOT NULL OR (first_day IS NULL AND last_day IS NULL) OR last_day >= first_day, FALSE) AS usable FROM' +
  ' (SELECT row_number() OVER (ORDER BY _source, _line) AS row_id, campaign_id, CASE WHEN campaign_id IS NULL THEN medium END AS medium, cost::DOUBLE AS cost,' +
  " CASE WHEN month IS NOT NULL THEN date_trunc('month', month)::DATE ELSE start_date END AS first_day," +
  ' CASE WHEN month IS NOT NULL THEN last_day(month) ELSE end_date END AS last_day' +
  ' FROM campaigns WHERE cost IS NOT NULL AND (campaign_id IS NOT NULL OR medium IS NOT NULL)))';

/** Each cost row with a whole span: its months and the days of the span in each. */
const SPAN_MONTHS =
  'span_months AS (SELECT row_id, month, date_diff(\'day\', greatest(month, first_day), least(last_day(month), last_day)) + 1 AS days FROM' +
  " (SELECT row_id, first_day, last_day, unnest(generate_series(date_trunc('month', first_day), date_trunc('month', last_day), INTERVAL 1 MONTH))::DATE AS month" +
  ' FROM cost_rows WHERE first_day IS NOT NULL AND last_day IS NOT NULL AND last_day >= first_day))';

/**
 * The parts costs are shared in (`row_id`, `part`: the part's month, or NULL for the whole row), each
 * with the leads it pays for: those naming its campaign, or of its medium; of its `month` where
 * one is given (NULL: whenever they came). `cost` is the part's.
 *
 * By lead count a campaign's cost goes to all its leads; a medium's cost for a period to the
 * medium's leads created in the period's months. By days a cost with a span is split over its
 * months by days; a cost without one (no dates) goes, as by lead count, to all the leads it pays for.
 */
function costPartsSql(allocation: CostAllocation): string {
  const byDays =
    'SELECT r.row_id, s.month AS part, r.campaign_id, r.medium, s.month, r.cost * s.days / sum(s.days) OVER (PARTITION BY r.row_id) AS cost FROM cost_rows AS r JOIN span_months AS s USING (row_id)';
  const undated = 'SELECT row_id, NULL::DATE AS part, campaign_id, medium, NULL::DATE AS month, cost FROM cost_rows WHERE row_id NOT IN (SELECT row_id FROM span_months)';
  if (allocation === 'days') return `cost_parts AS (${byDays} UNION ALL ${undated})`;
  const campaignsWhole = 'SELECT row_id, NULL::DATE AS part, campaign_id, medium, NULL::DATE AS month, cost FROM cost_rows WHERE campaign_id IS NOT NULL';
  const mediumMonths =
    'SELECT r.row_id, NULL::DATE AS part, r.campaign_id, r.medium, s.month, r.cost FROM cost_rows AS r JOIN span_months AS s USING (row_id) WHERE r.campaign_id IS NULL';
  const mediumUndated = `${undated} AND campaign_id IS NULL`;
  return `cost_parts AS (${campaignsWhole} UNION ALL ${mediumMonths} UNION ALL ${mediumUndated})`;
}

/** The leads by the keys costs are shared on: campaign, medium and created month (all leads, whatever the filter). */
const LEAD_CELLS = `lead_cells AS (SELECT campaign_id, medium, date_trunc('month', created_at)::DATE AS month, count(*) AS leads FROM ${LEAD_FACTS} GROUP BY ALL)`;

/** Each cost part with the lead cells it pays for (equality joins: a campaign's on its id, a medium's on the medium). */
const PAID_CELLS =
  'paid AS (SELECT p.row_id, p.part, p.cost, c.campaign_id, c.medium, c.month, c.leads FROM cost_parts AS p JOIN lead_cells AS c ON c.campaign_id = p.campaign_id AND (p.month IS NULL OR c.month = p.month) WHERE p.campaign_id IS NOT NULL' +
  ' UNION ALL SELECT p.row_id, p.part, p.cost, c.campaign_id, c.medium, c.month, c.leads FROM cost_parts AS p JOIN lead_cells AS c ON c.medium = p.medium AND (p.month IS NULL OR c.month = p.month)' +
  ' WHERE p.campaign_id IS NULL AND p.row_id IN (SELECT row_id FROM cost_rows WHERE usable))';

/** The CTEs every cost query starts from (without the WITH). */
function costCtes(allocation: CostAllocation): string {
  return [COST_ROWS, SPAN_MONTHS, costPartsSql(allocation), LEAD_CELLS, PAID_CELLS].join(', ');
}

/**
 * Each lead's share of the costs, by the keys it is the same for: `campaign_id`, `medium`, `month`
 * (the created month) and `share`, the sum of every cost part's cost divided by the leads it pays
 * for. A subquery; join a lead on all three keys with IS NOT DISTINCT FROM. Without a campaigns table: no rows.
 */
export function costSharesSql({ campaigns, allocation = 'leads' }: CostOptions): string {
  if (!campaigns) return '(SELECT NULL::VARCHAR AS campaign_id, NULL::VARCHAR AS medium, NULL::DATE AS month, NULL::DOUBLE AS share WHERE FALSE)';
  // A part's cost is shared among all the leads of all its cells: its lead count is theirs summed.
  return (
    `(WITH ${costCtes(allocation)}, parts AS (SELECT row_id, part, any_value(cost) AS cost, sum(leads) AS leads FROM paid GROUP BY row_id, part)` +
    ' SELECT paid.campaign_id, paid.medium, paid.month, sum(parts.cost / parts.leads)::DOUBLE AS share FROM paid JOIN parts ON parts.row_id = paid.row_id AND parts.part IS NOT DISTINCT FROM paid.part GROUP BY ALL)'
  );
}

/** The join of the leads (alias `l`, with `campaign_id`, `medium` and `month`) onto their cost shares (alias `p`, or `alias`). */
export function joinCostSharesSql(options: CostOptions, alias = 'p'): string {
  const on = ['campaign_id', 'medium', 'month'].map((key) => `${alias}.${key} IS NOT DISTINCT FROM l.${key}`).join(' AND ');
  return `LEFT JOIN ${costSharesSql(options)} AS ${alias} ON ${on}`;
}

/**
 * The costs no lead received: per cost part that pays for no lead, `campaign_id`, the campaign's
 * `name`, `medium` (the campaign's own or the medium cost's), `month` (yyyy-mm) when the part is a
 * month's, `first_day`/`last_day` (yyyy-mm-dd) of its span, and `cost`. Most costly first. Whatever
 * the filter: no lead means nothing to filter.
 */
export function costsWithoutLeadsSql(allocation: CostAllocation = 'leads'): string {
  return (
    `WITH ${costCtes(allocation)} SELECT p.campaign_id, c.name, coalesce(p.medium, c.medium) AS medium, strftime(p.part, '%Y-%m') AS month,` +
    " strftime(r.first_day, '%Y-%m-%d') AS first_day, strftime(r.last_day, '%Y-%m-%d') AS last_day, p.cost::DOUBLE AS cost" +
    ' FROM (SELECT row_id, part, any_value(campaign_id) AS campaign_id, any_value(medium) AS medium, any_value(cost) AS cost FROM cost_parts GROUP BY row_id, part) AS p' +
    ' JOIN cost_rows AS r USING (row_id)' +
    ' LEFT JOIN (SELECT campaign_id, min(name) AS name, min(medium) AS medium FROM campaigns WHERE campaign_id IS NOT NULL GROUP BY campaign_id) AS c ON c.campaign_id = p.campaign_id' +
    ' WHERE NOT EXISTS (SELECT 1 FROM paid WHERE paid.row_id = p.row_id AND paid.part IS NOT DISTINCT FROM p.part)' +
    ' ORDER BY cost DESC, p.campaign_id NULLS LAST, medium, month, p.row_id'
  );
}

/**
 * What the cost data is made of, for the page to say how it shares costs: `costs` (rows with a cost),
 * `medium_costs` (of them without a campaign id), `spanning` (costs whose span covers more than one
 * month, where the allocation choice matters), `undated` (costs without a whole span that still
 * reach leads), `unusable` (a medium's cost with a half or reversed period) and `total`.
 */
export const COST_MAKEUP_SQL =
  `WITH ${COST_ROWS}, ${SPAN_MONTHS} SELECT count(*)::BIGINT AS costs, count(*) FILTER (WHERE campaign_id IS NULL)::BIGINT AS medium_costs,` +
  ' count(*) FILTER (WHERE row_id IN (SELECT row_id FROM span_months GROUP BY row_id HAVING count(*) > 1))::BIGINT AS spanning,' +
  ' count(*) FILTER (WHERE usable AND row_id NOT IN (SELECT row_id FROM span_months))::BIGINT AS undated,' +
  ' count(*) FILTER (WHERE NOT usable)::BIGINT AS unusable, sum(cost)::DOUBLE AS total FROM cost_rows';
