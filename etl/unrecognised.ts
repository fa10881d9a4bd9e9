import { TABLE_KINDS, type TableKind } from '../src/domain/schema';
import { missingRequired, suggestMapping } from '../src/ingest/headerMapping';

/**
 * The required columns each table lacks among the headers, tables that lack the same ones together:
 * "lead_id (leads, deals); campaign_id, medium, cost (campaigns); …". What a user has to name.
 */
export function missingByTable(headers: readonly string[]): string {
  const groups = new Map<string, TableKind[]>();
  for (const kind of TABLE_KINDS) {
    const missing = missingRequired(kind, suggestMapping(kind, headers)).join(', ');
    if (missing) groups.set(missing, [...(groups.get(missing) ?? []), kind]);
  }
  return [...groups].map(([missing, kinds]) => `${missing} (${kinds.join(', ')})`).join('; ');
}

/**
 * How the mapping file fixes an export the ETL could not place: a short entry for this file that
 * reads `column` of `kind` from `header` (JSON-quoted, so any name reads literally).
 */
export function mappingHint(fileName: string, kind: TableKind, column: string, header: string): string {
  const example = { [fileName]: { kind, columns: { [column]: header } } };
  return `name its table and columns in a mapping file and run again with --mapping mapping.json, e.g. ${JSON.stringify(example)} (README, "ETL")`;
}
