import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { CANONICAL, TABLE_KINDS } from '../../domain/schema';
import { useFilterLabels } from '../filters/useFilterLabels';

/** Canonical columns of every table; only these names reach t() (a file's header could read as a key path). */
const CANONICAL_NAMES: ReadonlySet<string> = new Set(TABLE_KINDS.flatMap((kind) => CANONICAL[kind].map((c) => c.name)));
/** Columns of the other tables that the explorer's lead columns do not name. */
const OTHER_TABLE_COLUMNS: ReadonlySet<string> = new Set(['deal_id', 'outcome', 'product', 'name', 'month', 'start_date', 'end_date', 'cost', 'planned_leads', 'period', 'revenue_target', 'touched_at']);

type Translate = (key: string, options?: { defaultValue: string }) => string;

/** A canonical column's name for users ("Created", "Erstellt am"); any other column as its file wrote it. */
export function canonicalColumnLabel(column: string, t: Translate): string {
  if (!CANONICAL_NAMES.has(column)) return column;
  return OTHER_TABLE_COLUMNS.has(column) ? t(`importColumns.${column}`) : t(`columns.${column}`, { defaultValue: column });
}

/**
 * How the import names canonical columns and their vocabulary values to users: "Created", not
 * `created_at`; "Lost", not `lost`. A file's own headers and values stay exactly as written.
 */
export function useImportLabels() {
  const { t } = useTranslation();
  const { valueLabel: leadValueLabel, stageLabel } = useFilterLabels();

  const columnLabel = useCallback((column: string) => canonicalColumnLabel(column, (key, options) => t(key as 'columns.lead_id', options ?? {})), [t]);

  /** A value after mapping: a vocabulary value (stage, outcome, medium, channel) by its name; any other as it is. */
  const valueLabel = useCallback(
    (column: string, value: string) => (column === 'outcome' ? stageLabel(value) : ['medium', 'stage', 'channel'].includes(column) ? leadValueLabel(column, value) : value),
    [stageLabel, leadValueLabel],
  );

  return { columnLabel, valueLabel };
}
