/** Locale-aware formatting; formatters are cached per language because Intl objects are costly. */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter as T;
}

const localeOf = (language: string): string => (language === 'de' ? 'de-DE' : 'en-GB');

export function formatInteger(language: string, value: number): string {
  return cached(`int:${language}`, () => new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 0 })).format(value);
}

export function formatPercent(language: string, value: number | null, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return cached(
    `pct:${language}:${digits}`,
    () => new Intl.NumberFormat(localeOf(language), { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }),
  ).format(value);
}

export function formatCurrency(language: string, value: number, currency = 'EUR', compact = false): string {
  return cached(
    `cur:${language}:${currency}:${compact}`,
    () =>
      new Intl.NumberFormat(localeOf(language), {
        style: 'currency',
        currency,
        // Compact figures keep three significant digits: "38,8 Mio. €", "339.000 €", "€339K".
        ...(compact ? { notation: 'compact', maximumSignificantDigits: 3 } : { maximumFractionDigits: 0 }),
      }),
  ).format(value);
}

/**
 * An amount in its currency; without a known currency a plain number, never a guessed symbol
 * (a US-dollar export labelled € is a wrong figure that looks right).
 */
export function formatMoney(language: string, value: number, currency: string | null, compact = false): string {
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    try {
      return formatCurrency(language, value, currency, compact);
    } catch {
      // An unknown ISO-like code (Intl throws): the number with the code beside it.
    }
  }
  const number = compact
    ? cached(`compact:${language}`, () => new Intl.NumberFormat(localeOf(language), { notation: 'compact', maximumSignificantDigits: 3 })).format(value)
    : formatInteger(language, Math.round(value));
  return currency ? `${number} ${currency}` : number;
}

/** "2025-03" → "Mar 2025" / "März 2025" */
export function formatMonth(language: string, yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number);
  if (!year || !month) return yearMonth;
  return cached(`month:${language}`, () => new Intl.DateTimeFormat(localeOf(language), { month: 'short', year: 'numeric', timeZone: 'UTC' })).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}

/** Date and time of an ISO timestamp, e.g. "27 Nov 2026, 17:10" / "27.11.2026, 17:10". */
export function formatDateTime(language: string, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * A calendar day, e.g. "27 Nov 2026" / "27.11.2026": as DuckDB's DATE arrives (epoch milliseconds of
 * its UTC midnight) or as text (yyyy-mm-dd). Formatted in UTC, so the browser's time zone cannot shift it.
 */
export function formatDate(language: string, day: number | string): string {
  const date = typeof day === 'number' ? new Date(day) : new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return String(day);
  return cached(`date:${language}`, () => new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeZone: 'UTC' })).format(date);
}

/** A plain number with up to `digits` decimals (at least `minDigits`), e.g. "43,994.02" / "43.994,02". */
export function formatNumber(language: string, value: number, digits = 2, minDigits = 0): string {
  return cached(`num:${language}:${digits}:${minDigits}`, () => new Intl.NumberFormat(localeOf(language), { minimumFractionDigits: minDigits, maximumFractionDigits: digits })).format(value);
}

/**
 * A range of days as users read it: whole months as months ("Jan – Dec 2026", "Jan.–Dez. 2026"),
 * other ranges as days ("1 Jan – 3 Dec 2026", "01.01. – 03.12.2026"); Intl drops the repeated year.
 * Its thin spaces around the dash become plain ones: ICU versions differ there, the text must not.
 */
export function formatDayRange(language: string, from: string, to: string, wholeMonths: boolean): string {
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  if (Number.isNaN(day(from).getTime()) || Number.isNaN(day(to).getTime())) return `${from} – ${to}`;
  const options: Intl.DateTimeFormatOptions = wholeMonths ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' };
  return cached(`range:${language}:${wholeMonths}`, () => new Intl.DateTimeFormat(localeOf(language), options))
    .formatRange(day(from), day(to))
    .replace(/[\u2009\u202f]/g, ' ');
}
