import type { Pipeline } from '../domain/pipeline';
import { rulePoints, type QualityRuleId, type QualitySettings } from '../domain/quality/rules';
import { joinSql, quoteIdent, type SqlQuery } from '../domain/sqlQuery';
import { ISO_COUNTRY_CODES } from '../domain/quality/countryCodes';
import { emailIsValid } from './emailSyntax';
import { oneOf, placeholderValueSql } from './placeholderValues';
import { LEAD_FACTS } from './leadFacts';
import { reachedIndexSql } from './reach';

/** Tables of one scoring's earlier steps (qualityHitsSql). Names as SQL (quoted). */
export interface QualityInputTables {
  /** The duplicate scan's rows (src/sql/duplicateInput.ts's DUPLICATE_COLUMNS). */
  readonly duplicates?: string;
  /** The phone check's implausible (country, phone) rows. */
  readonly implausiblePhones?: string;
}

/** The rules judged outside SQL, whose input tables qualityHitsSql needs. */
const JUDGED_OUTSIDE = { duplicate: 'duplicates', phone_implausible: 'implausiblePhones' } as const;

/** The stage dates in pipeline order, as lead_facts names them. */
const STAGE_DATES = ['mql_at', 'sql_at', 'opportunity_at'] as const;

/** Every date of a lead the rules read. */
const LEAD_DATES = ['created_at', ...STAGE_DATES, 'closed_at', 'first_contact_at', 'last_activity_at'] as const;

/**
 * Each rule's condition on a lead of lead_facts (with its reached index `r`), true when it fails.
 * `asOf` and the dead-file days are bound where they are used (see qualityHitsSql).
 */
function ruleConditions(pipeline: Pipeline): Record<QualityRuleId, (bind: { asOf: string; deadFileDays: number }) => SqlQuery> {
  const won = pipeline.stages.length - 1;
  const handOverStamp = pipeline.stampColumn[pipeline.stages[1] ?? ''];
  const handedOver = handOverStamp && (STAGE_DATES as readonly string[]).includes(handOverStamp) ? `coalesce(${handOverStamp}, created_at)` : 'created_at';
  const sql = (text: string): SqlQuery => ({ sql: text, params: [] });
  // Each pair compared, not greatest() or least() over them: the same truth under coalesce(…, FALSE)
  // (a NULL date compares to nothing), and half the time in duckdb-wasm.
  const outOfOrder = (['created_at', ...STAGE_DATES] as const).flatMap((a, i, dates) => dates.slice(i + 1).map((b) => `${a} > ${b}`));
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
    email_invalid: () => sql(`email IS NOT NULL AND NOT ${emailIsValid('email')}`),
    // The codes are the library's, checked to be two or three capital letters: safe to write into the SQL.
    country_invalid: () => sql(`country IS NOT NULL AND NOT ${oneOf('upper(country)', ISO_COUNTRY_CODES)}`),
    phone_implausible: () => sql('implausible_phone IS NOT NULL'),
    placeholder_value: () => sql(placeholderValueSql()),
    date_in_future: ({ asOf }) => ({ sql: `(${LEAD_DATES.map((d) => `${d} > ?::DATE`).join(' OR ')})`, params: LEAD_DATES.map(() => asOf) }),
    stage_dates_out_of_order: () => sql(`(${outOfOrder.join(' OR ')})`),
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
    duplicate: () => sql('later_entry IS NOT NULL'),
  };
}

/** The points a lead loses, as SQL over its rule columns: a sum in the rules' order (the same sum gives the same score). */
function lostPointsSql(settings: QualitySettings): string {
  const rules = rulePoints(settings);
  // Points as DOUBLE: a literal like 5.714285714285714 is a DECIMAL in DuckDB, and a sum of sixteen
  // of them is a wide DECIMAL, which took duckdb-wasm 0.55 s more on a million leads.
  return rules.length ? rules.map(({ rule, points }) => `CASE WHEN ${rule.id} THEN ${points}::DOUBLE ELSE 0 END`).join(' + ') : '0';
}

/**
 * Per lead of lead_facts: `lead_id`, `_source`, `_line`, one boolean column per rule that counts
 * (its id: true when the lead fails it, never NULL) and `score`, 100 minus the points of the rules
 * it fails (rulePoints). `asOf` (yyyy-mm-dd) is the day "in the future" and "days since" count from.
 * `tables` names tables (or subqueries) made for the same data (services/qualityScores.ts):
 * `duplicates`, the duplicate scan's rows; `implausiblePhones`, the phone check's (country, phone)
 * rows. Both are judged outside SQL: a rule whose table is missing is refused, not guessed.
 */
export function qualityHitsSql(pipeline: Pipeline, settings: QualitySettings, asOf: string, tables: QualityInputTables = {}): SqlQuery {
  const conditions = ruleConditions(pipeline);
  const rules = rulePoints(settings);
  const hits = rules.map(({ rule }) => joinSql(['coalesce(', conditions[rule.id]({ asOf, deadFileDays: settings.deadFileDays }), `, FALSE) AS ${rule.id}`], ''));
  const uses = (id: keyof typeof JUDGED_OUTSIDE) => rules.some(({ rule }) => rule.id === id);
  for (const [id, table] of Object.entries(JUDGED_OUTSIDE)) {
    if (uses(id as keyof typeof JUDGED_OUTSIDE) && tables[table] === undefined) throw new Error(`The rule ${id} needs its ${table} found first (services/qualityScores.ts)`);
  }
  const usesDuplicates = uses('duplicate');
  const usesPhones = uses('phone_implausible');
  return joinSql([
    'SELECT *, (100 - (',
    lostPointsSql(settings),
    '))::DOUBLE AS score FROM (SELECT lead_id, _source, _line,',
    joinSql(hits, ', '),
    // The columns by name, not *: an export's extra column may be called `r`.
    `FROM (SELECT f.lead_id, f._source, f._line, stage, email, phone, company, contact_name, country, ${LEAD_DATES.join(', ')}, amount,`,
    reachedIndexSql(pipeline, 'f'),
    `AS r, ${usesDuplicates ? 'd._line' : 'NULL'} AS later_entry, ${usesPhones ? 'p.judged_phone' : 'NULL'} AS implausible_phone FROM ${LEAD_FACTS} f`,
    usesDuplicates ? `LEFT JOIN (SELECT _source, _line FROM ${tables.duplicates} WHERE later) d ON d._source = f._source AND d._line = f._line` : '',
    usesPhones ? `LEFT JOIN (SELECT country AS judged_country, phone AS judged_phone FROM ${tables.implausiblePhones}) p ON p.judged_phone = f.phone AND p.judged_country IS NOT DISTINCT FROM f.country` : '',
    '))',
  ]);
}

/**
 * The rules judged outside SQL applied to a table of qualityHitsSql's rows that was made before
 * their tables were ready (with none of their rows): their columns set from `tables`, then the
 * score of the leads that fail one of them computed again by the same sum. The result equals
 * qualityHitsSql made with the tables (tests/integration/duplicates.test.ts). This lets the engine
 * score the other rules while the duplicates and phones are judged on another core.
 */
export function judgedOutsideSql(settings: QualitySettings, scores: string, tables: Required<QualityInputTables>): SqlQuery[] {
  const inForce = new Set(rulePoints(settings).map(({ rule }) => rule.id));
  const s = quoteIdent(scores);
  const statements: string[] = [];
  if (inForce.has('duplicate')) {
    statements.push(`UPDATE ${s} SET duplicate = TRUE FROM ${tables.duplicates} d WHERE d.later AND ${s}._source = d._source AND ${s}._line = d._line`);
  }
  if (inForce.has('phone_implausible')) {
    statements.push(
      `UPDATE ${s} SET phone_implausible = TRUE FROM (SELECT f._source, f._line FROM ${LEAD_FACTS} f JOIN ${tables.implausiblePhones} p ON p.phone = f.phone AND p.country IS NOT DISTINCT FROM f.country) j WHERE ${s}._source = j._source AND ${s}._line = j._line`,
    );
  }
  const failed = [...inForce].filter((id) => id in JUDGED_OUTSIDE);
  if (failed.length) statements.push(`UPDATE ${s} SET score = (100 - (${lostPointsSql(settings)}))::DOUBLE WHERE ${failed.join(' OR ')}`);
  return statements.map((sql) => ({ sql, params: [] }));
}
