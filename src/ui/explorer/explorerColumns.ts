import { CANONICAL, type CanonicalType } from '../../domain/schema';
import { EXPLORER_COLUMNS } from '../../sql/explorer';

/** What the explorer needs to know of a column to show, sort and export it. */
export type ColumnKind = 'text' | 'date' | 'number' | 'money' | 'integer';

const KIND_OF_TYPE: Readonly<Record<CanonicalType, ColumnKind>> = { VARCHAR: 'text', DATE: 'date', DOUBLE: 'number', INTEGER: 'integer' };
const LEAD_COLUMNS = new Map(CANONICAL.leads.map((c) => [c.name, c]));

/** The columns shown first: who the lead is, where it came from, who has it and how far it got. */
export const DEFAULT_EXPLORER_COLUMNS: readonly string[] = ['lead_id', 'created_at', 'medium', 'campaign_id', 'company', 'owner', 'sales_unit', 'channel', 'stage', 'amount'];

export { EXPLORER_COLUMNS };

export function columnKind(name: string): ColumnKind {
  if (name === '_line') return 'integer';
  // A deal value: always two decimals, so a column of amounts lines up.
  if (name === 'amount') return 'money';
  const column = LEAD_COLUMNS.get(name);
  return column ? KIND_OF_TYPE[column.type] : 'text';
}

/**
 * The header an exported file gets: the English CRM header our import recognises (CANONICAL's
 * first `en`), so an exported list re-imports as leads. `_source`/`_line` keep their names; the
 * import ignores them. An extra or lookup column keeps its own header, so it comes back as one.
 */
export function exportHeader(name: string): string {
  return LEAD_COLUMNS.get(name)?.en[0] ?? name;
}

/**
 * The chosen columns in the data model's order, then the data's extra and lookup columns in table
 * order, whatever order they were ticked in; names that are neither are left out.
 */
export function inModelOrder(chosen: Iterable<string>, extraColumns: readonly string[] = []): string[] {
  const set = new Set(chosen);
  return [...EXPLORER_COLUMNS, ...extraColumns].filter((c) => set.has(c));
}

/** Ticks or unticks a column; the last one stays, since a list of no columns shows nothing. */
export function toggleColumn(chosen: readonly string[], name: string, extraColumns: readonly string[] = []): string[] {
  if (!chosen.includes(name)) return inModelOrder([...chosen, name], extraColumns);
  return chosen.length > 1 ? chosen.filter((c) => c !== name) : [...chosen];
}
