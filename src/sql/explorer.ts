import type { LeadFilter } from '../domain/leadFilter';
import type { Pipeline } from '../domain/pipeline';
import { CANONICAL } from '../domain/schema';
import { joinSql, quoteIdent, type SqlQuery } from '../domain/sqlQuery';
import { whereSql } from './leadFilter';
import { LEAD_FACTS } from './leadFacts';

/**
 * The Lead explorer's queries: the leads behind a figure, one page at a time, sorted and paged by
 * DuckDB (TanStack Table runs in manual mode), and their count.
 */

/**
 * Columns the explorer may always list and sort by: the canonical leads columns and where each row
 * came from. Beyond them only the extra and lookup columns lead_facts has, passed in by the caller.
 */
export const EXPLORER_COLUMNS: readonly string[] = [...CANONICAL.leads.map((c) => c.name), '_source', '_line'];

/**
 * Breaks every tie, so LIMIT/OFFSET pages never overlap or skip a row: lead_id is unique within an
 * export, and the export file and its line are unique across exports.
 */
const TIE_BREAKERS = ['lead_id', '_source', '_line'] as const;

export interface ExplorerSort {
  readonly column: string;
  readonly desc: boolean;
}

export interface ExplorerFilterOptions {
  readonly filter: LeadFilter;
  readonly pipeline: Pipeline;
  /**
   * The leads to list from, where not lead_facts: a subquery with lead_facts' columns and more (the
   * Data quality page's leads with their reasons). Its further columns are passed as extraColumns.
   */
  readonly from?: SqlQuery;
}

const source = (from: SqlQuery | undefined): SqlQuery | string => (from ? joinSql(['(', from, ') AS leads_listed']) : LEAD_FACTS);

export interface ExplorerPageOptions extends ExplorerFilterOptions {
  readonly columns: readonly string[];
  /** The extra and lookup columns lead_facts has now (by header): the only other names `columns` and `sort` may use. */
  readonly extraColumns?: readonly string[];
  readonly sort: readonly ExplorerSort[];
  readonly limit: number;
  readonly offset: number;
}

/** Column names come from the UI's state (and links, later): only known ones reach SQL, quoted even so. */
function checkedColumn(name: string, extraColumns: readonly string[]): string {
  if (!EXPLORER_COLUMNS.includes(name) && !extraColumns.includes(name)) throw new Error(`Unknown lead column "${name}"`);
  return quoteIdent(name);
}

function checkedCount(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${what} must be a whole number ≥ 0, not ${value}`);
  return value;
}

/**
 * ORDER BY of the user's sort, completed by the tie-breakers it does not already name. Stages sort
 * in the pipeline's order (lead … won, then lost and disqualified), not alphabetically; stages the
 * pipeline does not know come after them, alphabetically.
 */
export function explorerOrderBy(sort: readonly ExplorerSort[], pipeline: Pipeline, extraColumns: readonly string[] = []): SqlQuery {
  const named = new Set<string>();
  const terms: SqlQuery[] = [];
  for (const { column, desc } of sort) {
    if (named.has(column)) continue;
    named.add(column);
    const direction = desc ? 'DESC' : 'ASC';
    if (column === 'stage') terms.push(stageRank(pipeline, direction));
    // Blank cells last in either direction: the user sorts to see values.
    terms.push({ sql: `${checkedColumn(column, extraColumns)} ${direction} NULLS LAST`, params: [] });
  }
  for (const column of TIE_BREAKERS) if (!named.has(column)) terms.push({ sql: `${quoteIdent(column)} ASC NULLS LAST`, params: [] });
  return joinSql(['ORDER BY', joinSql(terms, ', ')]);
}

/** A stage's place in the pipeline (NULL for stages it does not know, which then sort last). */
function stageRank(pipeline: Pipeline, direction: 'ASC' | 'DESC'): SqlQuery {
  const order = [...pipeline.stages, ...pipeline.terminal];
  return { sql: `CASE ${quoteIdent('stage')} ${order.map((_, i) => `WHEN ? THEN ${i}`).join(' ')} END ${direction} NULLS LAST`, params: order };
}

/** One page of leads in the chosen columns (and order). */
export function explorerPageSql({ filter, pipeline, columns, extraColumns = [], sort, limit, offset, from }: ExplorerPageOptions): SqlQuery {
  if (columns.length === 0) throw new Error('Choose at least one column');
  const select = columns.map((c) => checkedColumn(c, extraColumns)).join(', ');
  return joinSql([
    `SELECT ${select} FROM`,
    source(from),
    whereSql(filter, pipeline),
    explorerOrderBy(sort, pipeline, extraColumns),
    // Whole numbers checked above, so writing them into the text is safe.
    `LIMIT ${checkedCount(limit, 'limit')} OFFSET ${checkedCount(offset, 'offset')}`,
  ]);
}

/** How many leads the filter lists (column `n`). */
export function explorerCountSql({ filter, pipeline, from }: ExplorerFilterOptions): SqlQuery {
  return joinSql(['SELECT count(*)::BIGINT AS n FROM', source(from), whereSql(filter, pipeline)]);
}

/**
 * An export's own copy of the listed leads, numbered in the explorer's order (`_row` from 1): one
 * sort for the whole export instead of one per chunk (measured on 1M leads in duckdb-wasm: a 50k
 * chunk by LIMIT/OFFSET took 1.1–1.3 s, every time; from the copy about 0.1 s), and an import that
 * lands during the export cannot mix old and new rows into one file. Rows are stored in `_row`
 * order, so a chunk's range reads only the blocks it needs.
 */
export function explorerSnapshotSql(table: string, { filter, pipeline, columns, extraColumns = [], sort, from }: Omit<ExplorerPageOptions, 'limit' | 'offset'>): SqlQuery {
  if (columns.length === 0) throw new Error('Choose at least one column');
  return joinSql([
    `CREATE OR REPLACE TEMP TABLE ${quoteIdent(table)} AS SELECT ${columns.map((c) => checkedColumn(c, extraColumns)).join(', ')}, row_number() OVER (`,
    explorerOrderBy(sort, pipeline, extraColumns),
    ') AS _row FROM',
    source(from),
    whereSql(filter, pipeline),
    'ORDER BY _row',
  ]);
}

/** Rows `from` + 1 … `from` + `count` of an export's copy, in order (`extraColumns` as for the copy). */
export function explorerSnapshotChunkSql(table: string, columns: readonly string[], from: number, count: number, extraColumns: readonly string[] = []): SqlQuery {
  return {
    sql: `SELECT ${columns.map((c) => checkedColumn(c, extraColumns)).join(', ')} FROM ${quoteIdent(table)} WHERE _row > ? AND _row <= ? ORDER BY _row`,
    params: [checkedCount(from, 'from'), checkedCount(from, 'from') + checkedCount(count, 'count')],
  };
}

export function dropSnapshotSql(table: string): SqlQuery {
  return { sql: `DROP TABLE IF EXISTS ${quoteIdent(table)}`, params: [] };
}
