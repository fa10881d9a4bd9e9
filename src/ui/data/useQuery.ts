import type { Table } from 'apache-arrow';
import { useEffect, useState } from 'react';
import { toRows, type Row } from '../../db/arrowRows';
import type { SqlQuery } from '../../domain/sqlQuery';
import { useData } from './DataContext';

export type QueryState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: string }
  | { readonly status: 'ready'; readonly rows: readonly Row[]; readonly table: Table };

/**
 * Runs a query through the coordinator and re-runs it when the query or the data changes.
 * Responses that arrive after a newer query was asked for are dropped, so a slow answer to an
 * old filter never overwrites the current one.
 */
export function useQuery(query: SqlQuery | null): QueryState {
  const { coordinator, dataVersion } = useData();
  const key = query ? JSON.stringify([dataVersion, query.sql, query.params]) : null;
  const [state, setState] = useState<{ key: string | null; value: QueryState }>({ key: null, value: { status: 'loading' } });

  useEffect(() => {
    if (!coordinator || !query || key === null) return;
    let current = true;
    coordinator.query(query).then(
      (table) => current && setState({ key, value: { status: 'ready', table, rows: toRows(table) } }),
      (error: unknown) => current && setState({ key, value: { status: 'error', error: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      current = false;
    };
    // The key stands for the query's content; the object identity may change every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [coordinator, key, dataVersion]);

  return state.key === key ? state.value : { status: 'loading' };
}
