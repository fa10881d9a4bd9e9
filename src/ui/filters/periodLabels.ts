import type { DateRange } from '../../domain/leadFilter';
import { coversWholeMonths, includesCurrentMonth, PERIOD_PRESETS, resolvePeriod, type PeriodPreset } from '../../state/period';
import { formatDayRange } from '../i18n/format';

type Translate = (key: string, values?: Record<string, string>) => string;

/** The days a range covers as users read them: months when it is whole months, else days. */
export function periodRangeText(language: string, range: DateRange): string {
  return formatDayRange(language, range.from, range.to, coversWholeMonths(range));
}

/**
 * A preset's name with the range it resolves to on `today`, and a note when that range includes
 * the month not over yet ("Last 12 months (Jan – Dec 2026, current month included)"): a preset read
 * without its range let a half month look like a drop.
 */
export function presetLabel(preset: PeriodPreset, today: string, language: string, t: Translate): string {
  const range = resolvePeriod({ preset }, today);
  const values = { name: t(`filters.preset.${preset}`), range: periodRangeText(language, range) };
  return includesCurrentMonth(range, today) ? t('period.presetRangeCurrent', values) : t('period.presetRange', values);
}

/** Every preset with its label, in the order the picker offers them. */
export function presetLabels(today: string, language: string, t: Translate): { preset: PeriodPreset; label: string }[] {
  return PERIOD_PRESETS.map((preset) => ({ preset, label: presetLabel(preset, today, language, t) }));
}
