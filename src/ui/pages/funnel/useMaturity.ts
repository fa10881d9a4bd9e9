import { useMemo } from 'react';
import { lagDistributionFromRows, matureCohorts, type LagDistribution } from '../../../domain/funnel';
import type { LeadFilter } from '../../../domain/leadFilter';
import type { Pipeline } from '../../../domain/pipeline';
import type { QueryState } from '../../data/useQuery';
import { useFunnelRows } from './useFunnelRows';

export interface Maturity {
  /** Created months (yyyy-mm) younger than the p90 of historical lead → won lag. */
  immature(months: readonly string[]): Set<string>;
  readonly p90: number | null;
  readonly asOf: string | null;
}

const NO_FILTER: LeadFilter = [];

/**
 * Cohort maturity (DESIGN.md) from the whole data's lead → won lag: a property of the data, not of
 * any filter, so the cohort and trend views share one query per data version.
 */
export function useMaturity(pipeline: Pipeline): { state: QueryState; maturity: Maturity | null } {
  const { state } = useFunnelRows(pipeline, NO_FILTER, { kind: 'lagHistogram' });
  const maturity = useMemo(() => {
    if (state.status !== 'ready') return null;
    const { asOf, historicalP90 }: LagDistribution = lagDistributionFromRows(state.rows as never);
    return {
      immature: (months: readonly string[]) => {
        const mature = new Set(asOf ? matureCohorts(months, asOf, historicalP90) : []);
        return new Set(months.filter((m) => !mature.has(m)));
      },
      p90: historicalP90,
      asOf,
    };
  }, [state]);
  return { state, maturity };
}
