import { QUALITY_DIMENSIONS, rulePoints, type QualityDimension, type QualityRuleId, type QualitySettings } from './rules';

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
