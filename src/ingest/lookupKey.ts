import { vocabularyKey } from '../domain/vocabulary';
import type { ColumnMapping } from './headerMapping';
import { suggestMapping } from './headerMapping';

/**
 * Which header of a lookup file matches which lead column: a header named like a lead column
 * (an extra column such as "product"), a header the leads' own import read a column from
 * ("sales_agent" → owner), or a header that is a known synonym of a lead column ("Account" →
 * company). The first of the file's headers that fits wins; null when none does.
 */
export function suggestLookupKey(
  headers: readonly string[],
  leadColumns: readonly string[],
  leadMappings: readonly ColumnMapping[] = [],
): { leadColumn: string; column: string } | null {
  const has = (column: string) => leadColumns.find((c) => c.toLowerCase() === column.toLowerCase());
  const synonyms = suggestMapping('leads', headers);
  for (const header of headers) {
    const key = vocabularyKey(header);
    const named = leadColumns.find((c) => vocabularyKey(c) === key);
    if (named) return { leadColumn: named, column: header };
    for (const mapping of leadMappings) {
      const mapped = Object.entries(mapping).find(([column, from]) => vocabularyKey(from) === key && has(column));
      if (mapped) return { leadColumn: has(mapped[0])!, column: header };
    }
    const synonym = Object.entries(synonyms).find(([column, from]) => from === header && has(column));
    if (synonym) return { leadColumn: has(synonym[0])!, column: header };
  }
  return null;
}
