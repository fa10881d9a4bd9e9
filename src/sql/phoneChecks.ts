import type { SqlQuery } from '../domain/sqlQuery';
import { LEAD_FACTS } from './leadFacts';

/**
 * Phone plausibility is judged outside SQL (src/domain/quality/phonePlausibility.ts), once per
 * number shape, and the numbers judged implausible are joined by the rule (src/sql/quality.ts).
 * Two ways, by engine:
 *  - duckdb-wasm hands every lead's number over with the duplicate scan's rows, and the judge makes
 *    the shapes on their bytes (src/domain/quality/phoneJudge.ts; making the shapes in SQL took it
 *    1.1 s: writing text is slow there);
 *  - native DuckDB makes the shapes in SQL and hands over the 60,000 distinct ones (reading 900,000
 *    texts out of @duckdb/node-api took 1.2 s per column): these statements.
 */

/** The table of the implausible (country, phone) pairs when judged outside the engine from the duplicate scan's rows (src/services/duplicateScan.ts). */
export const IMPLAUSIBLE_PHONE_COLUMNS = 'country VARCHAR, phone VARCHAR';

/** No implausible number: the pairs' columns without a row (before they are judged, or when the rule does not count). */
export const NO_IMPLAUSIBLE_PHONES = 'SELECT NULL::VARCHAR AS country, NULL::VARCHAR AS phone WHERE FALSE';

/** Every lead of lead_facts with a phone: `id` (from 1), `country`, `phone`. */
export const phonesToJudgeSql = (): string => `SELECT (row_number() OVER ())::INTEGER AS id, country, phone FROM ${LEAD_FACTS} WHERE phone IS NOT NULL`;

/** One bound text of ids, not one parameter each: tens of thousands of parameters bind slowly. */
const idsIn = (ids: readonly number[]) => ({ sql: 'IN (SELECT unnest(string_split(?, \',\'))::INTEGER)', params: [ids.join(',')] });

/** No implausible number (an empty text of ids would not cast). */
const noPhones = (phones: string): SqlQuery => ({ sql: `SELECT country, phone FROM ${phones} WHERE FALSE`, params: [] });

/** Up to and including a number's sixth digit. */
const SIX_DIGITS = "'^(?:\\D*\\d){6}'";

/**
 * phoneShape (src/domain/quality/phonePlausibility.ts) in SQL: the number up to its sixth digit as
 * written and every later digit a 5; a number of fewer digits is its own shape. Both sides' \d are
 * the ASCII digits; tests/integration/phoneChecks.test.ts holds the two to the same shapes.
 */
export function phoneShapeSql(phone: string): string {
  const prefix = `regexp_extract(${phone}, ${SIX_DIGITS}, 0)`;
  return `CASE WHEN ${prefix} = '' THEN ${phone} ELSE ${prefix} || translate(substr(${phone}, length(${prefix}) + 1), '0123456789', '5555555555') END`;
}

/** The distinct (country, shape) of a phonesToJudgeSql table, numbered `id` in a fixed order (so that implausibleShapesSql numbers them alike). */
const numberedShapesSql = (phones: string) =>
  `SELECT (row_number() OVER (ORDER BY country NULLS FIRST, shape))::INTEGER AS id, country, shape FROM (SELECT DISTINCT country, ${phoneShapeSql('phone')} AS shape FROM ${phones})`;

/** The distinct shapes to judge: `id`, `country`, `phone` (the shape). */
export const shapesOfTableSql = (phones: string): SqlQuery => ({ sql: `SELECT id, country, shape AS phone FROM (${numberedShapesSql(phones)})`, params: [] });

/** The distinct (country, phone) of a phonesToJudgeSql table whose shape's id (shapesOfTableSql) is given. */
export function implausibleShapesSql(phones: string, ids: readonly number[]): SqlQuery {
  if (ids.length === 0) return noPhones(phones);
  const inIds = idsIn(ids);
  return {
    sql: `SELECT DISTINCT p.country, p.phone FROM ${phones} p JOIN (${numberedShapesSql(phones)}) s ON s.shape = ${phoneShapeSql('p.phone')} AND s.country IS NOT DISTINCT FROM p.country WHERE s.id ${inIds.sql}`,
    params: inIds.params,
  };
}
