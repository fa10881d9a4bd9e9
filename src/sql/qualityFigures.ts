import type { LeadFilter } from '../domain/leadFilter';
import type { Pipeline } from '../domain/pipeline';
import { QUALITY_DIMENSIONS, rulePoints, type QualityRuleId, type QualitySettings } from '../domain/quality/rules';
import { joinSql, quoteIdent, type SqlQuery } from '../domain/sqlQuery';
import { SCORE_BANDS } from '../domain/quality/figures';
import { LEAD_FACTS } from './leadFacts';
import { whereSql } from './leadFilter';
import { reachedIndexSql } from './reach';

/** What the page groups the quality by: nothing, the created month, or a lead column. */
export const QUALITY_GROUPINGS = ['total', 'month', '_source', 'medium', 'campaign_id', 'owner', 'sales_unit'] as const;
export type QualityGrouping = (typeof QUALITY_GROUPINGS)[number];

export interface QualityQueryOptions {
  readonly pipeline: Pipeline;
  readonly settings: QualitySettings;
  /** yyyy-mm-dd: "today" for the dates in the future and the dead files. */
  readonly asOf: string;
  readonly filter: LeadFilter;
  /** A table of qualityHitsSql's rows for the same data and settings (services/qualityScores.ts). */
  readonly scores: string;
}

/** The stage whose reach the spiral sets beside the quality: the first one sales accepts (SQL), or the last. */
export function conversionStage(pipeline: Pipeline): { stage: string; index: number } {
  const index = Math.min(2, pipeline.stages.length - 1);
  return { stage: pipeline.stages[index]!, index };
}

/**
 * The filtered leads of lead_facts joined with their rule hits (qualityHitsSql, computed over all
 * leads: a duplicate stays one when a filter hides the lead it repeats). `f` has the lead's columns
 * and `r` its reached stage index; `h` the hits and score.
 */
function scoredLeads(options: QualityQueryOptions): SqlQuery {
  const { pipeline, filter, scores } = options;
  return joinSql([
    'FROM (SELECT *,',
    reachedIndexSql(pipeline),
    `AS r FROM ${LEAD_FACTS}`,
    whereSql(filter, pipeline),
    ') f JOIN',
    quoteIdent(scores),
    'h ON h._source = f._source AND h._line = f._line',
  ]);
}

/**
 * How many leads meet a condition (NULL counts as not), as an aggregate: a sum of 0s and 1s rather
 * than count(*) FILTER, which duckdb-wasm evaluated 10–18% slower over the thirty-odd of a figure
 * query at a million leads.
 */
const countWhere = (condition: string) => `coalesce(sum((${condition})::INTEGER), 0)::BIGINT`;

/**
 * Quality figures per group: `grp` (text; NULL for leads without the value; absent for 'total'),
 * `leads`, `score` (mean), `flagged` (leads that lost a point), per rule that counts `n_<rule>` (the
 * leads failing it), per dimension with rules `d_<dimension>` (its mean score 0–100), `qualified`
 * (leads that reached conversionStage) and `mql_uncontacted` (leads that reached the pipeline's
 * second stage without a first contact), per band of SCORE_BANDS `band_<band>` (its leads). Groups in
 * text order, the blank one last.
 */
export function qualityFiguresSql(options: QualityQueryOptions, grouping: QualityGrouping): SqlQuery {
  const rules = rulePoints(options.settings);
  const group =
    grouping === 'total' ? null : grouping === 'month' ? "strftime(date_trunc('month', f.created_at), '%Y-%m')" : `f.${quoteIdent(grouping)}::VARCHAR`;
  const counts = rules.map(({ rule }) => `${countWhere(`h.${rule.id}`)} AS n_${rule.id}`);
  const dimensions = QUALITY_DIMENSIONS.flatMap((dimension) => {
    const own = rules.filter((r) => r.rule.dimension === dimension);
    const total = own.reduce((sum, r) => sum + r.points, 0);
    if (total <= 0) return [];
    // DOUBLE, not DECIMAL literals (see qualityHitsSql).
    const lost = own.map((r) => `CASE WHEN h.${r.rule.id} THEN ${r.points}::DOUBLE ELSE 0 END`).join(' + ');
    return [`avg(100 * (1 - (${lost}) / ${total}::DOUBLE))::DOUBLE AS d_${dimension}`];
  });
  const { index } = conversionStage(options.pipeline);
  // Scores are sums of fractions of points: rounded before banding, so a lead 10 points down is 90, not 89.999….
  const bands = SCORE_BANDS.map((band, i) => {
    const below = i === 0 ? null : SCORE_BANDS[i - 1]!.from;
    return `${countWhere(`round(h.score, 6) >= ${band.from}${below === null ? '' : ` AND round(h.score, 6) < ${below}`}`)} AS band_${band.id}`;
  });
  return joinSql([
    'SELECT',
    group ? `${group} AS grp,` : '',
    `count(*)::BIGINT AS leads, avg(h.score)::DOUBLE AS score, ${countWhere('h.score < 100')} AS flagged,`,
    [...counts, ...dimensions, ...bands].map((c) => `${c},`).join(' '),
    `${countWhere(`f.r >= ${index}`)} AS qualified,`,
    `${countWhere('f.r >= 1 AND f.first_contact_at IS NULL')} AS mql_uncontacted`,
    scoredLeads(options),
    group ? 'GROUP BY grp ORDER BY grp NULLS LAST' : '',
  ]);
}

/** The lead columns a fix list gives beside the reasons: enough to find and correct the record in the CRM. */
export const FIX_LIST_COLUMNS = ['lead_id', 'owner', '_source', '_line', 'created_at', 'company', 'contact_name', 'email', 'phone', 'country', 'stage'] as const;

/**
 * The leads that lose points, with FIX_LIST_COLUMNS, `score` and one boolean per rule that counts,
 * lowest score first (then file and line). A fix list of an owner or a source is this under a
 * filter on that owner or source.
 */
export function fixListSql(options: QualityQueryOptions): SqlQuery {
  const rules = rulePoints(options.settings);
  return joinSql([
    // Dates as yyyy-mm-dd text: the list is read by people and spreadsheets, not re-imported by type.
    `SELECT ${FIX_LIST_COLUMNS.map((c) => (c === 'created_at' ? "strftime(f.created_at, '%Y-%m-%d') AS created_at" : `f.${quoteIdent(c)}`)).join(', ')}, h.score,`,
    rules.map(({ rule }) => `h.${rule.id}`).join(', ') || 'NULL AS none',
    scoredLeads(options),
    'WHERE h.score < 100 ORDER BY h.score, f._source, f._line',
  ]);
}

/** The columns qualityLeadsSql adds to lead_facts' (underscored, as the app's own `_source` and `_line`: an export's header rarely starts so). */
export const QUALITY_LEAD_COLUMNS = ['_quality_reasons', '_quality_score'] as const;

/**
 * lead_facts' leads with their reasons in words (`_quality_reasons`, "; "-separated in the rules'
 * order, the words bound) and score (`_quality_score`, one decimal), for the explorer: those that
 * fail `rule`, or with `rule` null every lead that lost a point. `scores` is a build's table.
 */
export function qualityLeadsSql(scores: string, settings: QualitySettings, rule: QualityRuleId | null, reason: (rule: QualityRuleId) => string): SqlQuery {
  const rules = rulePoints(settings).map((r) => r.rule.id);
  if (rule !== null && !rules.includes(rule)) throw new Error(`The rule ${rule} does not count under these settings`);
  const reasons = rules.length ? `concat_ws('; ', ${rules.map((id) => `CASE WHEN q.${id} THEN ? END`).join(', ')})` : "''";
  return {
    sql: `SELECT f.*, ${reasons} AS _quality_reasons, round(q.score, 1) AS _quality_score FROM ${LEAD_FACTS} f JOIN ${quoteIdent(scores)} q ON q._source = f._source AND q._line = f._line WHERE ${rule === null ? 'q.score < 100' : `q.${rule}`}`,
    params: rules.map(reason),
  };
}
