import { describe, expect, it } from 'vitest';
import { dateRangeProblem, defaultDateRange } from '../../../src/domain/valueFormat';
import { numberStyleWarnings } from '../../../src/ingest/mappingWarnings';
import { detectDateFormats, looksLikeDate } from '../../../src/ingest/valueFormats';
import { strptimeFormats } from '../../../src/sql/valueSql';

describe('number styles in a column', () => {
  const rows: Record<string, string[]> = {
    Betrag: ['1.234,56', '1234.56', '12', '99,95', '1.234'],
    Amount: ['1,234.56', '12.5', '1,234', ''],
    Score: ['12,5', '3,75'],
  };
  const valuesOf = (header: string) => rows[header] ?? [];

  it('warns of a number column that mixes decimal comma and decimal point, not of one that keeps to one', () => {
    expect(numberStyleWarnings('leads', { amount: 'Betrag', lead_score: 'Score' }, valuesOf)).toEqual([{ column: 'amount', header: 'Betrag', comma: 2, point: 1 }]);
    expect(numberStyleWarnings('leads', { amount: 'Amount' }, valuesOf)).toEqual([]);
  });
});

describe('two-digit years and date-times', () => {
  it('detects dd.mm.yyyy for a column with some two-digit years, and dd.mm.yy for two-digit years only', () => {
    expect(detectDateFormats(['01.03.2025', '02.03.2025', '1.3.25'])).toEqual(['%d.%m.%Y']);
    expect(detectDateFormats(['31.01.25', '1.2.25'])).toEqual(['%d.%m.%y']);
    expect(detectDateFormats(['3/1/25', '12/31/2024'])).toEqual(['%m/%d/%Y']);
  });

  it('parses two-digit years by %y and four-digit ones by %Y, whichever was detected, each then with a time of day', () => {
    expect(strptimeFormats(['%d.%m.%Y'], true)).toEqual(['%d.%m.%y', '%d.%m.%y %H:%M', '%d.%m.%y %H:%M:%S']);
    expect(strptimeFormats(['%d.%m.%y'], false)).toEqual(['%d.%m.%Y', '%d.%m.%Y %H:%M', '%d.%m.%Y %H:%M:%S']);
    expect(strptimeFormats(['%d.%m.%Y %H:%M', '%m/%d/%Y'], true)).toEqual(['%d.%m.%y %H:%M', '%m/%d/%y', '%m/%d/%y %H:%M', '%m/%d/%y %H:%M:%S']);
    expect(strptimeFormats(['%Y-%m-%d %H:%M:%S'], true)).toEqual(['%Y-%m-%d %H:%M:%S']);
  });

  it('reads ISO date-times with Z, an offset or fractions of a second, and German date-times, as dates', () => {
    for (const v of ['2025-03-01T10:15:00', '2025-03-01 10:15:00', '2025-03-01T10:15:00Z', '2025-03-01T10:15:00+02:00', '2025-03-01T10:15:00.123-0500', '01.03.2025 10:15']) {
      expect(looksLikeDate(v), v).toBe(true);
    }
    expect(detectDateFormats(['2025-03-01T10:15:00Z', '2025-03-02T10:15:00+02:00'])).toEqual(['%Y-%m-%d']);
    expect(looksLikeDate('01.03.2025T10:15Z')).toBe(false);
  });
});

describe('the plausible range', () => {
  it('runs from 1990-01-01 to one year after today (UTC), and refuses a range that is none', () => {
    expect(defaultDateRange(new Date('2026-12-03T23:30:00Z'))).toEqual({ from: '1990-01-01', to: '2027-12-03' });
    expect(defaultDateRange(new Date('2028-02-29T00:00:00Z'))).toEqual({ from: '1990-01-01', to: '2029-03-01' });
    expect(dateRangeProblem({ from: '1990-01-01', to: '2030-12-31' })).toBeNull();
    expect(dateRangeProblem({ from: '2030-01-01', to: '1990-12-31' })).toBe('the plausible dates start (2030-01-01) after they end (1990-12-31)');
    expect(dateRangeProblem({ from: '1.1.1990', to: '2030-02-30' })).toBe('the plausible dates must be written yyyy-mm-dd, not "1.1.1990" … "2030-02-30"');
  });
});
