import { useMemo } from 'react';
import { QUERY_MEASURE } from '../../../db/coordinator';
import { answerFromCube, type CubeRow, type FunnelCube, type FunnelRequest } from '../../../domain/funnelCube';
import type { LeadFilter } from '../../../domain/leadFilter';
import type { Pipeline } from '../../../domain/pipeline';
import { funnelRequestSql } from '../../../sql/funnel';
import { useData } from '../../data/DataContext';
import { useKeptQuery, type QueryState } from '../../data/useQuery';

/**
 * A Funnel view's rows: computed from the in-memory cube when it covers the filter (during render,
 * in well under a millisecond at 1M leads), else queried from the raw leads (region, industry,
 * campaign or source filters, date ranges that cut a month, and until the cube of new data is
 * built). `state` is this request's own state; `shown` what the view shows meanwhile.
 */
export function useFunnelRows(pipeline: Pipeline, filter: LeadFilter, request: FunnelRequest): { state: QueryState; shown: QueryState } {
  const { funnelCube } = useData();
  const key = JSON.stringify([request, filter]);
  const fromCube = useMemo<QueryState | null>(() => {
    const rows = funnelCube && measuredAnswer(funnelCube, request, filter);
    return rows ? { status: 'ready', rows } : null;
    // The key stands for the request and filter's content; their identities change every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [funnelCube, key]);
  const queried = useKeptQuery(fromCube ? null : funnelRequestSql({ pipeline, filter }, request));

  // A cube answer is there at once; while a raw query loads, the last raw answer of this data stands
  // in (useKeptQuery). Keeping the last cube answer too would cost every view a second render per
  // change (React's "value from an earlier render" pattern), ~10 % of the page's redraw.
  return fromCube ? { state: fromCube, shown: fromCube } : queried;
}

/** answerFromCube, leaving the measure the coordinator leaves per query, so tools and benchmarks see both paths. */
function measuredAnswer(cube: FunnelCube, request: FunnelRequest, filter: LeadFilter): CubeRow[] | null {
  const started = performance.now();
  const rows = answerFromCube(cube, request, filter);
  if (rows) performance.measure(QUERY_MEASURE, { start: started, end: performance.now(), detail: { cached: false, engine: 'cube' } });
  return rows;
}
