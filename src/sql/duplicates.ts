import type { SqlQuery } from '../domain/sqlQuery';
import { duplicateLinksSql, MATCH_BLOCKS } from './duplicateKeys';
import { LEAD_FACTS } from './leadFacts';

/** The contact fields whose filling decides which entry of a duplicate cluster should survive. */
export const SURVIVOR_FIELDS = ['email', 'phone', 'company', 'contact_name', 'country'] as const;

/**
 * Every lead that shares a match block (MATCH_BLOCKS) with another lead, once per such block:
 * `match`, `block`, the lead's `lead_id`, `_source`, `_line`, `created_at` (yyyy-mm-dd), `owner`, its
 * contact fields and `filled` (how many of SURVIVOR_FIELDS it has). At a few per cent duplicates
 * that is a small part of the leads, joined into clusters in memory (domain/quality/duplicates.ts).
 * `links` names a table of duplicateLinksSql's rows; without it they are found here.
 */
export function duplicateMembersSql(links?: string): SqlQuery {
  const filled = SURVIVOR_FIELDS.map((f) => `(f.${f} IS NOT NULL)::INTEGER`).join(' + ');
  const match = `CASE l.b ${MATCH_BLOCKS.map((b, i) => `WHEN ${i} THEN '${b.match}'`).join(' ')} END`;
  return {
    sql: `SELECT ${match} AS match, l.b || ':' || l.block AS block, f.lead_id, f._source, f._line, strftime(f.created_at, '%Y-%m-%d') AS created_at, f.owner, f.company, f.contact_name, f.email, f.phone, f.country, ${filled} AS filled
FROM ${links ?? `(${duplicateLinksSql()})`} l JOIN ${LEAD_FACTS} f ON f._source = l._source AND f._line = l._line
ORDER BY l.b, l.block, f.created_at NULLS LAST, f.lead_id, f._source, f._line`,
    params: [],
  };
}
