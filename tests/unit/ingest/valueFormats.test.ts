import { describe, expect, it } from 'vitest';
import { detectDateFormats, detectDecimalSeparator } from '../../../src/ingest/valueFormats';

describe('detectDecimalSeparator', () => {
  it('reads German and English conventions from unambiguous cells', () => {
    expect(detectDecimalSeparator(['148.577,34', '12,5', '7'])).toBe(',');
    expect(detectDecimalSeparator(['148,577.34', '12.5', '7'], ',')).toBe('.');
  });
  it('falls back to the hint when every cell is ambiguous or integer', () => {
    expect(detectDecimalSeparator(['1.234', '42', ''], ',')).toBe(',');
    expect(detectDecimalSeparator(['1.234', '42'])).toBe('.');
  });
});

describe('detectDateFormats', () => {
  it.each([
    [['2025-01-31', '2025-02-01'], ['%Y-%m-%d']],
    [['2025-01-31 14:05:00', '2025-02-01T08:00'], ['%Y-%m-%d']],
    [['31.01.2025', '01.02.2025'], ['%d.%m.%Y']],
    [['31.01.25', '1.2.25'], ['%d.%m.%y']],
    [['01/31/2025', '02/01/2025'], ['%m/%d/%Y']],
    [['31/01/2025', '02/01/2025', '13/01/2025'], ['%d/%m/%Y']],
    [['45658', '45689.5'], ['excel-serial']],
  ])('%j → %j', (values, formats) => expect(detectDateFormats(values)).toEqual(formats));

  it('finds every format of a column with mixed formats, most used first', () => {
    expect(detectDateFormats(['31.01.2025', '2025-02-01', '02.02.2025', '45658'])).toEqual(['%d.%m.%Y', '%Y-%m-%d', 'excel-serial']);
  });

  it('leaves values no format reads to be rejected', () => {
    expect(detectDateFormats(['01.03.2025', '32.13.2025', '02.03.2025'])).toEqual(['%d.%m.%Y']);
    expect(detectDateFormats(['32.01.2025'])).toEqual([]);
    expect(detectDateFormats(['', ' '])).toEqual([]);
  });

  it('reads a month alone only in a column declared a month', () => {
    expect(detectDateFormats(['2025-01', '2025-12'])).toEqual([]);
    expect(detectDateFormats(['2025-01', '2025-12'], true)).toEqual(['%Y-%m']);
    expect(detectDateFormats(['01.2025', '1.2025', '01/2025', '2025-03-01'], true)).toEqual(['%m.%Y', '%Y-%m-%d', '%m/%Y']);
    expect(detectDateFormats(['13.2025', '2025-13'], true)).toEqual([]);
  });
});
