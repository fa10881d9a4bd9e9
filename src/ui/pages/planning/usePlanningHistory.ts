import { useEffect, useState } from 'react';
import type { QueryCoordinator } from '../../../db/coordinator';
import type { Db } from '../../../db/types';
import { errorText } from '../../../domain/errorText';
import type { LeadFilter } from '../../../domain/leadFilter';
import type { PlanningHistory } from '../../../domain/planning';
import type { SqlQuery } from '../../../domain/sqlQuery';
import { loadPlanningHistory } from '../../../services/planningHistory';
import { useData } from '../../data/DataContext';

export type HistoryState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: string }
  | { readonly status: 'ready'; readonly history: PlanningHistory };

/** The engine, with its queries going through the coordinator: cached, so coming back to the page asks nothing again. */
function coordinated(coordinator: QueryCoordinator): Db {
  return new Proxy(coordinator.db, {
    get: (db, property) => (property === 'query' ? (query: SqlQuery) => coordinator.query(query) : Reflect.get(db, property, db)),
  });
}

/** What the data says about the funnel (loadPlanningHistory), under the page's filter; measured again when the data or the filter changes. */
export function usePlanningHistory(filter: LeadFilter): HistoryState {
  const { coordinator, dataVersion } = useData();
  const key = JSON.stringify([dataVersion, filter]);
  const [state, setState] = useState<{ key: string; value: HistoryState } | null>(null);

  useEffect(() => {
    if (!coordinator) return;
    let current = true;
    loadPlanningHistory(coordinated(coordinator), { filter }).then(
      (history) => current && setState({ key, value: { status: 'ready', history } }),
      (error: unknown) => current && setState({ key, value: { status: 'error', error: errorText(error) } }),
    );
    return () => {
      current = false;
    };
    // The key stands for the filter's content and the data version; the filter's identity may change every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [coordinator, key]);

  return state?.key === key ? state.value : { status: 'loading' };
}
