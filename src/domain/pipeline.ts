/**
 * The lead pipeline and the "reached stage" rule of DESIGN.md.
 * A lead has reached a stage if its current stage is that stage or a later one, or it has a
 * timestamp for that stage (or a later one). lost/disqualified leads keep only what their
 * timestamps prove.
 */
export interface Pipeline {
  /** Ordered stages, first is the entry stage, last is the success stage. */
  readonly stages: readonly string[];
  /** Terminal stages reachable from anywhere; they prove nothing beyond the timestamps. */
  readonly terminal: readonly string[];
  /** Which lead column holds the timestamp of a stage, where exports carry one. */
  readonly stampColumn: Readonly<Record<string, string>>;
}

export const DEFAULT_PIPELINE: Pipeline = {
  stages: ['lead', 'mql', 'sql', 'opportunity', 'won'],
  terminal: ['lost', 'disqualified'],
  stampColumn: { mql: 'mql_at', sql: 'sql_at', opportunity: 'opportunity_at' },
};

/** Index of the furthest pipeline stage a lead has reached (0 = entry stage). */
export function reachedIndex(
  pipeline: Pipeline,
  stage: string | null | undefined,
  stamps: Readonly<Record<string, unknown>>,
): number {
  let reached = 0;
  const byStage = stage == null ? -1 : pipeline.stages.indexOf(stage);
  if (byStage > reached) reached = byStage;
  pipeline.stages.forEach((s, i) => {
    const column = pipeline.stampColumn[s];
    if (column && stamps[column] != null && stamps[column] !== '' && i > reached) reached = i;
  });
  return reached;
}

export function hasReached(
  pipeline: Pipeline,
  target: string,
  stage: string | null | undefined,
  stamps: Readonly<Record<string, unknown>>,
): boolean {
  const k = pipeline.stages.indexOf(target);
  if (k < 0) throw new Error(`Stage "${target}" is not in the pipeline`);
  return reachedIndex(pipeline, stage, stamps) >= k;
}
