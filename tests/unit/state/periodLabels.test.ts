import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { coversWholeMonths, includesCurrentMonth, resolvePeriod } from '../../../src/state/period';
import { presetLabels } from '../../../src/ui/filters/periodLabels';
import { de } from '../../../src/ui/i18n/de';
import { en } from '../../../src/ui/i18n/en';

// A fixed "today", never the wall clock: the example day.
const TODAY = '2026-12-03';

describe('period presets on 3 Dec 2026', () => {
  it.each([
    ['this_quarter', '2026-10-01', '2026-12-31'],
    ['last_quarter', '2026-07-01', '2026-09-30'],
    ['year_to_date', '2026-01-01', '2026-12-03'],
    ['last_12_months', '2026-01-01', '2026-12-31'],
  ] as const)('%s resolves to %s … %s', (preset, from, to) => {
    expect(resolvePeriod({ preset }, TODAY)).toEqual({ from, to });
  });

  it('knows which ranges are whole months and which include the month not over yet', () => {
    expect(coversWholeMonths({ from: '2026-01-01', to: '2026-12-31' })).toBe(true);
    expect(coversWholeMonths({ from: '2024-02-01', to: '2024-02-29' })).toBe(true);
    expect(coversWholeMonths({ from: '2026-01-01', to: '2026-12-03' })).toBe(false);
    expect(coversWholeMonths({ from: '2026-01-02', to: '2026-12-31' })).toBe(false);
    expect(includesCurrentMonth({ from: '2026-07-01', to: '2026-09-30' }, TODAY)).toBe(false);
    expect(includesCurrentMonth({ from: '2026-10-01', to: '2026-12-31' }, TODAY)).toBe(true);
  });

  const labelsIn = async (lng: 'de' | 'en') => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { de: { translation: de }, en: { translation: en } }, lng, interpolation: { escapeValue: false } });
    return Object.fromEntries(presetLabels(TODAY, lng, (key, values) => i18n.t(key, values)).map((p) => [p.preset, p.label]));
  };

  it('label each preset with its range in English, saying when the current month is included', async () => {
    expect(await labelsIn('en')).toEqual({
      this_quarter: 'This quarter (Oct – Dec 2026, current month included)',
      last_quarter: 'Last quarter (Jul – Sept 2026)',
      year_to_date: 'Year to date (1 Jan – 3 Dec 2026, current month included)',
      last_12_months: 'Last 12 months (Jan – Dec 2026, current month included)',
    });
  });

  it('label each preset with its range in German', async () => {
    expect(await labelsIn('de')).toEqual({
      this_quarter: 'Dieses Quartal (Okt.–Dez. 2026, laufender Monat enthalten)',
      last_quarter: 'Letztes Quartal (Juli–Sept. 2026)',
      year_to_date: 'Seit Jahresbeginn (01.01. – 03.12.2026, laufender Monat enthalten)',
      last_12_months: 'Letzte 12 Monate (Jan.–Dez. 2026, laufender Monat enthalten)',
    });
  });

  it('spans two years with both years named', async () => {
    const labels = Object.fromEntries(
      presetLabels('2026-01-15', 'en', (key, values) => (key.startsWith('filters.') ? key.slice(15) : `${values?.name} (${values?.range})`)).map((p) => [p.preset, p.label]),
    );
    expect(labels.last_12_months).toBe('last_12_months (Feb 2025 – Jan 2026)');
    expect(labels.last_quarter).toBe('last_quarter (Oct – Dec 2025)');
  });
});
