import type { SortingState, Updater } from '@tanstack/react-table';
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadFilter } from '../../domain/leadFilter';
import type { ExplorerSort } from '../../sql/explorer';
import { formatInteger } from '../i18n/format';
import { ColumnChooser } from './ColumnChooser';
import { useLeadDimensions } from '../data/useLeadDimensions';
import { DEFAULT_EXPLORER_COLUMNS, EXPLORER_COLUMNS, inModelOrder, toggleColumn } from './explorerColumns';
import { ExplorerTable } from './ExplorerTable';
import { ExportBar } from './ExportBar';
import { Pager } from './Pager';
import { useLeadExport } from './useLeadExport';
import { useLeadPage } from './useLeadPage';
import { useModalDialog } from './useModalDialog';
import { ColumnLabels } from './useColumnLabel';
import type { SqlQuery } from '../../domain/sqlQuery';

export const EXPLORER_PAGE_SIZE = 50;

/** Leads listed from a subquery of lead_facts' columns and more (ExplorerFilterOptions.from). */
export interface ListedLeads {
  readonly from: SqlQuery;
  /** The columns it adds, shown first, with their headers. */
  readonly columns: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
}

export interface LeadExplorerProps {
  /** Which leads to list: those behind the figure the user clicked. */
  readonly filter: LeadFilter;
  /** Where not from lead_facts: the Data quality page lists its leads with their reasons. */
  readonly leads?: ListedLeads;
  /** Says what they are, e.g. "Leads that reached SQL · medium = Web". */
  readonly title: string;
  readonly onClose: () => void;
}

const NO_COLUMNS: readonly string[] = [];
const NO_LABELS: Readonly<Record<string, string>> = {};

const sortOf = (sorting: SortingState): ExplorerSort[] => sorting.map((s) => ({ column: s.id, desc: s.desc }));

/**
 * The leads behind any figure, in a modal dialog: sorted and paged by DuckDB, columns to choose,
 * and an export of all of them (CSV that re-imports, or Excel). Render it inside DataProvider.
 */
export function LeadExplorer({ filter, title, onClose, leads }: LeadExplorerProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  useModalDialog(dialog, onClose);

  // The data's extra and lookup columns can be listed too; only names lead_facts has reach SQL.
  const dataColumns = useLeadDimensions()?.extraColumns ?? NO_COLUMNS;
  const listedColumns = leads?.columns ?? NO_COLUMNS;
  const extraColumns = useMemo(() => [...dataColumns, ...listedColumns], [dataColumns, listedColumns]);
  const offered = useMemo(() => [...EXPLORER_COLUMNS, ...extraColumns], [extraColumns]);
  const [chosen, setChosen] = useState<readonly string[]>(() => [...DEFAULT_EXPLORER_COLUMNS, ...listedColumns]);
  // A column that new data no longer has drops out (rather than fail every query); never all of them.
  const columns = useMemo(() => {
    const known = inModelOrder(chosen, extraColumns);
    return known.length ? known : DEFAULT_EXPLORER_COLUMNS;
  }, [chosen, extraColumns]);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [pageIndex, setPageIndex] = useState(0);
  // Another filter (the caller's selection changed while open) lists other leads: back to page 1.
  const filterKey = JSON.stringify(filter);
  const [shownFilter, setShownFilter] = useState(filterKey);
  if (shownFilter !== filterKey) {
    setShownFilter(filterKey);
    setPageIndex(0);
  }
  const sort = useMemo(() => sortOf(sorting), [sorting]);

  const from = leads?.from;
  const page = useLeadPage({ filter, columns, extraColumns, sort, pageIndex, pageSize: EXPLORER_PAGE_SIZE, ...(from ? { from } : {}) });
  const pageCount = page.count === null ? 0 : Math.ceil(page.count / EXPLORER_PAGE_SIZE);
  const labels = leads?.labels;
  const request = useMemo(() => ({ filter, columns, extraColumns, sort, ...(from ? { from } : {}), ...(labels ? { labels } : {}) }), [filter, columns, extraColumns, sort, from, labels]);
  const { exportState, start, cancel } = useLeadExport(request);

  // A new order starts at its first page.
  const onSortingChange = useCallback((updater: Updater<SortingState>) => {
    setSorting((old) => (typeof updater === 'function' ? updater(old) : updater));
    setPageIndex(0);
  }, []);
  const onToggleColumn = useCallback((name: string) => {
    setChosen(() => toggleColumn(columns, name, extraColumns));
    // A hidden column cannot show its sort arrow: stop sorting by it rather than sort invisibly.
    setSorting((old) => old.filter((s) => s.id !== name));
  }, [columns, extraColumns]);

  const empty = page.count === 0;
  return (
    <ColumnLabels.Provider value={labels ?? NO_LABELS}>
    <dialog ref={dialog} role="dialog" aria-modal="true" aria-labelledby={titleId} className="explorer" data-testid="lead-explorer">
      <header className="explorer-header">
        <div>
          <h2 id={titleId}>{title}</h2>
          <p className="muted" data-testid="explorer-count" data-count={page.count ?? ''}>
            {page.count === null ? t('explorer.loading') : t('explorer.count', { count: page.count, n: formatInteger(lang, page.count) })}
          </p>
        </div>
        <button type="button" className="explorer-close" onClick={onClose} data-testid="explorer-close" aria-label={t('explorer.close')}>
          ×
        </button>
      </header>
      <div className="explorer-tools">
        <ColumnChooser chosen={columns} offered={offered} onToggle={onToggleColumn} />
        <ExportBar count={page.count} columns={columns.length} exportState={exportState} onExport={start} onCancel={cancel} />
      </div>
      {page.error && (
        <p className="error" role="alert">
          {t('error.query', { message: page.error })}
        </p>
      )}
      {empty ? (
        <p className="empty" data-testid="explorer-empty">
          {t('explorer.empty')}
        </p>
      ) : page.rows === null ? (
        <p className="muted" role="status">
          {t('explorer.loading')}
        </p>
      ) : (
        <>
          <div className="explorer-scroll">
            <ExplorerTable rows={page.rows} columns={columns} sorting={sorting} onSortingChange={onSortingChange} pageIndex={pageIndex} pageCount={pageCount} busy={page.stale} />
          </div>
          <Pager pageIndex={pageIndex} pageCount={pageCount} onPage={setPageIndex} />
        </>
      )}
    </dialog>
    </ColumnLabels.Provider>
  );
}
