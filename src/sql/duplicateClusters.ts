import { quoteIdent, type SqlQuery } from '../domain/sqlQuery';
import { MATCH_BLOCKS } from './duplicateKeys';
import { LEAD_FACTS } from './leadFacts';

/** The contact fields whose filling decides which entry of a duplicate cluster should survive. */
export const SURVIVOR_FIELDS = ['email', 'phone', 'company', 'contact_name', 'country'] as const;

/**
 * Duplicate clusters in SQL: leads joined by any block, also through a third lead, found by label
 * propagation over a links table (duplicateLinksSql). The propagation runs on integers: every linked
 * lead gets an id in (_source, _line) order and every block a number (clusterGraphSql), so the
 * smallest id is the smallest entry, as the labels were when they were (file, line) pairs, which
 * made each round four times slower in duckdb-wasm. Each lead starts with the smallest first entry
 * of its blocks as its label; a round gives every block its members' smallest label, every lead its
 * blocks' smallest, and then the label of its label (a jump along the chain: fewer rounds). When a
 * round changes nothing, a label names its cluster; the caller runs rounds until then.
 */

/** `members` (_source, _line, id) and `edges` (id, blk, first_id): the links as integers. */
export function clusterGraphSql(links: string, members: string, edges: string): SqlQuery[] {
  const l = quoteIdent(links);
  const m = quoteIdent(members);
  return [
    { sql: `CREATE OR REPLACE TEMP TABLE ${m} AS SELECT _source, _line, (row_number() OVER (ORDER BY _source, _line))::INTEGER AS id FROM (SELECT DISTINCT _source, _line FROM ${l})`, params: [] },
    {
      sql: `CREATE OR REPLACE TEMP TABLE ${quoteIdent(edges)} AS
WITH blocks AS (SELECT b, block, (row_number() OVER ())::INTEGER AS blk FROM ${l} GROUP BY b, block)
SELECT m.id, bl.blk, f.id AS first_id FROM ${l} k JOIN blocks bl ON bl.b = k.b AND bl.block = k.block
JOIN ${m} m ON m._source = k._source AND m._line = k._line JOIN ${m} f ON f._source = k.first_source AND f._line = k.first_line`,
      params: [],
    },
  ];
}

/** The first labels (id, label): each lead's smallest first entry. */
export function clusterSeedSql(edges: string, labels: string): SqlQuery {
  return { sql: `CREATE OR REPLACE TEMP TABLE ${quoteIdent(labels)} AS SELECT id, min(first_id) AS label FROM ${quoteIdent(edges)} GROUP BY id`, params: [] };
}

/** One round into `next`; then clusterChangesSql counts the leads whose label changed. */
export function clusterRoundSql(edges: string, labels: string, next: string): SqlQuery {
  const e = quoteIdent(edges);
  return {
    sql: `CREATE OR REPLACE TEMP TABLE ${quoteIdent(next)} AS
WITH block_labels AS (SELECT e.blk, min(l.label) AS label FROM ${e} e JOIN ${quoteIdent(labels)} l ON l.id = e.id GROUP BY e.blk),
spread AS (SELECT e.id, min(bl.label) AS label FROM ${e} e JOIN block_labels bl ON bl.blk = e.blk GROUP BY e.id)
SELECT s.id, least(s.label, j.label) AS label FROM spread s JOIN spread j ON j.id = s.label`,
    params: [],
  };
}

export function clusterChangesSql(labels: string, next: string): SqlQuery {
  return {
    sql: `SELECT count(*)::BIGINT AS changed FROM ${quoteIdent(next)} n JOIN ${quoteIdent(labels)} c ON c.id = n.id WHERE n.label <> c.label`,
    params: [],
  };
}

/** The clusters table the figures read: every duplicated lead (_source, _line) with its cluster's `label`, its first entry as {s, l}. */
export function clusterTableSql(members: string, labels: string, clusters: string): SqlQuery {
  const m = quoteIdent(members);
  return {
    sql: `CREATE OR REPLACE TEMP TABLE ${quoteIdent(clusters)} AS SELECT m._source, m._line, {s: f._source, l: f._line} AS label FROM ${quoteIdent(labels)} l JOIN ${m} m ON m.id = l.id JOIN ${m} f ON f.id = l.label`,
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
