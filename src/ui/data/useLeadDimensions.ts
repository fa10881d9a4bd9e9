import { useMemo } from 'react';
import { extraDimension, extraLeadColumns, type ExtraDimension } from '../../domain/leadFilter';
import { tableColumnsSql } from '../../sql/importMerge';
import { LEAD_FACTS } from '../../sql/leadFacts';
import { useData } from './DataContext';
import { useQuery } from './useQuery';

export interface LeadDimensions {
  /** Every extra and lookup column of lead_facts, by header, in table order: what the explorer may list. */
  readonly extraColumns: readonly string[];
  /** The text ones among them as dimensions: what filters and splits offer (their values are bound as text). */
  readonly extraDimensions: readonly ExtraDimension[];
}

const NONE: LeadDimensions = { extraColumns: [], extraDimensions: [] };

/**
 * The extra and lookup columns lead_facts has now: its columns minus the canonical lead columns and
 * `_source`/`_line`. Asked through the coordinator, so every caller shares one query, and again
 * whenever the data changes. null until the answer for the data loaded now is known: the previous
 * data's columns must not stand in, or a link's filter on a column the new data brought would be
 * dropped as unknown (the query takes milliseconds). A failed query counts as "no extra columns":
 * nothing unchecked reaches SQL either way.
 */
export function useLeadDimensions(): LeadDimensions | null {
  const { status } = useData();
  const state = useQuery(status.phase === 'ready' ? tableColumnsSql(LEAD_FACTS) : null);
  return useMemo<LeadDimensions | null>(() => {
    if (state.status === 'error') return NONE;
    if (state.status !== 'ready') return null;
    const extra = extraLeadColumns(state.rows.map((r) => ({ name: String(r.name), type: String(r.type) })));
    return { extraColumns: extra.map((c) => c.name), extraDimensions: extra.filter((c) => c.type === 'VARCHAR').map((c) => extraDimension(c.name)) };
  }, [state]);
}
