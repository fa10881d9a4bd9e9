import type { SqlQuery } from '../domain/sqlQuery';
import { joinSql } from '../domain/sqlQuery';
import type { DateRange, ValueFormat } from '../domain/valueFormat';

/**
 * How the import converts the text of a number or date cell, and why a cell that does not convert
 * fails. A cell is read by the column's format or not at all: never reinterpreted.
 *
 * The regular expressions and format names below are constants of ours, written into the SQL: a
 * pattern bound as a parameter is not constant when DuckDB binds the function, so it would be
 * compiled again for every cell. Every text from a user (the plausible range, chosen formats) is bound.
 */

export const ISO = '%Y-%m-%d';
export const EXCEL_SERIAL = 'excel-serial';
/** Excel's day zero (serial 0): a blank or time-only date cell in Excel, never a real date. */
export const EXCEL_DAY_ZERO = '1899-12-30';

/** Numbers written in the column's format: thousands separators only between groups of exactly three digits, one decimal separator. */
const GROUPED: Readonly<Record<ValueFormat['decimalSeparator'], string>> = {
  ',': '[-+]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?',
  '.': '[-+]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?',
};
/** Text made of digits and separators only: a number, perhaps in another format. */
const NUMERIC_TEXT = '[-+]?[0-9.,]*[0-9][0-9.,]*';

export const NUMBER_FORMAT_REASONS: Readonly<Record<ValueFormat['decimalSeparator'], string>> = {
  ',': "not in the column's number format (decimal comma: 1.234,56)",
  '.': "not in the column's number format (decimal point: 1,234.56)",
};

/**
 * A number cell converted by the column's decimal separator; NULL when it does not fit. Only a cell
 * holding the thousands separator is matched against the grouping (cheap `contains` first): without
 * it, the cast itself refuses a second decimal separator. "1234.56" in a decimal-comma column is
 * NULL (flagged), not 123456; "1,23" in a decimal-point column is NULL, not 123.
 */
export function numberSql(type: 'DOUBLE' | 'INTEGER', text: string, separator: ValueFormat['decimalSeparator']): SqlQuery {
  const thousands = separator === ',' ? '.' : ',';
  const plain = separator === ',' ? `replace(replace(${text}, '.', ''), ',', '.')` : `replace(${text}, ',', '')`;
  return {
    sql: `CASE WHEN contains(${text}, '${thousands}') AND NOT regexp_full_match(${text}, '${GROUPED[separator]}') THEN NULL ELSE TRY_CAST(${plain} AS ${type}) END`,
    params: [],
  };
}

/** Why a (trimmed, present) number cell that did not convert fails: another format, or no number at all. */
export function numberReasonSql(text: string, separator: ValueFormat['decimalSeparator'], notANumber: string): SqlQuery {
  return { sql: `CASE WHEN regexp_full_match(${text}, '${NUMERIC_TEXT}') THEN ? ELSE ? END`, params: [NUMBER_FORMAT_REASONS[separator], notANumber] };
}

/** A time after an ISO date that ends in Z or a UTC offset: groups 1 the sign, 2 the hours, 3 the minutes (what may follow is left to the cast). */
const ISO_OFFSET = '^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.][0-9]+)?)? ?(?:Z|([+-])([0-9]{2})(?::?([0-9]{2}))?)';

/**
 * An ISO date, or the date of an ISO date-time. Without an offset the date is taken as written (the
 * CRM's local time); with Z or an offset the instant is taken to UTC first. The cast to TIMESTAMP
 * reads the time as written (it ignores an offset), so the offset is subtracted here: TIMESTAMPTZ
 * would use the session's time zone natively and hung duckdb-wasm, which has no ICU. A plain date
 * casts directly (measured ~10 % faster than strptime at 1M rows); the offset test runs only on
 * cells long enough to hold one. `asRead`: see convertedSql in importCsv.
 */
function isoDateSql(text: string, asRead: boolean): string {
  const length = asRead ? `(ascii(${text}) > 32)::INTEGER * 10` : '10';
  const group = (n: number) => `regexp_extract(${text}, '${ISO_OFFSET}', ${n})`;
  const minutes = `(CASE WHEN ${group(1)} = '-' THEN -1 ELSE 1 END * (coalesce(TRY_CAST(${group(2)} AS INTEGER), 0) * 60 + coalesce(TRY_CAST(${group(3)} AS INTEGER), 0)))`;
  const utc = `(TRY_CAST(${text} AS TIMESTAMP) - ${minutes} * INTERVAL 1 MINUTE)::DATE`;
  return `CASE WHEN length(${text}) > 16 AND regexp_matches(${text}, '${ISO_OFFSET}') THEN ${utc} ELSE TRY_CAST(left(${text}, ${length}) AS DATE) END`;
}

/** A day-first or month-first date whose year has two digits (01.03.25, 3/1/25 10:15). */
const TWO_DIGIT_YEAR = '^[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{2}([^0-9]|$)';

/**
 * The strptime formats to try for the cells with a two-digit year (`twoDigit`, read by %y, by
 * DuckDB's century rule: see TWO_DIGIT_YEAR_PIVOT) or the others (%Y, which would read "25" as the
 * year 25), whichever of the two a format was detected with; each date-only first, then with a time
 * of day (01.03.2025 10:15), whose date is taken as written.
 */
export function strptimeFormats(formats: readonly string[], twoDigit: boolean): string[] {
  const dates = formats.map((f) => (/^%[Yy]/.test(f) ? f : f.replace(twoDigit ? '%Y' : '%y', twoDigit ? '%y' : '%Y')));
  const times = dates.filter((f) => !f.includes('%H')).flatMap((f) => [`${f} %H:%M`, `${f} %H:%M:%S`]);
  return [...new Set([...dates, ...times])];
}

/**
 * Day-first and month-first dates: a cheap match tells a two-digit year from a four-digit one, so
 * every cell is parsed by a list whose first format fits it. A format that fails costs: trying %y
 * before %Y on every cell made a 1M-row load of dd.mm.yyyy dates ~9 times slower in duckdb-wasm.
 */
function strptimeSql(formats: readonly string[], text: string): SqlQuery {
  const parse = (twoDigit: boolean): SqlQuery => {
    const all = strptimeFormats(formats, twoDigit);
    return { sql: `try_strptime(${text}, [${all.map(() => '?').join(', ')}])::DATE`, params: all };
  };
  if (!formats.some((f) => /%[Yy]/.test(f) && !/^%[Yy]/.test(f))) return parse(false);
  return joinSql([`CASE WHEN regexp_matches(${text}, '${TWO_DIGIT_YEAR}') THEN`, parse(true), 'ELSE', parse(false), 'END']);
}

/** A date cell converted by the column's formats, the first that reads it winning (unranged: see plausibleDateSql). */
export function dateSql(formats: readonly string[], text: string, asRead: boolean): SqlQuery {
  const parsers: SqlQuery[] = [];
  const strptime = formats.filter((f) => f !== ISO && f !== EXCEL_SERIAL);
  for (const format of formats) {
    if (format === ISO) parsers.push({ sql: isoDateSql(text, asRead), params: [] });
    else if (format === EXCEL_SERIAL) parsers.push({ sql: `(DATE '${EXCEL_DAY_ZERO}' + floor(TRY_CAST(${text} AS DOUBLE))::INTEGER)`, params: [] });
    else if (format === strptime[0]) parsers.push(strptimeSql(strptime, text));
  }
  if (parsers.length === 0) return { sql: 'NULL::DATE', params: [] };
  return parsers.length === 1 ? (parsers[0] as SqlQuery) : joinSql(['coalesce(', joinSql(parsers, ', '), ')']);
}

/** Whether a date (SQL) is in the plausible range and is not Excel's day zero; the range is bound. */
function plausibleSql(value: SqlQuery, range: DateRange): SqlQuery {
  return joinSql(['(', value, { sql: 'BETWEEN ?::DATE AND ?::DATE AND', params: [range.from, range.to] }, value, `<> DATE '${EXCEL_DAY_ZERO}')`]);
}

/** The date, or NULL when it is outside the plausible range (or Excel's day zero): such a cell fails. */
export function plausibleDateSql(value: SqlQuery, range: DateRange): SqlQuery {
  return joinSql(['CASE WHEN', plausibleSql(value, range), 'THEN', value, 'END']);
}

export const excelDayZeroReason = `Excel's day zero (${EXCEL_DAY_ZERO}): an empty or time-only cell in Excel`;
export const rangeReason = (range: DateRange) => `outside the plausible dates ${range.from} … ${range.to}`;

/** Why a (trimmed, present) date cell failed: no date in the column's formats, Excel's day zero, or outside the range. */
export function dateReasonSql(parsed: SqlQuery, notADate: string, range: DateRange): SqlQuery {
  return joinSql([
    'CASE WHEN',
    parsed,
    { sql: 'IS NULL THEN ? WHEN', params: [notADate] },
    parsed,
    { sql: `= DATE '${EXCEL_DAY_ZERO}' THEN ? ELSE ? END`, params: [excelDayZeroReason, rangeReason(range)] },
  ]);
}
