/**
 * Number and date formats of an export, decided from sample values. DuckDB's CSV sniffer finds
 * dates itself but not decimal commas with thousands dots ("148.577,34"), so the app decides
 * and DuckDB converts with explicit formats.
 */
import { CANONICAL, type TableKind } from '../domain/schema';
import type { ValueFormat } from '../domain/valueFormat';
import type { ColumnMapping } from './headerMapping';

export type DecimalSeparator = '.' | ',';

const GERMAN_NUMBER = /^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$|^[-+]?\d+,\d+$/;
const ENGLISH_NUMBER = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$|^[-+]?\d+\.\d+$/;
const PLAIN_INTEGER = /^[-+]?\d+$/;

/**
 * The decimal separator one number written as text unambiguously uses: ',' for "148.577,34" or
 * "12,5", '.' for "148,577.34" or "12.5"; null for integers, ambiguous ("1.234") or non-numbers.
 */
export function decimalSeparatorOf(raw: string): DecimalSeparator | null {
  const value = raw.trim();
  if (value === '' || PLAIN_INTEGER.test(value)) return null;
  const de = GERMAN_NUMBER.test(value);
  const en = ENGLISH_NUMBER.test(value);
  if (de === en) return null;
  return de ? ',' : '.';
}

/**
 * Which decimal separator the numeric cells use. Only unambiguous cells vote ("1.234" could be
 * either); with no vote the hint decides (e.g. ';' as delimiter suggests a German export).
 */
export function detectDecimalSeparator(values: Iterable<string>, hint: DecimalSeparator = '.'): DecimalSeparator {
  let german = 0;
  let english = 0;
  for (const value of values) {
    const separator = decimalSeparatorOf(value);
    if (separator === ',') german++;
    else if (separator === '.') english++;
  }
  if (german === english) return hint;
  return german > english ? ',' : '.';
}


export interface DateFormat {
  /** strptime format DuckDB uses, or 'excel-serial' for Excel's day numbers. */
  readonly format: string;
  readonly pattern: RegExp;
  /** Day, month, year positions (capture groups) to check plausibility; day 0 for a month alone. */
  readonly parts: readonly [day: number, month: number, year: number];
}

/** A time of day after a date (its date is taken as written). */
const TIME = '(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?';
/** ISO date-times may have fractions of a second and Z or an offset (their date is taken in UTC). */
const ISO_TIME = '(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)? ?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?)?';
/**
 * Day-first and month-first formats take a two-digit year too: the import reads either length
 * whichever is detected (see strptimeFormats in src/sql/valueSql), the two-digit year by %y's
 * century rule, never as the year 25. dd.mm.yy comes first so that a column of two-digit years is
 * shown as such.
 */
const YEAR = '(\\d{4}|\\d{2})';
export const DATE_FORMATS: readonly DateFormat[] = [
  { format: '%Y-%m-%d', pattern: new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${ISO_TIME}$`), parts: [3, 2, 1] },
  { format: '%d.%m.%y', pattern: new RegExp(`^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2})${TIME}$`), parts: [1, 2, 3] },
  { format: '%d.%m.%Y', pattern: new RegExp(`^(\\d{1,2})\\.(\\d{1,2})\\.${YEAR}${TIME}$`), parts: [1, 2, 3] },
  { format: '%m/%d/%Y', pattern: new RegExp(`^(\\d{1,2})/(\\d{1,2})/${YEAR}${TIME}$`), parts: [2, 1, 3] },
  { format: '%d/%m/%Y', pattern: new RegExp(`^(\\d{1,2})/(\\d{1,2})/${YEAR}${TIME}$`), parts: [1, 2, 3] },
];

/**
 * A month alone (a cost per month: 2026-01, 01.2026, 01/2026), read as its first day. Only a column
 * declared a month takes these: a lead's date written as a month is a date the export lost.
 */
export const MONTH_FORMATS: readonly DateFormat[] = [
  { format: '%Y-%m', pattern: /^(\d{4})-(\d{1,2})$/, parts: [0, 2, 1] },
  { format: '%m.%Y', pattern: /^(\d{1,2})\.(\d{4})$/, parts: [0, 1, 2] },
  { format: '%m/%Y', pattern: /^(\d{1,2})\/(\d{4})$/, parts: [0, 1, 2] },
];

/** The formats a date column is read in: a month alone too where the column is a month. */
const formatsFor = (months: boolean): readonly DateFormat[] => (months ? [...DATE_FORMATS, ...MONTH_FORMATS] : DATE_FORMATS);

function plausible(format: DateFormat, value: string): boolean {
  const match = format.pattern.exec(value);
  if (!match) return false;
  // Group 0 is the whole match: a month alone has no day to check.
  const [d, m] = format.parts.map((i) => (i === 0 ? 1 : Number(match[i])));
  return d !== undefined && m !== undefined && d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

/** Excel stores dates as days since 1899-12-30; 20000–80000 covers 1954–2119. */
const EXCEL_SERIAL = /^\d{5}(\.\d+)?$/;

/**
 * The date formats a column's sample values are written in, most used first. Greedy: the format
 * that fits most values is taken, the values it reads are set aside, and so on; so an ambiguous
 * 01/02/2025 goes to whichever format the unambiguous values chose. Values no format reads are
 * left to be rejected; 'excel-serial' covers Excel's day numbers. Empty when nothing fits.
 */
export function detectDateFormats(values: Iterable<string>, months = false): string[] {
  let remaining = [...values].map((v) => v.trim()).filter((v) => v !== '');
  const chosen: string[] = [];
  const formats = formatsFor(months);
  while (remaining.length > 0) {
    let best: { format: string; fits: (v: string) => boolean; count: number } | null = null;
    for (const format of formats) {
      if (chosen.includes(format.format)) continue;
      const count = remaining.filter((v) => plausible(format, v)).length;
      if (count > 0 && (!best || count > best.count)) best = { format: format.format, fits: (v) => plausible(format, v), count };
    }
    if (!best) break;
    chosen.push(best.format);
    const fits = best.fits;
    remaining = remaining.filter((v) => !fits(v));
  }
  if (remaining.some(isExcelSerial)) chosen.push('excel-serial');
  return chosen;
}

/** Whether a cell reads as a date in any format the import knows (trimmed; blank is no date); a month alone only in a month column. */
export function looksLikeDate(value: string, months = false): boolean {
  const v = value.trim();
  return v !== '' && (formatsFor(months).some((format) => plausible(format, v)) || isExcelSerial(v));
}

const isExcelSerial = (v: string) => EXCEL_SERIAL.test(v) && Number(v) >= 20000 && Number(v) <= 80000;

/**
 * Decimal separator and date formats of an export's mapped columns, from sample rows, one column at
 * a time: it yields between columns so a caller on the page's thread can let the page breathe. With
 * no telling number, ';' as delimiter suggests a German export (decimal comma).
 */
function* valueFormatSteps(kind: TableKind, mapping: ColumnMapping, valuesOf: (header: string) => readonly string[], delimiter: string): Generator<void, ValueFormat> {
  const mapped = CANONICAL[kind].filter((c) => mapping[c.name] !== undefined);
  const values = (column: { name: string }) => valuesOf(mapping[column.name] as string);
  yield;
  const numbers = mapped.filter((c) => c.type === 'DOUBLE' || c.type === 'INTEGER').flatMap(values);
  const decimalSeparator = detectDecimalSeparator(numbers, delimiter === ';' ? ',' : '.');
  const dateFormats: Record<string, string[]> = {};
  for (const column of mapped.filter((c) => c.type === 'DATE')) {
    yield;
    const formats = detectDateFormats(values(column), column.month);
    if (formats.length) dateFormats[column.name] = formats;
  }
  return { decimalSeparator, dateFormats };
}

/** The value formats at once (the review's few hundred rows). */
export function detectValueFormat(kind: TableKind, mapping: ColumnMapping, valuesOf: (header: string) => readonly string[], delimiter: string): ValueFormat {
  const steps = valueFormatSteps(kind, mapping, valuesOf, delimiter);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The value formats with `between` awaited between columns (all at once took 50–200 ms of the page's thread). */
export async function detectValueFormatInSteps(
  kind: TableKind,
  mapping: ColumnMapping,
  valuesOf: (header: string) => readonly string[],
  delimiter: string,
  between: () => Promise<void>,
): Promise<ValueFormat> {
  const steps = valueFormatSteps(kind, mapping, valuesOf, delimiter);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await between();
  }
}
