import { describe, expect, it } from 'vitest';
import { rejectsCsv } from '../../../src/ui/import/rejectsCsv';

const rows = [
  { line: 3, column_name: 'amount', value: '1.234,5', reason: 'keine Zahl' },
  { line: 7, column_name: 'company', value: '=HYPERLINK("x")', reason: 'Müller; Söhne' },
  { line: 9, column_name: 'created_at', value: 12.5, reason: 'kein Datum (erwartet dd.mm.yyyy)' },
];
const german = { headers: ['Zeile', 'Spalte', 'Wert', 'Grund'], columnLabel: (c: string) => ({ amount: 'Betrag', company: 'Firma', created_at: 'Erstellt am' })[c] ?? c };

describe('the rejects download', () => {
  it('comes for German Excel as UTF-8 with BOM, ";" between cells, a decimal comma, German headers and column names, formula-safe', () => {
    const bytes = new TextEncoder().encode(rejectsCsv(rows, german));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toBe(
      '\uFEFF' +
        [
          'Zeile;Spalte;Wert;Grund',
          '3;Betrag;1.234,5;keine Zahl',
          // A cell with ";" or quotes is quoted, its quotes doubled; a formula gets a leading quote.
          `7;Firma;"'=HYPERLINK(""x"")";"Müller; Söhne"`,
          '9;Erstellt am;12,5;kein Datum (erwartet dd.mm.yyyy)',
        ].join('\r\n'),
    );
    // "ü" is UTF-8's two bytes, not Windows-1252's one.
    expect(Buffer.from(bytes).includes(Buffer.from([0xc3, 0xbc]))).toBe(true);
  });

  it('stays plain CSV otherwise: ",", a decimal point and the column codes', () => {
    expect(rejectsCsv(rows)).toBe(
      '\uFEFF' +
        ['line,column_name,value,reason', '3,amount,"1.234,5",keine Zahl', `7,company,"'=HYPERLINK(""x"")",Müller; Söhne`, '9,created_at,12.5,kein Datum (erwartet dd.mm.yyyy)'].join('\r\n'),
    );
  });
});
