import { isIsoDate, type DateRange } from '../domain/leadFilter';

/** Periods of created_at relative to today, as users name them; kept by name so a link keeps meaning "this quarter". */
export const PERIOD_PRESETS = ['this_quarter', 'last_quarter', 'year_to_date', 'last_12_months'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export type PeriodChoice = { readonly preset: PeriodPreset } | { readonly range: DateRange };

const iso = (year: number, month: number, day: number) => new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);

/** The days a period covers, both ends included, for `today` (yyyy-mm-dd). */
export function resolvePeriod(choice: PeriodChoice, today: string): DateRange {
  if ('range' in choice) return choice.range;
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1];
  const quarterStart = month - (month % 3);
  switch (choice.preset) {
    case 'this_quarter':
      return { from: iso(year, quarterStart, 1), to: iso(year, quarterStart + 3, 0) };
    case 'last_quarter':
      return { from: iso(year, quarterStart - 3, 1), to: iso(year, quarterStart, 0) };
    case 'year_to_date':
      return { from: iso(year, 0, 1), to: today };
    case 'last_12_months':
      return { from: iso(year, month - 11, 1), to: iso(year, month + 1, 0) };
  }
}

/** Whether a range starts on a month's first day and ends on a month's last: then it reads as months ("Jan – Dec 2026"). */
export function coversWholeMonths(range: DateRange): boolean {
  const [y, m, d] = range.to.split('-').map(Number);
  return d !== undefined && range.from.endsWith('-01') && iso(y!, m!, 0) === range.to;
}

/**
 * Whether the range reaches into the month of `today`: a preset that does ("last 12 months" ends with
 * the current month) counts a month not over yet, and users must be told so or read a drop.
 */
export function includesCurrentMonth(range: DateRange, today: string): boolean {
  const month = today.slice(0, 7);
  return range.from.slice(0, 7) <= month && range.to.slice(0, 7) >= month;
}

/** A custom range is valid when both ends are real days and from ≤ to. */
export function isValidRange(range: DateRange): boolean {
  return isIsoDate(range.from) && isIsoDate(range.to) && range.from <= range.to;
}

/** Today as yyyy-mm-dd in the user's time zone (a quarter starts at local midnight). */
export function localToday(now = new Date()): string {
  return iso(now.getFullYear(), now.getMonth(), now.getDate());
}
