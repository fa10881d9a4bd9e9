import type { Row } from '../../../db/arrowRows';
import { QUALITY_DIMENSIONS, rulePoints, type QualityDimension, type QualityRuleId, type QualitySettings } from '../../../domain/quality/rules';

/** One group's quality figures, read from a qualityFiguresSql row. */
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

export function qualityFigures(row: Row, settings: QualitySettings): QualityFigures {
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

/** The rule most leads of a group fail; null when none fails any. */
export function topProblem(figures: QualityFigures): { rule: QualityRuleId; leads: number } | null {
  let top: { rule: QualityRuleId; leads: number } | null = null;
  for (const [rule, leads] of figures.failing) if (leads > 0 && (top === null || leads > top.leads)) top = { rule, leads };
  return top;
}

/** Today in the browser's time zone as yyyy-mm-dd: "in the future" and the dead files count from it. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
