import type { Row } from '../../db/arrowRows';
import type { Pipeline } from '../../domain/pipeline';
import { rate, type Interval } from '../../domain/stats';

export interface FunnelFigures {
  readonly leads: number;
  /** Leads that reached each pipeline stage, in pipeline order (first = all leads). */
  readonly reached: readonly number[];
  readonly won: number;
  readonly revenue: number;
  readonly leadToWon: { value: number | null; interval: Interval | null };
}

/** Reads a row of funnelKpisSql into figures the view can show. */
export function funnelFigures(row: Row | undefined, pipeline: Pipeline): FunnelFigures {
  const leads = Number(row?.leads ?? 0);
  const reached = pipeline.stages.map((_, i) => (i === 0 ? leads : Number(row?.[`reached_${i}`] ?? 0)));
  const won = reached[reached.length - 1] ?? 0;
  return { leads, reached, won, revenue: Number(row?.revenue ?? 0), leadToWon: rate(won, leads) };
}
