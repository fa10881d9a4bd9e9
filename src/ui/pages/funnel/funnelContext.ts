import type { LeadCondition, LeadFilter } from '../../../domain/leadFilter';
import type { Pipeline } from '../../../domain/pipeline';
import type { ClickIntent } from './clickIntent';
import type { FunnelRows } from './useFunnelRows';

/** What every view of the Funnel page needs besides its own data. */
export interface FunnelViewProps {
  readonly pipeline: Pipeline;
  /** Lists the leads behind a figure: those under the view's filter that meet the figure's own conditions. */
  readonly openExplorer: (viewFilter: LeadFilter, figure: readonly LeadCondition[]) => void;
  /** The page's clicks and double clicks on figures (see ClickIntent). */
  readonly clicks: ClickIntent;
  /** The view's rows, asked for by the page (useFunnelPageRows). */
  readonly rows: FunnelRows;
}
