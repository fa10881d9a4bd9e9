import type { TableKind } from '../domain/schema';
import { CANONICAL, VOCABULARY_COLUMNS } from '../domain/schema';
import type { ColumnMapping } from './headerMapping';
import { decimalSeparatorOf, looksLikeDate } from './valueFormats';

/** A stage, medium, channel or outcome column has a handful of values; far more means another column was picked. */
export const MAX_VOCABULARY_VALUES = 40;

export interface MappingWarning {
  readonly column: string;
  readonly header: string;
  /** Distinct values in the rows looked at, and how many rows that was. */
  readonly values: number;
  readonly rows: number;
}

/** The canonical columns among `columns` that the mapping gives a file header, with that header. */
function mappedHeaders(columns: readonly string[], mapping: ColumnMapping): { column: string; header: string }[] {
  return columns.flatMap((column) => (mapping[column] === undefined ? [] : [{ column, header: mapping[column] }]));
}

/** The names of a table's canonical columns of the given types. */
const columnsOfType = (kind: TableKind, types: readonly string[]) => CANONICAL[kind].filter((c) => types.includes(c.type)).map((c) => c.name);

/**
 * Vocabulary columns mapped to a file column with far more distinct values than such a column has
 * (an id or a free-text column picked as "stage" gave hundreds of junk stages): worth a warning
 * before the import. `valuesOf` gives a header's cells in the rows looked at.
 */
export function vocabularyWarnings(kind: TableKind, mapping: ColumnMapping, valuesOf: (header: string) => readonly string[]): MappingWarning[] {
  return mappedHeaders(Object.keys(VOCABULARY_COLUMNS[kind]), mapping).flatMap(({ column, header }) => {
    const cells = valuesOf(header).map((v) => v.trim()).filter((v) => v !== '');
    const distinct = new Set(cells).size;
    return distinct > MAX_VOCABULARY_VALUES ? [{ column, header, values: distinct, rows: cells.length }] : [];
  });
}

/**
 * Date columns mapped to a file column whose filled cells are mostly no dates ("Last Activity" =
 * "Email Opened"): the import would empty them; worth a warning before it. `values` counts the
 * filled cells that are no date.
 */
export function dateWarnings(kind: TableKind, mapping: ColumnMapping, valuesOf: (header: string) => readonly string[]): MappingWarning[] {
  return mappedHeaders(columnsOfType(kind, ['DATE']), mapping).flatMap(({ column, header }) => {
    const months = CANONICAL[kind].find((c) => c.name === column)?.month === true;
    const cells = valuesOf(header).filter((v) => v.trim() !== '');
    const notDates = cells.filter((v) => !looksLikeDate(v, months)).length;
    return cells.length > 0 && notDates > cells.length / 2 ? [{ column, header, values: notDates, rows: cells.length }] : [];
  });
}

/** A number column whose cells in the rows looked at are written in both styles. */
export interface NumberStyleWarning {
  readonly column: string;
  readonly header: string;
  /** Cells that can only be decimal comma ("1.234,56", "12,5") and only decimal point ("1,234.56", "12.5"). */
  readonly comma: number;
  readonly point: number;
}

/**
 * Number columns that mix decimal comma and decimal point in the rows looked at: the import reads
 * every cell by one separator (the review's choice) and flags the cells of the other style, so the
 * user should see it and choose before the import.
 */
export function numberStyleWarnings(kind: TableKind, mapping: ColumnMapping, valuesOf: (header: string) => readonly string[]): NumberStyleWarning[] {
  return mappedHeaders(columnsOfType(kind, ['DOUBLE', 'INTEGER']), mapping).flatMap(({ column, header }) => {
    const styles = valuesOf(header).map(decimalSeparatorOf);
    const comma = styles.filter((s) => s === ',').length;
    const point = styles.filter((s) => s === '.').length;
    return comma > 0 && point > 0 ? [{ column, header, comma, point }] : [];
  });
}

/** How many cells of the rows looked at are placeholders (compared trimmed, case-insensitively). */
export function placeholderCount(rows: readonly (readonly string[])[], placeholders: readonly string[]): number {
  const wanted = new Set(placeholders.map((p) => p.trim().toLowerCase()).filter((p) => p !== ''));
  let count = 0;
  for (const row of rows) for (const cell of row) if (wanted.has(cell.trim().toLowerCase())) count++;
  return count;
}
