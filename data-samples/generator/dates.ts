/**
 * Calendar of the story. Dates are whole days counted from 1970-01-01 (UTC), so arithmetic is
 * integer arithmetic and nothing depends on the machine's time zone or clock.
 */
const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** First and last day a lead can be created, and the generator's fixed "today". */
export const FIRST_LEAD_DAY = dayOf(2024, 11, 1);
export const LAST_LEAD_DAY = dayOf(2026, 10, 31);
export const TODAY = dayOf(2026, 11, 15);
/** Data quality starts to decay here (the guideline's downward spiral). */
export const DECAY_START_DAY = dayOf(2026, 5, 1);

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function ymdOf(day: number): Ymd {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

/** "2025-Q1" */
export function quarterOf(day: number): string {
  const { year, month } = ymdOf(day);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** Quarters from the one containing `first` to the one containing `last`, e.g. 2024-Q4 … 2026-Q4. */
export function quartersBetween(first: number, last: number): string[] {
  const out: string[] = [];
  const a = ymdOf(first);
  const b = ymdOf(last);
  let y = a.year;
  let q = Math.floor((a.month - 1) / 3) + 1;
  const endQ = Math.floor((b.month - 1) / 3) + 1;
  while (y < b.year || (y === b.year && q <= endQ)) {
    out.push(`${y}-Q${q}`);
    q += 1;
    if (q > 4) {
      q = 1;
      y += 1;
    }
  }
  return out;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Formatted dates are looked up in tables covering the years the story can touch. */
const TABLE_FIRST = dayOf(2020, 1, 1);
const TABLE_DAYS = dayOf(2031, 1, 1) - TABLE_FIRST;
const isoTable: (string | undefined)[] = new Array<string | undefined>(TABLE_DAYS);
const germanTable: (string | undefined)[] = new Array<string | undefined>(TABLE_DAYS);
const quarterTable = new Int32Array(TABLE_DAYS).fill(-1);

function formatIso(day: number): string {
  const { year, month, day: d } = ymdOf(day);
  return `${year}-${pad2(month)}-${pad2(d)}`;
}

function formatGerman(day: number): string {
  const { year, month, day: d } = ymdOf(day);
  return `${pad2(d)}.${pad2(month)}.${year}`;
}

/** yyyy-mm-dd */
export function isoDate(day: number): string {
  const k = day - TABLE_FIRST;
  if (k < 0 || k >= TABLE_DAYS) return formatIso(day);
  return (isoTable[k] ??= formatIso(day));
}

/** dd.mm.yyyy */
export function germanDate(day: number): string {
  const k = day - TABLE_FIRST;
  if (k < 0 || k >= TABLE_DAYS) return formatGerman(day);
  return (germanTable[k] ??= formatGerman(day));
}

/** Quarters counted from 2020-Q1 (0), for cheap per-row bookkeeping. */
export function quarterIndexOf(day: number): number {
  const k = day - TABLE_FIRST;
  if (k >= 0 && k < TABLE_DAYS && quarterTable[k]! >= 0) return quarterTable[k]!;
  const { year, month } = ymdOf(day);
  const q = (year - 2020) * 4 + Math.floor((month - 1) / 3);
  if (k >= 0 && k < TABLE_DAYS) quarterTable[k] = q;
  return q;
}

/** "2025-Q1" for a quarterIndexOf value. */
export function quarterLabel(index: number): string {
  return `${2020 + Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}
