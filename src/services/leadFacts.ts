import { toRows } from '../db/arrowRows';
import type { Db } from '../db/types';
import { DEFAULT_PIPELINE, type Pipeline } from '../domain/pipeline';
import { CANONICAL } from '../domain/schema';
import { createLeadFactsSql, dropLeadFactsSql, leadFactsKindSql, type DealColumn, type LookupJoin } from '../sql/leadFacts';
import { tableColumnsSql, tableExistsSql } from '../sql/importMerge';
import { lookupJoins } from './lookups';

const columnsOf = async (db: Db, table: string) => toRows(await db.query(tableColumnsSql(table))).map((r) => String(r.name));

/**
 * The deal columns worth seeing on their lead: `product` and a deal export's extra columns. A name
 * the leads already have is carried as "<name> (deals)".
 */
async function dealColumns(db: Db): Promise<DealColumn[]> {
  const canonical = new Set(CANONICAL.deals.map((c) => c.name).filter((name) => name !== 'product'));
  const taken = (await columnsOf(db, 'leads')).map((c) => c.toLowerCase());
  return (await columnsOf(db, 'deals'))
    .filter((column) => !canonical.has(column) && column !== '_source' && column !== '_line')
    .map((column) => ({ column, name: taken.includes(column.toLowerCase()) ? `${column} (deals)` : column }));
}

const exists = async (db: Db, table: string) => Number(toRows(await db.query(tableExistsSql(table)))[0]?.n ?? 0) > 0;

/**
 * Rebuilds lead_facts (src/sql/leadFacts.ts) from the tables loaded now: after every import, a
 * bundle's or the stored data's load, and a table dropped. Without leads there is none.
 */
export async function refreshLeadFacts(db: Db, pipeline: Pipeline = DEFAULT_PIPELINE): Promise<void> {
  for (const row of toRows(await db.query(leadFactsKindSql()))) await db.query(dropLeadFactsSql(row.kind === 'VIEW' ? 'VIEW' : 'TABLE'));
  if (!(await exists(db, 'leads'))) return;
  const deals = await exists(db, 'deals');
  const lookups: LookupJoin[] = await lookupJoins(db);
  await db.query(createLeadFactsSql({ pipeline, deals, dealColumns: deals ? await dealColumns(db) : [], lookups }));
}
