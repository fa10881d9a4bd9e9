import { canonicalValue, type Vocabulary } from '../../domain/vocabulary';
import type { ColumnConstants, ColumnMapping } from '../../ingest/headerMapping';
import type { ValueMapping } from '../../services/importTypes';

export interface PreviewPlan {
  readonly headers: readonly string[];
  /** The file's first rows, cells in header order. */
  readonly rows: readonly (readonly string[])[];
  /** The canonical columns shown, in order: those read from a header or given a constant. */
  readonly columns: readonly string[];
  readonly mapping: ColumnMapping;
  /** Filled constants only: a constant wins over a header, as in the load. */
  readonly constants: ColumnConstants;
  readonly placeholders: readonly string[];
  /** Columns whose values are read onto a vocabulary (stage, medium, channel, outcome). */
  readonly vocabularies: Readonly<Record<string, Vocabulary>>;
  /** The user's value mappings (remembered for this layout): they win over the built-in synonyms. */
  readonly values?: ValueMapping;
}

/**
 * The first rows as the import will load them, by the load's rules: a constant for every row, a
 * placeholder ("Select", "n/a") as empty, the cell trimmed, a vocabulary value through the user's
 * mapping, else the built-in synonyms ("Closed Lost" → lost), and the user's merged spellings of
 * other text columns. Null is an empty cell. Number and date formats are not applied here: the
 * review states them beside the formats.
 */
export function previewRows(plan: PreviewPlan): (string | null)[][] {
  const placeholders = new Set(plan.placeholders.map((p) => p.trim().toLowerCase()));
  const slots = plan.columns.map((column) => plan.headers.indexOf(plan.mapping[column] ?? '\u0000'));
  return plan.rows.map((row) =>
    plan.columns.map((column, i) => {
      const constant = plan.constants[column];
      const cell = constant !== undefined ? constant : (row[slots[i]!] ?? '');
      const text = cell.trim();
      if (text === '' || placeholders.has(text.toLowerCase())) return null;
      const chosen = plan.values?.[column]?.[text];
      if (chosen !== undefined) return chosen;
      const vocabulary = plan.vocabularies[column];
      return vocabulary ? canonicalValue(vocabulary, text) : text;
    }),
  );
}
