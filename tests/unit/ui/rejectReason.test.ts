import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { de } from '../../../src/ui/i18n/de';
import { en } from '../../../src/ui/i18n/en';
import { rejectReasonText } from '../../../src/ui/import/useRejectReason';

describe('reject reasons in the user language', async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { de: { translation: de }, en: { translation: en } }, lng: 'de', interpolation: { escapeValue: false } });
  const inGerman = (reason: string) => rejectReasonText(reason, (key, values) => i18n.t(key, values));

  it('translates the reasons the import writes, with readable date formats', () => {
    expect(inGerman('required value missing')).toBe('Pflichtwert fehlt');
    expect(inGerman('not a date (expected %d.%m.%Y or excel-serial)')).toBe('kein Datum (erwartet dd.mm.yyyy, Excel)');
    expect(inGerman('duplicate of line 17')).toBe('gleiche ID wie Zeile 17');
    expect(inGerman('MISSING COLUMNS: Expected Number of Columns: 6 Found: 3')).toBe('zu wenige Spalten: 3 statt 6');
    expect(inGerman('too few columns: 3 instead of 6')).toBe('zu wenige Spalten: 3 statt 6');
    expect(inGerman('too many columns: more than 6')).toBe('zu viele Spalten: mehr als 6');
    expect(inGerman('record longer than 2,000,000 bytes')).toBe('Datensatz länger als 2,000,000 Bytes');
  });

  it('translates the number format, plausible range and Excel day zero reasons', () => {
    expect(inGerman("not in the column's number format (decimal comma: 1.234,56)")).toBe('passt nicht zum Zahlenformat der Spalte (Dezimalkomma: 1.234,56)');
    expect(inGerman("not in the column's number format (decimal point: 1,234.56)")).toBe('passt nicht zum Zahlenformat der Spalte (Dezimalpunkt: 1,234.56)');
    expect(inGerman('outside the plausible dates 1990-01-01 … 2027-12-03')).toBe('außerhalb der plausiblen Daten 1990-01-01 … 2027-12-03');
    expect(inGerman("Excel's day zero (1899-12-30): an empty or time-only cell in Excel")).toBe('Excels Tag null (1899-12-30): in Excel eine leere Zelle oder eine reine Uhrzeit');
  });

  it('shows a reason it does not know as it is', () => {
    expect(inGerman('UNQUOTED VALUE: Value with unterminated quote found.')).toBe('UNQUOTED VALUE: Value with unterminated quote found.');
  });
});
