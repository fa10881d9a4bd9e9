import type { TableKind } from '../domain/schema';
import { VOCABULARY_COLUMNS } from '../domain/schema';
import type { ColumnMapping } from './headerMapping';

/** A stage, medium, channel or outcome column has a handful of values; far more means another column was picked. */
export const MAX_VOCABULARY_VALUES = 40;

export interface MappingWarning {
  readonly column: string;
  readonly header: string;
  /** Distinct values in the rows looked at, and how many rows that was. */
  readonly values: number;
  readonly rows: number;
}

/**
 * Vocabulary columns mapped to a file column with far more distinct values than such a column has
 * (an id or a free-text column picked as "stage" gave hundreds of junk stages): worth a warning
 * before the import. `valuesOf` gives a header's cells in the rows looked at.
 */
export function vocabularyWarnings(kind: TableKind, mapping: ColumnMapping, valuesOf: (header: string) => readonly string[]): MappingWarning[] {
  const warnings: MappingWarning[] = [];
  for (const column of Object.keys(VOCABULARY_COLUMNS[kind])) {
    const header = mapping[column];
    if (header === undefined) continue;
    const cells = valuesOf(header).map((v) => v.trim()).filter((v) => v !== '');
    const distinct = new Set(cells).size;
    if (distinct > MAX_VOCABULARY_VALUES) warnings.push({ column, header, values: distinct, rows: cells.length });
  }
  return warnings;
}

/** How many cells of the rows looked at are placeholders (compared trimmed, case-insensitively). */
export function placeholderCount(rows: readonly (readonly string[])[], placeholders: readonly string[]): number {
  const wanted = new Set(placeholders.map((p) => p.trim().toLowerCase()).filter((p) => p !== ''));
  let count = 0;
  for (const row of rows) for (const cell of row) if (wanted.has(cell.trim().toLowerCase())) count++;
  return count;
}
