import { useMemo } from 'react';
import { cubeDimensionValues } from '../../domain/funnelCube';
import type { FilterDimension, LeadFilter } from '../../domain/leadFilter';
import { DEFAULT_PIPELINE } from '../../domain/pipeline';
import { dimensionValuesSql } from '../../sql/filterValues';
import { useData } from '../data/DataContext';
import { useQuery, type QueryState } from '../data/useQuery';

/** A picker shows at most this many values: it is for choosing, not for listing. */
const PICKER_LIMIT = 500;

/**
 * The values of a dimension with their lead counts under `filter`, while the picker is open: from
 * the in-memory cube for medium, channel, sales unit and owner (at once; the GROUP BY on 5M raw
 * leads took about a second), else from the leads table.
 */
export function useDimensionValues(dimension: FilterDimension, filter: LeadFilter, open: boolean): QueryState {
  const { funnelCube } = useData();
  const key = JSON.stringify(filter);
  const fromCube = useMemo<QueryState | null>(() => {
    const rows = open && funnelCube ? cubeDimensionValues(funnelCube, dimension, filter, PICKER_LIMIT) : null;
    return rows ? { status: 'ready', rows } : null;
    // The key stands for the filter's content; its identity changes every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, funnelCube, dimension, key]);
  // useQuery keys on the statement's text and values, so building it each render costs no query.
  const queried = useQuery(open && !fromCube ? dimensionValuesSql(dimension, filter, DEFAULT_PIPELINE, PICKER_LIMIT) : null);
  return fromCube ?? queried;
}
