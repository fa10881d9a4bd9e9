import type { SqlQuery } from '../domain/sqlQuery';
import { MATCH_BLOCKS } from './duplicateKeys';
import { LEAD_FACTS } from './leadFacts';
import { duplicateKeysSelect } from './quality';

/** The contact fields whose filling decides which entry of a duplicate cluster should survive. */
export const SURVIVOR_FIELDS = ['email', 'phone', 'company', 'contact_name', 'country'] as const;

/**
 * Every lead that shares a match block (MATCH_BLOCKS) with another lead, once per such block:
 * `match`, `block`, the lead's `lead_id`, `_source`, `_line`, `created_at`, `owner`, its contact
 * fields and `filled` (how many of SURVIVOR_FIELDS it has). Only blocks of two or more leads: at a
 * few per cent duplicates that is a small part of the leads, joined into clusters in memory
 * (domain/quality/duplicates.ts).
 */
export function duplicateLinksSql(): SqlQuery {
  const blocks = MATCH_BLOCKS.map(
    (b) => `SELECT '${b.match}' AS match, ${b.sql} AS block, _source, _line FROM keyed WHERE ${b.sql} IS NOT NULL QUALIFY count(*) OVER (PARTITION BY ${b.sql}) > 1`,
  );
  const filled = SURVIVOR_FIELDS.map((f) => `(f.${f} IS NOT NULL)::INTEGER`).join(' + ');
  return {
    sql: `WITH keyed AS (${duplicateKeysSelect()}), linked AS (${blocks.join(' UNION ALL ')})
SELECT l.match, l.block, f.lead_id, f._source, f._line, strftime(f.created_at, '%Y-%m-%d') AS created_at, f.owner, f.company, f.contact_name, f.email, f.phone, f.country, ${filled} AS filled
FROM linked l JOIN ${LEAD_FACTS} f ON f._source = l._source AND f._line = l._line
ORDER BY l.match, l.block, f.created_at NULLS LAST, f.lead_id, f._source, f._line`,
    params: [],
  };
}
