import type { ViewId } from '../../../src/domain/leadFilter';
import { DEFAULT_PIPELINE as pipeline } from '../../../src/domain/pipeline';
import type { SqlQuery } from '../../../src/domain/sqlQuery';
import { cohortSql, funnelStagesSql, splitFunnelSql, trendSql, velocitySql } from '../../../src/sql/funnel';
import { localToday } from '../../../src/state/period';
import { decodeViewState } from '../../../src/state/urlCodec';
import { globalFilter } from '../../../src/state/viewState';
import { conditionsFor } from '../../../src/domain/leadFilter';

export interface ViewQuery {
  /** The first view asking it (an identical query of a later view is shared, as the coordinator does). */
  readonly view: ViewId;
  /**
   * Which of the view's queries. The maturity query (lagHistogramSql without a filter) is left out:
   * it depends on the data only, so the page asks it once per data version and the cache answers it.
   */
  readonly name: string;
  readonly query: SqlQuery;
}

/**
 * The Funnel page's queries for the view state in a location hash ("#/funnel?v=1&…"), built by the
 * same builders and filters the views use (see src/ui/pages/funnel/*View.tsx), each once, on the raw
 * leads: the baseline the in-memory cube is measured against.
 */
export function funnelPageQueries(hash: string): ViewQuery[] {
  const view = decodeViewState(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '').state;
  const filters = globalFilter(view, localToday());
  const options = (id: ViewId) => ({ pipeline, filter: conditionsFor(id, filters, view.selections) });
  const all: ViewQuery[] = [
    { view: 'funnel', name: 'funnel', query: funnelStagesSql(options('funnel')) },
    { view: 'split', name: 'split', query: splitFunnelSql(options('split'), view.split) },
    { view: 'cohorts', name: 'cohorts', query: cohortSql(options('cohorts')) },
    { view: 'trend', name: 'trend', query: trendSql(options('trend'), view.split) },
    { view: 'velocity', name: 'velocity', query: velocitySql(options('velocity')) },
  ];
  const seen = new Set<string>();
  return all.filter(({ query }) => {
    const key = JSON.stringify([query.sql, query.params]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
