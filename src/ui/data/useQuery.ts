import type { Table } from 'apache-arrow';
import { useEffect, useState } from 'react';
import { toRows, type Row } from '../../db/arrowRows';
import type { SqlQuery } from '../../domain/sqlQuery';
import { useData } from './DataContext';
import { errorText } from '../../domain/errorText';

export type QueryState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: string }
  /** `table` is absent for rows computed in memory (the Funnel page's cube). */
  | { readonly status: 'ready'; readonly rows: readonly Row[]; readonly table?: Table };

/**
 * Runs a query through the coordinator and re-runs it when the query or the data changes.
 * Responses that arrive after a newer query was asked for are dropped, so a slow answer to an
 * old filter never overwrites the current one.
 */
export function useQuery(query: SqlQuery | null): QueryState {
  return useKeptQuery(query).state;
}

/**
 * useQuery, plus what to show meanwhile: while a new query of the same data loads, `shown` keeps
 * the previous result, so a view keeps its chart and table (rebuilding a chart cost ~100 ms per
 * filter change) instead of flashing a loading line; `state` is the query's own state.
 */
export function useKeptQuery(query: SqlQuery | null): { state: QueryState; shown: QueryState } {
  const { coordinator, dataVersion, status } = useData();
  // The engine is handed over before the tables are loaded: a query then would only fail ("Table
  // with name lead_facts does not exist") and hold up the loading.
  const loaded = status.phase === 'ready';
  const key = query ? JSON.stringify([dataVersion, query.sql, query.params]) : null;
  const [state, setState] = useState<{ key: string | null; version: number; value: QueryState }>({ key: null, version: -1, value: { status: 'loading' } });

  useEffect(() => {
    if (!coordinator || !loaded || !query || key === null) return;
    let current = true;
    coordinator.query(query).then(
      (table) => current && setState({ key, version: dataVersion, value: { status: 'ready', table, rows: toRows(table) } }),
      (error: unknown) => current && setState({ key, version: dataVersion, value: { status: 'error', error: errorText(error) } }),
    );
    return () => {
      current = false;
    };
    // The key stands for the query's content; the object identity may change every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [coordinator, loaded, key, dataVersion]);

  const own: QueryState = state.key === key ? state.value : { status: 'loading' };
  // Figures of other data are never shown: only a result of the same data version stands in.
  const shown = own.status === 'loading' && state.version === dataVersion && state.value.status === 'ready' ? state.value : own;
  return { state: own, shown };
}
