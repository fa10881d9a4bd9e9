import { toRows } from '../db/arrowRows';
import type { Db } from '../db/types';
import { DEFAULT_PIPELINE, type Pipeline } from '../domain/pipeline';
import { CANONICAL, TABLE_KINDS } from '../domain/schema';
import { quoteIdent } from '../domain/sqlQuery';
import { addColumnsSql } from '../sql/importMerge';
import { createLeadFactsSql, dropLeadFactsSql, LEAD_FACTS, plausibilitySql, type DealColumn, type LookupJoin, type PlausibilityCheck } from '../sql/leadFacts';
import { readCatalog, tableExists, type Catalog } from './tableInfo';
import { lookupJoins } from './lookups';

const columnsOf = (catalog: Catalog, table: string) => catalog.columns(table).map((c) => c.name);

/**
 * The deal columns worth seeing on their lead: `product` and a deal export's extra columns. A name
 * the leads already have is carried as "<name> (deals)".
 */
function dealColumns(catalog: Catalog): DealColumn[] {
  const canonical = new Set(CANONICAL.deals.map((c) => c.name).filter((name) => name !== 'product'));
  const taken = columnsOf(catalog, 'leads').map((c) => c.toLowerCase());
  return columnsOf(catalog, 'deals')
    .filter((column) => !canonical.has(column) && column !== '_source' && column !== '_line')
    .map((column) => ({ column, name: taken.includes(column.toLowerCase()) ? `${column} (deals)` : column }));
}


/** A plausibility check that leads fail: how many, and the first few by file and line. */
export interface PlausibilityWarning {
  readonly check: PlausibilityCheck;
  readonly count: number;
  readonly examples: readonly { readonly leadId: string; readonly source: string; readonly line: number }[];
}

/** The plausibility checks the loaded leads fail (none without leads). */
export async function plausibilityWarnings(db: Db, pipeline: Pipeline = DEFAULT_PIPELINE): Promise<PlausibilityWarning[]> {
  if (!(await tableExists(db, 'leads'))) return [];
  const warnings = new Map<PlausibilityCheck, PlausibilityWarning>();
  for (const row of toRows(await db.query(plausibilitySql(pipeline.stages[pipeline.stages.length - 1]!)))) {
    const check = row.check as PlausibilityCheck;
    const warning = warnings.get(check) ?? { check, count: Number(row.n), examples: [] };
    warnings.set(check, { ...warning, examples: [...warning.examples, { leadId: String(row.lead_id), source: String(row.source), line: Number(row.line) }] });
  }
  return [...warnings.values()];
}

/**
 * Adds, empty, the canonical columns a loaded table lacks: a bundle or stored data from before a
 * column joined the data model (campaigns' `month`) is read by queries that name it. An export's
 * own column of that name (kept as an extra, text) is renamed "<name> (export)" first, as an import
 * names such a column now. No query when nothing is missing; true when the tables changed.
 */
async function addLaterCanonicalColumns(db: Db, catalog: Catalog): Promise<boolean> {
  let changed = false;
  for (const kind of TABLE_KINDS.filter((k) => catalog.hasTable(k))) {
    const columns = [...catalog.columns(kind)];
    const taken = (name: string) => columns.some((c) => c.name.toLowerCase() === name.toLowerCase());
    // Present: the same name, unless it is an export's text where the model has a typed column
    // (an old extra column "month"). Another type of a typed column (a TIMESTAMP date) is kept as it is.
    const missing = CANONICAL[kind].filter((c) => {
      const same = columns.find((x) => x.name === c.name);
      return !same || (same.type === 'VARCHAR' && c.type !== 'VARCHAR');
    });
    for (const column of missing) {
      const clash = columns.find((c) => c.name.toLowerCase() === column.name.toLowerCase());
      if (clash) {
        let renamed = `${clash.name} (export)`;
        while (taken(renamed)) renamed = `${renamed} (export)`;
        await db.query({ sql: `ALTER TABLE ${quoteIdent(kind)} RENAME COLUMN ${quoteIdent(clash.name)} TO ${quoteIdent(renamed)}`, params: [] });
        columns.push({ name: renamed, type: clash.type });
      }
    }
    for (const query of addColumnsSql(kind, missing)) await db.query(query);
    changed ||= missing.length > 0;
  }
  return changed;
}

/**
 * Rebuilds lead_facts (src/sql/leadFacts.ts) from the tables loaded now: after every import, a
 * bundle's or the stored data's load, and a table dropped. Without leads there is none.
 */
export async function refreshLeadFacts(db: Db, pipeline: Pipeline = DEFAULT_PIPELINE): Promise<void> {
  // One catalog query answers every question below: at start-up each round trip to the engine's worker waits for a busy page.
  let catalog = await readCatalog(db);
  if (await addLaterCanonicalColumns(db, catalog)) catalog = await readCatalog(db);
  const existing = catalog.kindOf(LEAD_FACTS);
  if (existing) await db.query(dropLeadFactsSql(existing));
  if (!catalog.hasTable('leads')) return;
  const deals = catalog.hasTable('deals');
  const lookups: LookupJoin[] = await lookupJoins(db, catalog);
  await db.query(createLeadFactsSql({ pipeline, deals, dealColumns: deals ? dealColumns(catalog) : [], lookups }));
}
