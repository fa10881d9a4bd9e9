import type { Row } from '../../db/arrowRows';
import type { Pipeline } from '../../domain/pipeline';
import { rate, type Interval } from '../../domain/stats';

export interface FunnelFigures {
  readonly leads: number;
  /** Leads that reached each pipeline stage, in pipeline order (first = all leads). */
  readonly reached: readonly number[];
  readonly won: number;
  /** Leads now lost (not won): the win rate's other half. */
  readonly lost: number;
  /** The won leads' known amounts; null when none is known (revenue unknown, never 0). */
  readonly revenue: number | null;
  /** Won leads whose amount is unknown: the revenue leaves them out. */
  readonly wonUnpriced: number;
  /** The amounts' currency where they have exactly one; null when none is known or they are mixed. */
  readonly currency: string | null;
  /** Whether the amounts come in more than one currency (then no sum is shown). */
  readonly mixedCurrencies: boolean;
  readonly leadToWon: { value: number | null; interval: Interval | null };
  /** won ÷ (won + lost), DESIGN.md's win rate. */
  readonly winRate: { value: number | null; interval: Interval | null };
}

/** Reads a row of funnelKpisSql into figures the view can show. */
export function funnelFigures(row: Row | undefined, pipeline: Pipeline): FunnelFigures {
  const leads = Number(row?.leads ?? 0);
  const reached = pipeline.stages.map((_, i) => (i === 0 ? leads : Number(row?.[`reached_${i}`] ?? 0)));
  const won = reached[reached.length - 1] ?? 0;
  const lost = Number(row?.lost ?? 0);
  const revenue = row?.revenue === null || row?.revenue === undefined ? null : Number(row.revenue);
  const currencies = Number(row?.currencies ?? 0);
  return {
    leads,
    reached,
    won,
    lost,
    revenue,
    wonUnpriced: Number(row?.won_unpriced ?? 0),
    currency: currencies === 1 && typeof row?.currency === 'string' ? row.currency : null,
    mixedCurrencies: currencies > 1,
    leadToWon: rate(won, leads),
    winRate: rate(won, won + lost),
  };
}
