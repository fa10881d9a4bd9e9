import { answerFromCube, type FunnelRequest } from '../../../domain/funnelCube';
import type { LeadFilter } from '../../../domain/leadFilter';
import type { Pipeline } from '../../../domain/pipeline';
import { funnelRequestSql } from '../../../sql/funnel';
import { useCubeOrQuery } from '../../data/useCubeOrQuery';
import type { QueryState } from '../../data/useQuery';

/** A view's rows: `state` its own request's, `shown` what to show meanwhile (see useCubeOrQuery). */
export interface FunnelRows {
  readonly state: QueryState;
  readonly shown: QueryState;
}

/**
 * A Funnel view's rows: from the in-memory cube when it covers the filter, else queried from the
 * raw leads (region, industry, campaign or source filters, date ranges that cut a month).
 */
export function useFunnelRows(pipeline: Pipeline, filter: LeadFilter, request: FunnelRequest): FunnelRows {
  return useCubeOrQuery(
    JSON.stringify([request, filter]),
    (cube) => answerFromCube(cube, request, filter),
    () => funnelRequestSql({ pipeline, filter }, request),
  );
}
