import type { SqlQuery } from '../domain/sqlQuery';
import { LEAD_FACTS } from './leadFacts';

/**
 * Phone plausibility is judged outside SQL (src/domain/quality/phonePlausibility.ts), once per
 * number shape: these statements list each distinct number with its lead's country and shape, hand
 * over the distinct shapes, numbered, and keep the numbers whose shape was judged implausible for
 * the rule to join (src/sql/quality.ts).
 */

/** Up to and including a number's sixth digit. */
const SIX_DIGITS = "'^(?:\\D*\\d){6}'";

/**
 * Every distinct (country, phone) of lead_facts with a phone, and its `shape`: phoneShape
 * (src/domain/quality/phonePlausibility.ts) in SQL, the number up to its sixth digit as written and
 * every later digit a 5; a number of fewer digits is its own shape. Both sides' \d are the ASCII
 * digits; tests/integration/phoneChecks.test.ts holds the two to the same shapes.
 */
export const distinctPhonesSql = (): string =>
  [
    "SELECT country, phone, CASE WHEN prefix = '' THEN phone ELSE prefix || translate(substr(phone, length(prefix) + 1), '0123456789', '5555555555') END AS shape",
    `FROM (SELECT country, phone, regexp_extract(phone, ${SIX_DIGITS}, 0) AS prefix FROM (SELECT DISTINCT country, phone FROM ${LEAD_FACTS} WHERE phone IS NOT NULL))`,
  ].join(' ');

/** The distinct (country, shape) of a table of distinctPhonesSql's rows, numbered `id` from 1, the shape named `phone`: what the check judges. */
export const distinctShapesSql = (phones: string): string =>
  `SELECT (row_number() OVER ())::INTEGER AS id, country, shape AS phone FROM (SELECT DISTINCT country, shape FROM ${phones})`;

/** What a phone check reads of a distinctShapesSql table (src/services/phoneCheck.ts). */
export const shapesToJudgeSql = (shapes: string): SqlQuery => ({ sql: `SELECT id, country, phone FROM ${shapes}`, params: [] });

/** The (country, phone) rows of the phones whose shape's id is given: the implausible ones. */
export function implausiblePhonesSql(phones: string, shapes: string, ids: readonly number[]): SqlQuery {
  if (ids.length === 0) return { sql: `SELECT country, phone FROM ${phones} WHERE FALSE`, params: [] };
  // One bound text of ids, not one parameter each: tens of thousands of parameters bind slowly.
  return {
    sql: `SELECT p.country, p.phone FROM ${phones} p JOIN (SELECT country, phone AS shape FROM ${shapes} WHERE id IN (SELECT unnest(string_split(?, ','))::INTEGER)) s ON s.shape = p.shape AND s.country IS NOT DISTINCT FROM p.country`,
    params: [ids.join(',')],
  };
}
