import type { LeadCondition, LeadFilter } from '../../../domain/leadFilter';
import type { Pipeline } from '../../../domain/pipeline';

/** What every view of the Funnel page needs besides its own data. */
export interface FunnelViewProps {
  readonly pipeline: Pipeline;
  /** Lists the leads behind a figure: those under the view's filter that meet the figure's own conditions. */
  readonly openExplorer: (viewFilter: LeadFilter, figure: readonly LeadCondition[]) => void;
}

/** The conditions of a created month 'yyyy-mm' (or a range of months) as a created_at range. */
export function monthsCondition(first: string, last = first): LeadCondition {
  const [year, month] = last.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return { kind: 'created', range: { from: `${first}-01`, to: end } };
}
