/** How an export writes numbers and dates: detected from its rows, shown to the user, overridable. */
export interface ValueFormat {
  readonly decimalSeparator: '.' | ',';
  /** strptime formats (and/or 'excel-serial'), most used first, per canonical DATE column; ISO when absent. */
  readonly dateFormats: Readonly<Record<string, readonly string[]>>;
}

/** The date formats a user can choose from when the detection got a column wrong. */
export const DATE_FORMAT_CHOICES = ['%Y-%m-%d', '%d.%m.%Y', '%d.%m.%y', '%m/%d/%Y', '%d/%m/%Y', '%Y-%m-%d %H:%M:%S', '%d.%m.%Y %H:%M', 'excel-serial'] as const;
/** The further choices of a column that may hold a month alone (a cost per month). */
export const MONTH_FORMAT_CHOICES = ['%Y-%m', '%m.%Y', '%m/%Y'] as const;

/**
 * The dates an import accepts as real (ISO yyyy-mm-dd, both ends included): a date outside is a
 * misread or a placeholder (Excel's day zero, a two-digit year gone wrong), flagged instead of loaded.
 */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/** Before any CRM export we expect: dates earlier than this are flagged. */
export const EARLIEST_PLAUSIBLE_DATE = '1990-01-01';

/** The default plausible range: 1990-01-01 up to one year after `today` (its UTC date). */
export function defaultDateRange(today: Date): DateRange {
  const to = new Date(Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), today.getUTCDate()));
  return { from: EARLIEST_PLAUSIBLE_DATE, to: to.toISOString().slice(0, 10) };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a text is a real ISO date (2025-02-30 is not). */
export function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
}

/** Why a range given by a user or a mapping file is no range; null when it is one. */
export function dateRangeProblem(range: DateRange): string | null {
  if (!isIsoDate(range.from) || !isIsoDate(range.to)) return `the plausible dates must be written yyyy-mm-dd, not "${range.from}" … "${range.to}"`;
  return range.from <= range.to ? null : `the plausible dates start (${range.from}) after they end (${range.to})`;
}

/**
 * The century of a two-digit year, as DuckDB's %y reads it (the POSIX rule): 00–68 → 2000–2068,
 * 69–99 → 1969–1999. Stated here so the review and the README say what the import does.
 */
export const TWO_DIGIT_YEAR_PIVOT = 69;
