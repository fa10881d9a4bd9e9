import type { ViewId } from '../../../domain/leadFilter';
import type { Pipeline } from '../../../domain/pipeline';
import { useViewState } from '../../state/ViewStateContext';
import { useFunnelRows, type FunnelRows } from './useFunnelRows';

/**
 * Every Funnel view's rows under its filters (the global ones and the other views' selections),
 * asked for by the page before any view renders: a filter change has all its answers (from the
 * cube, a few milliseconds) before the first view's table or chart is drawn.
 */
export function useFunnelPageRows(pipeline: Pipeline) {
  const { view, filterFor } = useViewState();
  return {
    funnel: useFunnelRows(pipeline, filterFor('funnel'), { kind: 'stages' }),
    split: useFunnelRows(pipeline, filterFor('split'), { kind: 'split', dimension: view.split }),
    cohorts: useFunnelRows(pipeline, filterFor('cohorts'), { kind: 'cohorts' }),
    trend: useFunnelRows(pipeline, filterFor('trend'), { kind: 'trend', dimension: view.split }),
    velocity: useFunnelRows(pipeline, filterFor('velocity'), { kind: 'velocity' }),
  } satisfies Record<Exclude<ViewId, 'media' | 'quality'>, FunnelRows>;
}
