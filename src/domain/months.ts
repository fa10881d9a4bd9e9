/**
 * Calendar months as 'yyyy-mm' text. Monthly series list every month of their span, an empty one
 * as zero: a month skipped on an axis (Jun next to Oct) reads as continuity that never was.
 */

const MONTH = /^(\d{4})-(\d{2})$/;

/** Every month from `first` to `last`, both included (none when last is before first or either is not a month). */
export function monthsBetween(first: string, last: string): string[] {
  const a = MONTH.exec(first);
  const b = MONTH.exec(last);
  if (!a || !b) return [];
  const months: string[] = [];
  for (let i = Number(a[1]) * 12 + Number(a[2]) - 1, end = Number(b[1]) * 12 + Number(b[2]) - 1; i <= end; i++) {
    months.push(`${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

/** The months a series spans, from its earliest to its latest, the ones without data included; sorted. */
export function everyMonth(months: Iterable<string>): string[] {
  const sorted = [...new Set(months)].filter((m) => MONTH.test(m)).sort();
  return sorted.length ? monthsBetween(sorted[0]!, sorted[sorted.length - 1]!) : [];
}
