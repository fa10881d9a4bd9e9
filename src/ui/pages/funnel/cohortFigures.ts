import type { Row } from '../../../db/arrowRows';
import { funnelCountsFromRow } from '../../../domain/funnel';
import { everyMonth } from '../../../domain/months';
import type { Pipeline } from '../../../domain/pipeline';

/** One cell: the share of a created month's leads that reached a stage. */
export interface CohortCell {
  readonly month: string;
  readonly stageIndex: number;
  readonly share: number | null;
  readonly count: number;
  readonly leads: number;
}

/** What both forms of the cohorts (the heat map and its table) show, and what a month or a cell does. */
export interface CohortFigures {
  readonly months: readonly string[];
  /** The stages after the first, as labels. */
  readonly stages: readonly string[];
  readonly cells: readonly CohortCell[];
  readonly immature: ReadonlySet<string>;
  readonly selectedMonth: string | null;
  /** Filters the other views to the month. */
  readonly onChoose: (month: string) => void;
  /** Lists the leads behind the cell. */
  readonly onExplore: (cell: CohortCell) => void;
}

/**
 * The cohorts' months and cells from rows of one created month each (leads without a month left
 * out): every month from the first to the last, a month without leads as a row of 0 leads whose
 * shares are unknown ("–"), so the heat map never puts Jun next to Oct.
 */
export function cohortCells(rows: readonly Row[], pipeline: Pipeline): { months: string[]; cells: CohortCell[] } {
  const byMonth = new Map(rows.filter((r) => r.month !== null && r.month !== undefined).map((r) => [String(r.month), r]));
  const months = everyMonth(byMonth.keys());
  const cells: CohortCell[] = [];
  for (const month of months) {
    const row = byMonth.get(month);
    const counts = funnelCountsFromRow(pipeline, row ?? { leads: 0 });
    counts.reached.forEach((count, stageIndex) => {
      if (stageIndex > 0) cells.push({ month, stageIndex: stageIndex - 1, count, leads: counts.leads, share: counts.leads ? count / counts.leads : null });
    });
  }
  return { months, cells };
}
