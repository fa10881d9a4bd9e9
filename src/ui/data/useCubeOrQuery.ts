import { useEffect, useMemo, useRef } from 'react';
import { QUERY_MEASURE } from '../../db/coordinator';
import type { CubeRow, FunnelCube } from '../../domain/funnelCube';
import type { SqlQuery } from '../../domain/sqlQuery';
import type { Row } from '../../db/arrowRows';
import { useData } from './DataContext';
import { useKeptQuery, type QueryState } from './useQuery';

/**
 * Rows from the in-memory funnel cube when `answer` can give them (computed during render, a few
 * milliseconds at 1M leads), else from `query` on the database: filters the cube does not cover,
 * and until the cube of new data is built. `key` stands for what both depend on (null: ask
 * nothing). `state` is this request's own state; `shown` what to show meanwhile (useKeptQuery).
 */
export function useCubeOrQuery(key: string | null, answer: (cube: FunnelCube) => CubeRow[] | null, query: () => SqlQuery): { state: QueryState; shown: QueryState } {
  return useCellsOrQuery(useData().funnelCube, key, answer, query);
}

/** useCubeOrQuery on any in-memory cells (`cells` null: not built yet, so the query answers). */
export function useCellsOrQuery<C extends object>(
  cells: C | null,
  key: string | null,
  answer: (cells: C) => readonly Row[] | null,
  query: () => SqlQuery,
): { state: QueryState; shown: QueryState } {
  const fromCube = useMemo<QueryState | null>(() => {
    const rows = key !== null && cells ? measured(() => answer(cells)) : null;
    return rows ? { status: 'ready', rows } : null;
    // The key stands for the answer's content; the function's identity changes every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cells, key]);
  const queried = useKeptQuery(key !== null && !fromCube ? query() : null);
  const result = fromCube ? { state: fromCube, shown: fromCube } : queried;
  // What the last committed render showed, from the cube or a query (set after each commit, so no
  // second render per change). While a query loads, the view keeps it: a filter that sends the view
  // from the cube to SQL (a region, say) would otherwise show the last *query's* figures meanwhile,
  // possibly those of the page's first load, before any cross-filter.
  const lastShown = useRef<{ cells: C; shown: QueryState } | null>(null);
  useEffect(() => {
    if (cells && result.shown.status === 'ready') lastShown.current = { cells, shown: result.shown };
  });
  // Read in render on purpose ("the previous value" pattern): it only chooses what to show while
  // loading. Only figures of the same data stand in: the cube is rebuilt whenever the data changes.
  /* eslint-disable react-hooks/refs */
  const kept = lastShown.current;
  if (result.state.status === 'loading' && kept && kept.cells === cells) return { state: result.state, shown: kept.shown };
  /* eslint-enable react-hooks/refs */
  return result;
}

/** A cube answer, leaving the measure the coordinator leaves per query, so tools and benchmarks see both paths. */
function measured(answer: () => readonly Row[] | null): readonly Row[] | null {
  const started = performance.now();
  const rows = answer();
  if (rows) performance.measure(QUERY_MEASURE, { start: started, end: performance.now(), detail: { cached: false, engine: 'cube' } });
  return rows;
}
