import type { Row } from '../../../db/arrowRows';
import { rulePoints, type QualityRuleId, type QualitySettings } from '../../../domain/quality/rules';
import { FIX_LIST_COLUMNS } from '../../../sql/qualityFigures';

export const FIX_LIST_FIELDS = [...FIX_LIST_COLUMNS, 'score', 'reasons'] as const;
export type FixListField = (typeof FIX_LIST_FIELDS)[number];

/**
 * A fix list's records: the lead's columns, its score (one decimal) and its reasons in words, in the
 * order of the rules, joined by "; ". Pure: the words come from the caller.
 */
export function fixListRecords(rows: readonly Row[], settings: QualitySettings, reason: (rule: QualityRuleId) => string): Record<FixListField, unknown>[] {
  const rules = rulePoints(settings).map(({ rule }) => rule.id);
  return rows.map((row) => {
    const record = Object.fromEntries(FIX_LIST_COLUMNS.map((c) => [c, row[c] ?? null])) as Record<FixListField, unknown>;
    record.score = Math.round(Number(row.score) * 10) / 10;
    record.reasons = rules.filter((r) => row[r] === true).map(reason).join('; ');
    return record;
  });
}
