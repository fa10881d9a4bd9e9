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
});
