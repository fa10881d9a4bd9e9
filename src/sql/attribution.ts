import type { LeadFilter } from '../domain/leadFilter';
import type { Pipeline } from '../domain/pipeline';
import { joinSql, type SqlQuery } from '../domain/sqlQuery';
import { LEAD_FACTS } from './leadFacts';
import { whereSql } from './leadFilter';
import { reachedIndexSql } from './reach';

/** The attribution models, in the order the page shows them. */
export const ATTRIBUTION_MODELS = ['first', 'last', 'linear', 'u_shaped', 'w_shaped'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

export interface AttributionOptions {
  readonly pipeline: Pipeline;
  readonly filter?: LeadFilter;
  /** Credit per medium (the touched campaign's) or per campaign. */
  readonly by: 'medium' | 'campaign_id';
  /** Whether a touches table (campaign responses) is loaded. */
  readonly touches: boolean;
  /** Whether a campaigns table is loaded (a touch's medium is its campaign's). */
  readonly campaigns: boolean;
}

/**
 * The revenue of the filtered won leads (their known amounts) credited to the campaigns each lead
 * touched, by five models, per `key` (medium or campaign id): `first`, `last`, `linear`, `u_shaped`,
 * `w_shaped`, and `touches` (how many touches of won leads the key has). A lead's touches are its
 * campaign responses in date order (ties by campaign id); a lead without any, or every lead when no
 * touches table is loaded, has one touch: its own campaign and medium.
 *
 * Weights of touch k of n: first touch 1 at k = 1; last touch 1 at k = n; linear 1/n; U-shaped 40 %
 * to the first and the last, 20 % spread over the others (n = 2: half each); W-shaped 30 % each to
 * the first, the last and the middle key touch — the last touch on or before the lead became an
 * opportunity, when that lies strictly between them, else touch ⌈n/2⌉ — and 10 % spread over the
 * others (n = 3: a third each; n = 2: half each). Every model gives out exactly the lead's amount.
 * A touch's medium is its campaign's (campaigns table), else, for the lead's own campaign, the lead's.
 */
export function attributionSql(options: AttributionOptions): SqlQuery {
  const key = options.by === 'medium' ? 'medium' : 'campaign_id';
  return joinSql([weightedTouchesSql(options), `SELECT ${key} AS key, ${CREDIT_SUMS} FROM weighted GROUP BY ${key} ORDER BY first DESC, ${key} NULLS LAST`]);
}

/** Per group of weighted touches: `touches` and the revenue each model credits (see attributionSql). */
export const CREDIT_SUMS = [
  'count(*)::BIGINT AS touches,',
  'sum(CASE WHEN k = 1 THEN amount ELSE 0 END)::DOUBLE AS first,',
  'sum(CASE WHEN k = n THEN amount ELSE 0 END)::DOUBLE AS last,',
  'sum(amount / n)::DOUBLE AS linear,',
  'sum(amount * CASE WHEN n = 1 THEN 1 WHEN n = 2 THEN 0.5 WHEN k = 1 OR k = n THEN 0.4 ELSE 0.2 / (n - 2) END)::DOUBLE AS u_shaped,',
  'sum(amount * CASE WHEN n <= 3 THEN 1.0 / n WHEN k = 1 OR k = n OR k = m THEN 0.3 ELSE 0.1 / (n - 3) END)::DOUBLE AS w_shaped',
].join(' ');

/**
 * The CTEs up to `weighted`: every touch of the filtered won leads with an amount, with its
 * campaign_id and medium (the touch's), the lead's amount, its place k of n and the W-shaped middle
 * key touch m. `carried`: lead columns (a name of lead_facts, or [name, SQL]) each touch also
 * carries as lead_<name>, with the lead's r.
 */
export function weightedTouchesSql({ pipeline, filter = [], touches, campaigns }: Omit<AttributionOptions, 'by'>, carried: readonly (string | readonly [string, string])[] = []): SqlQuery {
  const last = pipeline.stages.length - 1;
  const responded = touches
    ? 'SELECT t.lead_id, t.campaign_id, t.touched_at::DATE AS touched_at FROM touches AS t JOIN w ON w.lead_id = t.lead_id WHERE t.lead_id IS NOT NULL'
    : 'SELECT NULL::VARCHAR AS lead_id, NULL::VARCHAR AS campaign_id, NULL::DATE AS touched_at WHERE FALSE';
  const campaignMedium = campaigns
    ? '(SELECT campaign_id, min(medium) AS medium FROM campaigns WHERE campaign_id IS NOT NULL GROUP BY campaign_id)'
    : '(SELECT NULL::VARCHAR AS campaign_id, NULL::VARCHAR AS medium WHERE FALSE)';
  const named = carried.map((c) => (typeof c === 'string' ? [c, c] : c) as readonly [string, string]);
  const extra = named.map(([name, sql]) => `${sql} AS lead_${name}, `).join('');
  const onTouch = named.length ? `${named.map(([name]) => `w.lead_${name}`).join(', ')}, w.r,` : '';
  return joinSql([
    `WITH f AS (SELECT lead_id, campaign_id, medium, amount, created_at, opportunity_at, ${extra}`,
    reachedIndexSql(pipeline),
    `AS r FROM ${LEAD_FACTS}`,
    whereSql(filter, pipeline),
    `), w AS (SELECT * FROM f WHERE r >= ${last} AND amount IS NOT NULL AND lead_id IS NOT NULL),`,
    `responded AS (${responded}),`,
    // A won lead without responses is touched once: by its own campaign, on the day it was created.
    'own AS (SELECT w.lead_id, w.campaign_id, w.created_at::DATE AS touched_at FROM w WHERE w.lead_id NOT IN (SELECT lead_id FROM responded)),',
    'journey AS (SELECT * FROM responded UNION ALL SELECT * FROM own),',
    `placed AS (SELECT j.lead_id, j.campaign_id, coalesce(cm.medium, CASE WHEN j.campaign_id IS NOT DISTINCT FROM w.campaign_id THEN w.medium END) AS medium, w.amount, ${onTouch}`,
    'row_number() OVER (PARTITION BY j.lead_id ORDER BY j.touched_at NULLS FIRST, j.campaign_id NULLS FIRST) AS k, count(*) OVER (PARTITION BY j.lead_id) AS n,',
    'sum(CASE WHEN j.touched_at <= w.opportunity_at::DATE THEN 1 ELSE 0 END) OVER (PARTITION BY j.lead_id) AS opp_pos',
    `FROM journey AS j JOIN w ON w.lead_id = j.lead_id LEFT JOIN ${campaignMedium} AS cm ON cm.campaign_id = j.campaign_id),`,
    'weighted AS (SELECT *, CASE WHEN opp_pos > 1 AND opp_pos < n THEN opp_pos ELSE (n + 1) // 2 END AS m FROM placed)',
  ]);
}
