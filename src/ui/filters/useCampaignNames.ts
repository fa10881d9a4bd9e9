import { useMemo } from 'react';
import { campaignNamesSql } from '../../sql/media';
import { useData } from '../data/DataContext';
import { useQuery } from '../data/useQuery';

const NONE: ReadonlyMap<string, string> = new Map();

/**
 * How a campaign id reads: its name from the campaigns table ("Google Ads Winter 2024/25", not
 * "CMP-2024-001"), with the id added where two campaigns share a name. Empty without a campaigns table.
 */
export function useCampaignNames(): ReadonlyMap<string, string> {
  const { tables } = useData();
  const loaded = tables.some((table) => table.kind === 'campaigns');
  const state = useQuery(useMemo(() => (loaded ? campaignNamesSql() : null), [loaded]));
  return useMemo(() => {
    if (state.status !== 'ready') return NONE;
    const named = state.rows.map((row) => ({ id: String(row.campaign_id), name: String(row.name) }));
    const uses = new Map<string, number>();
    for (const { name } of named) uses.set(name, (uses.get(name) ?? 0) + 1);
    return new Map(named.map(({ id, name }) => [id, uses.get(name)! > 1 ? `${name} (${id})` : name]));
  }, [state]);
}
