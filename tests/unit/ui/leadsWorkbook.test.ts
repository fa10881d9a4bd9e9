import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createLeadsWorkbook } from '../../../src/ui/export/leadsWorkbook';

describe('explorer XLSX export', () => {
  it('writes text as text (never a formula), numbers as numbers and dates as real dates', async () => {
    const workbook = await createLeadsWorkbook([
      { header: 'Lead ID', kind: 'text' },
      { header: 'Created Date', kind: 'date' },
      { header: 'Company', kind: 'text' },
      { header: 'Amount', kind: 'number' },
    ]);
    workbook.addRows([['L1', Date.UTC(2025, 2, 7), '=1+1', 1234.5]]);
    workbook.addRows([['L2', null, '+49 30 123', null]]);
    const bytes = await workbook.finish();

    const read = new ExcelJS.Workbook();
    await read.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = read.worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Lead ID', 'Created Date', 'Company', 'Amount']);
    const formula = sheet.getCell('C2');
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.value).toBe('=1+1');
    expect(sheet.getCell('C3').value).toBe('+49 30 123');
    const date = sheet.getCell('B2');
    expect(date.type).toBe(ExcelJS.ValueType.Date);
    expect((date.value as Date).toISOString()).toBe('2025-03-07T00:00:00.000Z');
    expect(sheet.getCell('D2').value).toBe(1234.5);
    expect(sheet.getCell('D3').value).toBeNull();
  });
});
