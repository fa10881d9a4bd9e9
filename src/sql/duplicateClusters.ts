import { quoteIdent, type SqlQuery } from '../domain/sqlQuery';
import { LEAD_FACTS } from './leadFacts';

/**
 * The duplicate clusters as the scan found them (src/domain/quality/duplicateScan.ts), read from its
 * table: every lead in a cluster with its cluster's first entry (`cluster_source`, `cluster_line`),
 * `later` and the `matches` bits.
 */

/** The contact fields whose filling decides which entry of a duplicate cluster should survive. */
export const SURVIVOR_FIELDS = ['email', 'phone', 'company', 'contact_name', 'country'] as const;

const clusterName = (alias: string) => `${alias}.cluster_source || ':' || ${alias}.cluster_line`;

/**
 * The members of the `limit` largest clusters (then by their name), for showing them: `cluster`
 * (its first entry as "file:line"), `size`, `matches` (the bits of the match kinds that joined the
 * lead to others), the lead's `lead_id`, `_source`, `_line`, `created_at` (yyyy-mm-dd), `owner`,
 * contact fields and `filled`.
 */
export function clusterMembersSql(duplicates: string, limit: number): SqlQuery {
  const filled = SURVIVOR_FIELDS.map((f) => `(f.${f} IS NOT NULL)::INTEGER`).join(' + ');
  const d = quoteIdent(duplicates);
  return {
    sql: `WITH sizes AS (SELECT cluster_source, cluster_line, count(*) AS size FROM ${d} GROUP BY ALL),
shown AS (SELECT * FROM sizes ORDER BY size DESC, cluster_source, cluster_line LIMIT ?)
SELECT ${clusterName('c')} AS cluster, s.size, c.matches, f.lead_id, f._source, f._line, strftime(f.created_at, '%Y-%m-%d') AS created_at,
  f.owner, f.company, f.contact_name, f.email, f.phone, f.country, ${filled} AS filled
FROM ${d} c JOIN shown s ON s.cluster_source = c.cluster_source AND s.cluster_line = c.cluster_line
JOIN ${LEAD_FACTS} f ON f._source = c._source AND f._line = c._line
ORDER BY s.size DESC, c.cluster_source, c.cluster_line, f.created_at NULLS LAST, f.lead_id, f._source, f._line`,
    params: [limit],
  };
}

/** Every clustered lead's id with its cluster (`cluster`, `lead_id`): for measuring against known duplicates. */
export function clusterLeadIdsSql(duplicates: string): SqlQuery {
  return {
    sql: `SELECT ${clusterName('c')} AS cluster, f.lead_id FROM ${quoteIdent(duplicates)} c JOIN ${LEAD_FACTS} f ON f._source = c._source AND f._line = c._line`,
    params: [],
  };
}
