import type { Pipeline } from '../domain/pipeline';
import { rulePoints, type QualityRuleId, type QualitySettings } from '../domain/quality/rules';
import { joinSql, type SqlQuery } from '../domain/sqlQuery';
import { duplicateKeyColumns, MATCH_BLOCKS } from './duplicateKeys';
import { LEAD_FACTS } from './leadFacts';
import { reachedIndexSql } from './reach';

/**
 * An e-mail address in plain syntax: dot-separated words (no dot first, last or twice), one @, and
 * a domain of dot-separated words ending in a top-level domain of letters.
 */
const EMAIL_SYNTAX = '[^@\\s.]+(\\.[^@\\s.]+)*@[^@\\s.]+(\\.[^@\\s.]+)*\\.[A-Za-z]{2,}';
/** The pattern is a constant of ours, not user text: written into the SQL, it can be reused by the keys. */
const EMAIL_IS_VALID = `regexp_full_match(trim(email), '${EMAIL_SYNTAX}')`;
const KEYS = duplicateKeyColumns(EMAIL_IS_VALID);
const KEY_COLUMNS = `${KEYS.email} AS email_key, ${KEYS.company} AS company_key, ${KEYS.name} AS name_key, ${KEYS.phone} AS phone_key, ${KEYS.region} AS region_key`;

/** Every lead's identity and duplicate match keys (`email_key`, `company_key`, `name_key`, `phone_key`). */
export const duplicateKeysSelect = (): string => `SELECT lead_id, _source, _line, created_at, ${KEY_COLUMNS} FROM ${LEAD_FACTS}`;

/** The order in which entries of one lead count as first, second…: by creation, then file and line. */
const ENTRY_ORDER = 'ORDER BY created_at NULLS LAST, lead_id, _source, _line';

/** Per match block, this lead's place among the leads it matches (NULL where it has no such key). */
const MATCH_RANKS = MATCH_BLOCKS.map(
  (b, i) => `CASE WHEN ${b.sql} IS NOT NULL THEN row_number() OVER (PARTITION BY ${b.sql} ${ENTRY_ORDER}) END AS match_rank_${i}`,
).join(', ');

/** The stage dates in pipeline order, as lead_facts names them. */
const STAGE_DATES = ['mql_at', 'sql_at', 'opportunity_at'] as const;

/**
 * Each rule's condition on a lead of lead_facts (with its reached index `r`), true when it fails.
 * `asOf` and the dead-file days are bound where they are used (see qualityHitsSql).
 */
function ruleConditions(pipeline: Pipeline): Record<QualityRuleId, (bind: { asOf: string; deadFileDays: number }) => SqlQuery> {
  const won = pipeline.stages.length - 1;
  const handOverStamp = pipeline.stampColumn[pipeline.stages[1] ?? ''];
  const handedOver = handOverStamp && (STAGE_DATES as readonly string[]).includes(handOverStamp) ? `coalesce(${handOverStamp}, created_at)` : 'created_at';
  const sql = (text: string): SqlQuery => ({ sql: text, params: [] });
  const outOfOrder = STAGE_DATES.flatMap((a, i) => STAGE_DATES.slice(i + 1).map((b) => `${a} > ${b}`));
  // A current stage earlier than a stage the lead has a date for (a lead at MQL with an SQL date).
  const behind = pipeline.stages.flatMap((stage, i) => {
    const later = pipeline.stages.slice(i + 1).flatMap((s) => (pipeline.stampColumn[s] ? [`${pipeline.stampColumn[s]} IS NOT NULL`] : []));
    return later.length ? [{ stage, later: later.join(' OR ') }] : [];
  });
  return {
    email_missing: () => sql('email IS NULL'),
    phone_missing: () => sql('phone IS NULL'),
    company_missing: () => sql('company IS NULL'),
    contact_missing: () => sql('contact_name IS NULL'),
    country_missing: () => sql('country IS NULL'),
    email_invalid: () => sql(`email IS NOT NULL AND NOT ${EMAIL_IS_VALID}`),
    date_in_future: ({ asOf }) => ({ sql: `greatest(created_at, ${STAGE_DATES.join(', ')}, closed_at, first_contact_at, last_activity_at) > ?::DATE`, params: [asOf] }),
    stage_dates_out_of_order: () => sql(`(${[...outOfOrder, `created_at > least(${STAGE_DATES.join(', ')})`].join(' OR ')})`),
    closed_before_created: () => sql('closed_at < created_at'),
    won_without_amount: () => sql(`r >= ${won} AND (amount IS NULL OR amount <= 0)`),
    stage_behind_dates: () =>
      behind.length
        ? { sql: `(${behind.map(({ later }) => `(stage = ? AND (${later}))`).join(' OR ')})`, params: behind.map((b) => b.stage) }
        : sql('FALSE'),
    // Sales owes a first contact to a lead marketing handed over (the second stage, MQL), counted
    // from that hand-over (its date, or the lead's creation without one); a raw lead is nurtured first.
    never_contacted: ({ asOf, deadFileDays }) => ({
      sql: `r >= 1 AND first_contact_at IS NULL AND ${handedOver} <= ?::DATE - ?::INTEGER`,
      params: [asOf, deadFileDays],
    }),
    // A later entry of a lead already in the data (the first entry keeps its points).
    duplicate: () => sql(`(${MATCH_BLOCKS.map((_, i) => `match_rank_${i} > 1`).join(' OR ')})`),
  };
}

/**
 * Per lead of lead_facts: `lead_id`, `_source`, `_line`, one boolean column per rule that counts
 * (its id: true when the lead fails it, never NULL) and `score`, 100 minus the points of the rules
 * it fails (rulePoints). `asOf` (yyyy-mm-dd) is the day "in the future" and "days since" count from.
 */
export function qualityHitsSql(pipeline: Pipeline, settings: QualitySettings, asOf: string): SqlQuery {
  const conditions = ruleConditions(pipeline);
  const rules = rulePoints(settings);
  const hits = rules.map(({ rule }) => joinSql(['coalesce(', conditions[rule.id]({ asOf, deadFileDays: settings.deadFileDays }), `, FALSE) AS ${rule.id}`], ''));
  const lost = rules.length ? rules.map(({ rule, points }) => `CASE WHEN ${rule.id} THEN ${points} ELSE 0 END`).join(' + ') : '0';
  return joinSql([
    'SELECT *, (100 - (',
    lost,
    '))::DOUBLE AS score FROM (SELECT lead_id, _source, _line,',
    joinSql(hits, ', '),
    // The columns by name, not *: an export's extra column may be called `r`.
    `FROM (SELECT *, ${MATCH_RANKS} FROM (SELECT lead_id, _source, _line, stage, email, phone, company, contact_name, country, region, created_at, ${STAGE_DATES.join(', ')}, closed_at, first_contact_at, last_activity_at, amount,`,
    reachedIndexSql(pipeline),
    `AS r, ${KEY_COLUMNS} FROM ${LEAD_FACTS})))`,
  ]);
}
