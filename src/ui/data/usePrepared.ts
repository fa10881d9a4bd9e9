import { useMemo } from 'react';
import type { PreparedRow, PreparedSection } from '../../domain/preparedFigures';
import type { SqlQuery } from '../../domain/sqlQuery';
import type { ViewState } from '../../state/viewState';
import { useViewState } from '../state/ViewStateContext';
import { useData } from './DataContext';
import { preparedInUse } from './dataState';
import { useQuery, type QueryState } from './useQuery';

/**
 * Whether the view is the default one the figures were prepared for: no period, no value filter, no
 * selection (the split changes no prepared figure). Checked on the view itself, not on the filters
 * in use: while a link's extra columns are checked those are left out of the filters, and the
 * figures without them would be the wrong ones.
 */
export function isUnfilteredView(view: ViewState): boolean {
  return view.period === null && Object.keys(view.values).length === 0 && view.selections.length === 0;
}

/** The rows prepared for a section of the default view, where they may be shown now; else null. */
export function usePreparedRows(section: PreparedSection): readonly PreparedRow[] | null {
  const data = useData();
  const { view } = useViewState();
  const prepared = preparedInUse(data);
  return prepared && isUnfilteredView(view) ? prepared.figures.rows[section] : null;
}

/** When and from what the prepared figures shown were computed (for the "as of" note); null when none are in use. */
export function usePreparedSource(): { origin: string; asOf: string } | null {
  const prepared = preparedInUse(useData());
  return prepared ? { origin: prepared.origin, asOf: prepared.asOf } : null;
}

/**
 * A query's live rows, and until they arrive the rows prepared for its section (the default view
 * only): `prepared` says which the page shows. A live answer always wins, and so does a live error.
 */
export function useQueryOrPrepared(query: SqlQuery, section: PreparedSection): { state: QueryState; prepared: boolean } {
  const live = useQuery(query);
  const rows = usePreparedRows(section);
  // One state object per rows: views memoise on it (a chart is rebuilt when it changes).
  const preparedState = useMemo<QueryState | null>(() => (rows ? { status: 'ready', rows } : null), [rows]);
  if (live.status !== 'loading' || !preparedState) return { state: live, prepared: false };
  return { state: preparedState, prepared: true };
}
