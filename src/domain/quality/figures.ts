import { QUALITY_DIMENSIONS, rulePoints, type QualityDimension, type QualityRuleId, type QualitySettings } from './rules';

/**
 * How the scores spread: leads without a problem, and three bands below, each from its lower bound
 * (inclusive) up to the band above. An average of 97 can hide a tenth of the leads far below it.
 */
export const SCORE_BANDS = [
  { id: 'clean', from: 100 },
  { id: 'minor', from: 90 },
  { id: 'major', from: 75 },
  { id: 'poor', from: 0 },
] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number]['id'];

/** One group's quality figures, read from a row of src/sql/qualityFigures.ts (the page, the import and ETL reports). */
export interface QualityFigures {
  readonly group: string | null;
  readonly leads: number;
  readonly score: number | null;
  readonly flagged: number;
  readonly failing: ReadonlyMap<QualityRuleId, number>;
  readonly dimensions: Readonly<Partial<Record<QualityDimension, number | null>>>;
  readonly qualified: number;
  readonly mqlUncontacted: number;
  /** Leads per score band (SCORE_BANDS). */
  readonly bands: Readonly<Record<ScoreBand, number>>;
}

const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

export function qualityFigures(row: Readonly<Record<string, unknown>>, settings: QualitySettings): QualityFigures {
  const failing = new Map(rulePoints(settings).map(({ rule }) => [rule.id, Number(row[`n_${rule.id}`] ?? 0)]));
  const dimensions = Object.fromEntries(QUALITY_DIMENSIONS.filter((d) => `d_${d}` in row).map((d) => [d, numberOrNull(row[`d_${d}`])]));
  return {
    group: row.grp === null || row.grp === undefined ? null : String(row.grp),
    leads: Number(row.leads ?? 0),
    score: numberOrNull(row.score),
    flagged: Number(row.flagged ?? 0),
    failing,
    dimensions,
    qualified: Number(row.qualified ?? 0),
    mqlUncontacted: Number(row.mql_uncontacted ?? 0),
    bands: Object.fromEntries(SCORE_BANDS.map((b) => [b.id, Number(row[`band_${b.id}`] ?? 0)])) as Record<ScoreBand, number>,
  };
}

/** The rules most leads of a group fail, most first (at most `count`, none that no lead fails). */
export function topProblems(figures: QualityFigures, count: number): { rule: QualityRuleId; leads: number }[] {
  return [...figures.failing]
    .filter(([, leads]) => leads > 0)
    .map(([rule, leads]) => ({ rule, leads }))
    .sort((a, b) => b.leads - a.leads)
    .slice(0, count);
}

/** The rule most leads of a group fail; null when none fails any. */
export const topProblem = (figures: QualityFigures) => topProblems(figures, 1)[0] ?? null;
