import { toRows } from '../db/arrowRows';
import type { Db } from '../db/types';
import { DEFAULT_PIPELINE, type Pipeline } from '../domain/pipeline';
import { createLeadFactsSql, dropLeadFactsSql, leadFactsKindSql, type LookupJoin } from '../sql/leadFacts';
import { tableExistsSql } from '../sql/importMerge';
import { lookupJoins } from './lookups';

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
  await db.query(createLeadFactsSql({ pipeline, deals, lookups }));
}
