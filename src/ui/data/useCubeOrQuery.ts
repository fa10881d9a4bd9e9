import { useMemo } from 'react';
import { QUERY_MEASURE } from '../../db/coordinator';
import type { CubeRow, FunnelCube } from '../../domain/funnelCube';
import type { SqlQuery } from '../../domain/sqlQuery';
import { useData } from './DataContext';
import { useKeptQuery, type QueryState } from './useQuery';

/**
 * Rows from the in-memory funnel cube when `answer` can give them (computed during render, a few
 * milliseconds at 1M leads), else from `query` on the database: filters the cube does not cover,
 * and until the cube of new data is built. `key` stands for what both depend on (null: ask
 * nothing). `state` is this request's own state; `shown` what to show meanwhile (useKeptQuery).
 */
export function useCubeOrQuery(key: string | null, answer: (cube: FunnelCube) => CubeRow[] | null, query: () => SqlQuery): { state: QueryState; shown: QueryState } {
  const { funnelCube } = useData();
  const fromCube = useMemo<QueryState | null>(() => {
    const rows = key !== null && funnelCube ? measured(() => answer(funnelCube)) : null;
    return rows ? { status: 'ready', rows } : null;
    // The key stands for the answer's content; the function's identity changes every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [funnelCube, key]);
  const queried = useKeptQuery(key !== null && !fromCube ? query() : null);
  // Keeping the last cube answer while a query loads would cost every view a second render per
  // change (React's "value from an earlier render" pattern), ~10 % of the page's redraw.
  return fromCube ? { state: fromCube, shown: fromCube } : queried;
}

/** A cube answer, leaving the measure the coordinator leaves per query, so tools and benchmarks see both paths. */
function measured(answer: () => CubeRow[] | null): CubeRow[] | null {
  const started = performance.now();
  const rows = answer();
  if (rows) performance.measure(QUERY_MEASURE, { start: started, end: performance.now(), detail: { cached: false, engine: 'cube' } });
  return rows;
}
