import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toSafeCsv } from '../../../src/ingest/safeCsv';

describe('safe CSV export', () => {
  it('neutralises cells that spreadsheets would run as formulas', () => {
    for (const dangerous of ['=1+1', '+49 30 123', '-2', '@SUM(A1)', '\t=x', '\r=x']) expect(neutraliseFormula(dangerous)).toBe(`'${dangerous}`);
    expect(neutraliseFormula('Müller GmbH')).toBe('Müller GmbH');
  });

  it('quotes delimiters, quotes and line breaks so the file parses back to the same cells', () => {
    const rows = [{ line: 3, value: 'a, "b"\nc', reason: '=HYPERLINK("x")' }];
    const csv = toSafeCsv(rows, ['line', 'value', 'reason']);
    const parsed = Papa.parse<string[]>(csv).data;
    expect(parsed).toEqual([
      ['line', 'value', 'reason'],
      ['3', 'a, "b"\nc', `'=HYPERLINK("x")`],
    ]);
  });

  it('keeps numbers from numeric columns as numbers, and neutralises the same text', () => {
    const csv = toSafeCsv([{ amount: -5, note: '-5', score: 1.25 }], ['amount', 'note', 'score']);
    expect(Papa.parse<string[]>(csv).data).toEqual([
      ['amount', 'note', 'score'],
      ['-5', "'-5", '1.25'],
    ]);
  });

  it('writes header texts in place of the keys, or no header row for a later chunk', () => {
    const rows = [{ lead_id: 'L1', company: '=1+1' }];
    expect(toSafeCsv(rows, ['lead_id', 'company'], { headers: ['Lead ID', 'Company'] })).toBe("Lead ID,Company\r\nL1,'=1+1");
    expect(toSafeCsv(rows, ['lead_id', 'company'], { header: false })).toBe("L1,'=1+1");
  });
});
