import { quoteIdent, type SqlQuery } from '../domain/sqlQuery';
import { MATCH_BLOCKS } from './duplicateKeys';
import { LEAD_FACTS } from './leadFacts';

/** The contact fields whose filling decides which entry of a duplicate cluster should survive. */
export const SURVIVOR_FIELDS = ['email', 'phone', 'company', 'contact_name', 'country'] as const;

/**
 * Duplicate clusters in SQL: leads joined by any block, also through a third lead, found by label
 * propagation over a links table (duplicateLinksSql). Each lead starts with the smallest first entry
 * of its blocks as its label; a round gives every block its members' smallest label and every lead
 * its blocks' smallest. When a round changes nothing, a label names its cluster. Blocks are stars
 * around their first entry, so two or three rounds suffice; the caller runs them until stable.
 */
export function clusterSeedSql(links: string, clusters: string): SqlQuery {
  return {
    sql: `CREATE OR REPLACE TEMP TABLE ${quoteIdent(clusters)} AS SELECT _source, _line, min({s: first_source, l: first_line}) AS label FROM ${quoteIdent(links)} GROUP BY _source, _line`,
    params: [],
  };
}

/** One round into `next`; then clusterChangesSql counts the leads whose label changed. */
export function clusterRoundSql(links: string, clusters: string, next: string): SqlQuery {
  const l = quoteIdent(links);
  return {
    sql: `CREATE OR REPLACE TEMP TABLE ${quoteIdent(next)} AS
WITH block_labels AS (SELECT k.b, k.block, min(c.label) AS label FROM ${l} k JOIN ${quoteIdent(clusters)} c ON c._source = k._source AND c._line = k._line GROUP BY k.b, k.block)
SELECT k._source, k._line, min(bl.label) AS label FROM ${l} k JOIN block_labels bl ON bl.b = k.b AND bl.block = k.block GROUP BY k._source, k._line`,
    params: [],
  };
}

export function clusterChangesSql(clusters: string, next: string): SqlQuery {
  return {
    sql: `SELECT count(*)::BIGINT AS changed FROM ${quoteIdent(next)} n JOIN ${quoteIdent(clusters)} c ON c._source = n._source AND c._line = n._line WHERE n.label <> c.label`,
    params: [],
  };
}

/** How many clusters and how many leads are in them (`clusters`, `entries`). */
export function clusterCountsSql(clusters: string): SqlQuery {
  return { sql: `SELECT count(DISTINCT label)::BIGINT AS clusters, count(*)::BIGINT AS entries FROM ${quoteIdent(clusters)}`, params: [] };
}

/**
 * The members of the `limit` largest clusters (then by their label), for showing them: `cluster`
 * (its label as text), `size`, `matches` (the match kinds that joined the lead to others, comma-separated), the lead's
 * `lead_id`, `_source`, `_line`, `created_at` (yyyy-mm-dd), `owner`, contact fields and `filled`.
 */
export function clusterMembersSql(links: string, clusters: string, limit: number): SqlQuery {
  const filled = SURVIVOR_FIELDS.map((f) => `(f.${f} IS NOT NULL)::INTEGER`).join(' + ');
  const match = `CASE k.b ${MATCH_BLOCKS.map((b, i) => `WHEN ${i} THEN '${b.match}'`).join(' ')} END`;
  return {
    sql: `WITH sizes AS (SELECT label, count(*) AS size FROM ${quoteIdent(clusters)} GROUP BY label),
shown AS (SELECT label, size FROM sizes ORDER BY size DESC, label LIMIT ?),
matches AS (SELECT k._source, k._line, array_to_string(list(DISTINCT ${match}), ',') AS matches FROM ${quoteIdent(links)} k GROUP BY k._source, k._line)
SELECT c.label.s || ':' || c.label.l AS cluster, s.size, m.matches, f.lead_id, f._source, f._line, strftime(f.created_at, '%Y-%m-%d') AS created_at,
  f.owner, f.company, f.contact_name, f.email, f.phone, f.country, ${filled} AS filled
FROM ${quoteIdent(clusters)} c JOIN shown s ON s.label = c.label JOIN matches m ON m._source = c._source AND m._line = c._line
JOIN ${LEAD_FACTS} f ON f._source = c._source AND f._line = c._line
ORDER BY s.size DESC, c.label, f.created_at NULLS LAST, f.lead_id, f._source, f._line`,
    params: [limit],
  };
}

/** Every clustered lead's id with its cluster (`cluster`, `lead_id`): for measuring against known duplicates. */
export function clusterLeadIdsSql(clusters: string): SqlQuery {
  return {
    sql: `SELECT c.label.s || ':' || c.label.l AS cluster, f.lead_id FROM ${quoteIdent(clusters)} c JOIN ${LEAD_FACTS} f ON f._source = c._source AND f._line = c._line`,
    params: [],
  };
}
