import { createContext, useCallback, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPLORER_COLUMNS } from './explorerColumns';

/**
 * A lead column's header in the explorer: a canonical column's translated name; an extra or lookup
 * column's header exactly as its file wrote it. Only known names reach t(): a header such as
 * "status.ready" would otherwise read as a translation key.
 */
export function useColumnLabel(): (name: string) => string {
  const { t } = useTranslation();
  const labels = useContext(ColumnLabels);
  return useCallback((name: string) => labels[name] ?? (EXPLORER_COLUMNS.includes(name) ? t(`columns.${name}`, { defaultValue: name }) : name), [t, labels]);
}

/** Headers of columns a caller adds to the listed leads (LeadExplorer's `leads`), by name. */
export const ColumnLabels = createContext<Readonly<Record<string, string>>>({});
