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
