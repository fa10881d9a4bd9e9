/** Month arithmetic on 'yyyy-mm' strings, the plan's only time unit. */

const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/i;

function parts(month: string): [number, number] {
  const match = MONTH.exec(month);
  if (!match) throw new Error(`"${month}" is not a month (yyyy-mm)`);
  const m = Number(match[2]);
  if (m < 1 || m > 12) throw new Error(`"${month}" is not a month (yyyy-mm)`);
  return [Number(match[1]), m];
}

const format = (year: number, month: number): string => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;

/** The month `k` months after `month` (k may be negative). */
export function addMonths(month: string, k: number): string {
  const [y, m] = parts(month);
  const index = y * 12 + (m - 1) + k;
  return format(Math.floor(index / 12), (index % 12) + 1);
}

/** The 12 months of a calendar year. */
export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => format(year, i + 1));
}

/** Calendar month 1..12 of 'yyyy-mm'. */
export function monthOfYear(month: string): number {
  return parts(month)[1];
}

export function yearOf(monthOrDate: string): number {
  return Number(monthOrDate.slice(0, 4));
}

/**
 * The months a targets period covers: 'yyyy-mm' → itself, 'yyyy-Qn' → its three months. null for a
 * period in neither form (the caller reports it rather than guessing).
 */
export function periodMonths(period: string): string[] | null {
  const trimmed = period.trim();
  if (MONTH.test(trimmed)) {
    const m = Number(trimmed.slice(5, 7));
    return m >= 1 && m <= 12 ? [trimmed] : null;
  }
  const quarter = QUARTER.exec(trimmed);
  if (!quarter) return null;
  const first = format(Number(quarter[1]), (Number(quarter[2]) - 1) * 3 + 1);
  return [first, addMonths(first, 1), addMonths(first, 2)];
}

/** Months from the month of `start` to the month of `end` inclusive (dates or months); [] when end < start. */
export function monthsBetween(start: string, end: string): string[] {
  const from = start.slice(0, 7);
  const to = end.slice(0, 7);
  const [y1, m1] = parts(from);
  const [y2, m2] = parts(to);
  const count = y2 * 12 + m2 - (y1 * 12 + m1) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => addMonths(from, i));
}
