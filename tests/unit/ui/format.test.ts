import { describe, expect, it } from 'vitest';
import { formatCurrency, formatInteger, formatMonth, formatPercent } from '../../../src/ui/i18n/format';

describe('locale formatting', () => {
  it('formats numbers the German and the English way', () => {
    expect(formatInteger('de', 1234567)).toBe('1.234.567');
    expect(formatInteger('en', 1234567)).toBe('1,234,567');
    expect(formatPercent('de', 0.1234)).toMatch(/^12,3\s?%$/);
    expect(formatPercent('en', 0.1234)).toBe('12.3%');
    expect(formatPercent('en', null)).toBe('–');
  });
  it('formats euros and months', () => {
    expect(formatCurrency('de', 1234.5)).toMatch(/^1\.235\s?€$/);
    expect(formatCurrency('en', 1234.5)).toBe('€1,235');
    expect(formatMonth('de', '2025-03')).toMatch(/^März 2025$/);
    expect(formatMonth('en', '2025-03')).toBe('Mar 2025');
  });
});

describe('compact currency', () => {
  it('keeps three significant digits in both languages', () => {
    expect(formatCurrency('de', 38_766_051, 'EUR', true)).toMatch(/^38,8\sMio\.\s€$/);
    expect(formatCurrency('de', 339_318.9, 'EUR', true)).toMatch(/^339\.000\s€$/);
    expect(formatCurrency('en', 339_318.9, 'EUR', true)).toBe('€339k');
  });
});
