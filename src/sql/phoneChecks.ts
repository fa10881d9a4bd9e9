import type { SqlQuery } from '../domain/sqlQuery';
import { LEAD_FACTS } from './leadFacts';

/**
 * Phone plausibility is judged outside SQL (src/domain/quality/phonePlausibility.ts): these
 * statements number every lead's phone with its country, hand them over, and keep the numbers
 * judged implausible for the rule to join (src/sql/quality.ts). Every lead's number goes out, not
 * the distinct ones nor their shapes: streaming 900,000 numbers as Arrow took duckdb-wasm 0.15 s,
 * making their shapes in SQL 1.1 s (writing text is slow there; the judge makes them in a loop).
 */

/** Every lead of lead_facts with a phone: `id` (from 1), `country`, `phone`. */
export const phonesToJudgeSql = (): string => `SELECT (row_number() OVER ())::INTEGER AS id, country, phone FROM ${LEAD_FACTS} WHERE phone IS NOT NULL`;

/** What a phone check reads of a phonesToJudgeSql table (src/services/phoneCheck.ts). */
export const phonesOfTableSql = (phones: string): SqlQuery => ({ sql: `SELECT id, country, phone FROM ${phones}`, params: [] });

/** The distinct (country, phone) of the rows whose id is given: the implausible ones. */
export function implausiblePhonesSql(phones: string, ids: readonly number[]): SqlQuery {
  if (ids.length === 0) return { sql: `SELECT country, phone FROM ${phones} WHERE FALSE`, params: [] };
  // One bound text of ids, not one parameter each: tens of thousands of parameters bind slowly.
  return {
    sql: `SELECT DISTINCT country, phone FROM ${phones} WHERE id IN (SELECT unnest(string_split(?, ','))::INTEGER)`,
    params: [ids.join(',')],
  };
}
