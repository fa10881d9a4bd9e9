import type { Pipeline } from '../domain/pipeline';
import { joinSql, quoteIdent, type SqlQuery } from '../domain/sqlQuery';

/**
 * "Deals close leads" (DESIGN.md): the one derivation that gives each lead its effective stage,
 * close date and revenue from its own columns and its linked deals, and joins the lookup tables'
 * columns onto it. Every page, the cube, the explorer and the ETL's figures read `lead_facts`;
 * the imported `leads` table stays as the export had it (it is what is stored and published).
 *
 * Without deals and lookups it is a view of the leads (no copy, nothing to compute); with them a
 * table, rebuilt after every import.
 */
export const LEAD_FACTS = 'lead_facts';

/** A lookup file joined onto the leads: its `key` column matches the lead column `leadColumn`. */
export interface LookupJoin {
  readonly table: string;
  readonly leadColumn: string;
  readonly key: string;
  /** The lookup's other columns: `column` in the lookup, `name` on the lead. */
  readonly columns: readonly { readonly column: string; readonly name: string }[];
}

/** A column of the deals carried onto their lead (`product`, a deal export's extra column): `column` in deals, `name` on the lead. */
export interface DealColumn {
  readonly column: string;
  readonly name: string;
}

export interface LeadFactsOptions {
  readonly pipeline: Pipeline;
  /** Whether a deals table is loaded. */
  readonly deals: boolean;
  /** Deal columns carried onto the leads: the value of the lead's first won deal, else its first open one, else its first lost one. */
  readonly dealColumns?: readonly DealColumn[];
  readonly lookups: readonly LookupJoin[];
}

/** Removes the derivation, whichever form it has (`kind` from leadFactsKindSql). */
export function dropLeadFactsSql(kind: 'VIEW' | 'TABLE'): SqlQuery {
  return { sql: `DROP ${kind} IF EXISTS ${LEAD_FACTS}`, params: [] };
}

/** 'VIEW' or 'TABLE' (column `kind`) where lead_facts exists; no row where it does not. */
export function leadFactsKindSql(): SqlQuery {
  return {
    sql: "SELECT 'VIEW' AS kind FROM duckdb_views() WHERE view_name = ? AND NOT internal UNION ALL SELECT 'TABLE' FROM duckdb_tables() WHERE table_name = ?",
    params: [LEAD_FACTS, LEAD_FACTS],
  };
}

/**
 * Per lead id, what its deals say: counts by outcome, the first won close date, the latest lost
 * one, the sum of won amounts (NULL when no won deal has one: revenue unknown, never 0) and
 * their currency, the first deal's creation. A deal with no outcome, or one the vocabulary does not know, is open.
 */
function dealSummarySql(won: string, lost: string, dealColumns: readonly DealColumn[]): SqlQuery {
  const carried = dealColumns.map((c, i) => `first(${quoteIdent(c.column)} ORDER BY CASE WHEN outcome = ? THEN 0 WHEN outcome = ? THEN 2 ELSE 1 END, _line) AS _deal_${i}, `);
  return {
    sql:
      `SELECT ${carried.join('')}` +
      'lead_id AS _deal_lead_id, count(*) FILTER (WHERE outcome = ?) AS _won_deals, count(*) FILTER (WHERE outcome = ?) AS _lost_deals, ' +
      'count(*) FILTER (WHERE outcome IS DISTINCT FROM ? AND outcome IS DISTINCT FROM ?) AS _open_deals, ' +
      'min(closed_at) FILTER (WHERE outcome = ?) AS _won_at, max(closed_at) FILTER (WHERE outcome = ?) AS _lost_at, ' +
      'sum(amount) FILTER (WHERE outcome = ?) AS _won_amount, min(currency) FILTER (WHERE outcome = ? AND amount IS NOT NULL) AS _won_currency, ' +
      'min(coalesce(created_at, closed_at)) AS _first_deal_at FROM deals WHERE lead_id IS NOT NULL GROUP BY lead_id',
    params: [...dealColumns.flatMap(() => [won, lost]), won, lost, won, lost, won, lost, won, won],
  };
}

/**
 * The lead with its deals applied: a won deal makes it won (its first won close date, the won
 * amounts as revenue, else the lead's own amount); else a lead already won stays won; else an open
 * deal makes it an opportunity; else deals that were all lost make it lost (its close date, else
 * the last loss). A lead with a deal has reached the opportunity stage since its first deal.
 */
function withDealsSql(pipeline: Pipeline, dealColumns: readonly DealColumn[]): SqlQuery {
  const success = pipeline.stages[pipeline.stages.length - 1]!;
  const open = pipeline.stages.includes('opportunity') ? 'opportunity' : pipeline.stages[pipeline.stages.length - 2]!;
  const lost = pipeline.terminal.includes('lost') ? 'lost' : pipeline.terminal[0]!;
  const openStamp = pipeline.stampColumn[open];
  const stamp = openStamp ? `, coalesce(${quoteIdent(openStamp)}, _first_deal_at) AS ${quoteIdent(openStamp)}` : '';
  const carried = dealColumns.map((_, i) => `_deal_${i}`);
  return joinSql([
    `SELECT * EXCLUDE (${[...carried, '_deal_lead_id, _won_deals, _lost_deals, _open_deals, _won_at, _lost_at, _won_amount, _won_currency, _first_deal_at'].join(', ')}) REPLACE (`,
    {
      sql:
        'CASE WHEN _won_deals > 0 THEN ? WHEN stage = ? THEN stage WHEN _open_deals > 0 THEN ? WHEN _lost_deals > 0 THEN ? ELSE stage END AS stage, ' +
        'CASE WHEN _won_deals > 0 THEN coalesce(_won_at, closed_at) WHEN stage IS DISTINCT FROM ? AND _open_deals = 0 AND _lost_deals > 0 THEN coalesce(closed_at, _lost_at) ELSE closed_at END AS closed_at, ' +
        'CASE WHEN _won_deals > 0 THEN coalesce(_won_amount, amount) ELSE amount END AS amount, ' +
        `CASE WHEN _won_amount IS NOT NULL THEN coalesce(_won_currency, currency) ELSE currency END AS currency${stamp}`,
      params: [success, success, open, lost, success],
    },
    `)${dealColumns.map((c, i) => `, _deal_${i} AS ${quoteIdent(c.name)}`).join('')} FROM leads LEFT JOIN (`,
    dealSummarySql(success, lost, dealColumns),
    ') ON _deal_lead_id = lead_id',
  ]);
}

/** The lookups' columns joined on their keys (a key found twice in a lookup would repeat leads: the first row wins). */
function withLookupsSql(from: SqlQuery, lookups: readonly LookupJoin[]): SqlQuery {
  if (lookups.length === 0) return from;
  const parts: SqlQuery[] = [joinSql(['SELECT l.*', ...lookups.flatMap((k, i) => k.columns.map((c) => `, k${i}.${quoteIdent(c.column)} AS ${quoteIdent(c.name)}`)), 'FROM (', from, ') AS l'])];
  lookups.forEach((k, i) => {
    const key = quoteIdent(k.key);
    parts.push({
      sql: `LEFT JOIN (SELECT * FROM ${quoteIdent(k.table)} QUALIFY row_number() OVER (PARTITION BY ${key} ORDER BY _line) = 1) AS k${i} ON k${i}.${key} = l.${quoteIdent(k.leadColumn)}::VARCHAR`,
      params: [],
    });
  });
  return joinSql(parts);
}

/** The statement that (re)creates lead_facts; drop the old one first (dropLeadFactsSql). */
export function createLeadFactsSql({ pipeline, deals, dealColumns = [], lookups }: LeadFactsOptions): SqlQuery {
  if (!deals && lookups.length === 0) return { sql: `CREATE VIEW ${LEAD_FACTS} AS SELECT * FROM leads`, params: [] };
  const base = deals ? withDealsSql(pipeline, dealColumns) : { sql: 'SELECT * FROM leads', params: [] };
  return joinSql([`CREATE TABLE ${LEAD_FACTS} AS`, withLookupsSql(base, lookups)]);
}

/** Plausibility checks on the leads with their deals applied: listed in the import report, never dropping a row. */
export const PLAUSIBILITY_CHECKS = ['closed before created', 'won without amount'] as const;
export type PlausibilityCheck = (typeof PLAUSIBILITY_CHECKS)[number];

/**
 * The leads failing each plausibility check (`check`, `n` = how many), with the first few by file
 * and line as examples (`lead_id`, `source`, `line`; NULL on the count row). `won` is the success stage.
 */
export function plausibilitySql(won: string, examples = 20): SqlQuery {
  const conditions: readonly [PlausibilityCheck, string][] = [
    ['closed before created', 'closed_at < created_at'],
    ['won without amount', 'stage = ? AND amount IS NULL'],
  ];
  const parts = conditions.map(([check, condition], i) => ({
    sql:
      `SELECT ? AS "check", ${i} AS ord, lead_id, _source AS source, _line AS line, count(*) OVER ()::BIGINT AS n FROM ${LEAD_FACTS} ` +
      `WHERE ${condition} QUALIFY row_number() OVER (ORDER BY _source, _line) <= ${Math.floor(examples)}`,
    params: condition.includes('?') ? [check, won] : [check],
  }));
  return joinSql(['SELECT "check", lead_id, source, line, n FROM (', joinSql(parts, ' UNION ALL '), ') ORDER BY ord, source, line']);
}
