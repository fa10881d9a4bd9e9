import type { SqlQuery } from '../domain/sqlQuery';
import { LEAD_FACTS } from './leadFacts';

/**
 * Phone plausibility is judged outside SQL (src/domain/quality/phonePlausibility.ts): these
 * statements hand over each distinct number with its lead's country, numbered, and keep the ones
 * judged implausible for the rule to join (src/sql/quality.ts).
 */

/** Every distinct (country, phone) of lead_facts with a phone, numbered `id` from 1. */
export const distinctPhonesSql = (): string =>
  `SELECT (row_number() OVER ())::INTEGER AS id, country, phone FROM (SELECT DISTINCT country, phone FROM ${LEAD_FACTS} WHERE phone IS NOT NULL)`;

/** The (country, phone) rows of a distinctPhonesSql table whose ids are given: the implausible ones. */
export function implausiblePhonesSql(phones: string, ids: readonly number[]): SqlQuery {
  if (ids.length === 0) return { sql: `SELECT country, phone FROM ${phones} WHERE FALSE`, params: [] };
  // One bound text of ids, not one parameter each: tens of thousands of parameters bind slowly.
  return { sql: `SELECT country, phone FROM ${phones} WHERE id IN (SELECT unnest(string_split(?, ','))::INTEGER)`, params: [ids.join(',')] };
}
