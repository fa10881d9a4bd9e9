import type { Cell } from '../../db/arrowRows';
import { formatDate, formatInteger, formatNumber } from '../i18n/format';
import type { ColumnKind } from './explorerColumns';

/** A cell as the user reads it, in the UI's locale ('' for a blank). */
export function displayCell(language: string, kind: ColumnKind, value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'number') return String(value);
  switch (kind) {
    case 'date':
      return formatDate(language, value);
    case 'integer':
      return formatInteger(language, value);
    case 'number':
      return formatNumber(language, value);
    case 'money':
      return formatNumber(language, value, 2, 2);
    case 'text':
      return String(value);
  }
}

/** ISO day (yyyy-mm-dd) of a DATE that arrived as epoch milliseconds of its UTC midnight. */
export function isoDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/**
 * A cell as an export writes it, independent of the UI's locale so the file re-imports anywhere:
 * dates ISO, numbers as numbers (written with '.'), text as it is (the CSV writer neutralises it).
 */
export function exportCell(kind: ColumnKind, value: Cell): string | number | null {
  if (value === null) return null;
  if (kind === 'date' && typeof value === 'number') return isoDay(value);
  return value as string | number;
}
