import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeCodec, nodeInput } from '../../etl/nodeCodec';
import { toRows } from '../../src/db/arrowRows';
import type { Db } from '../../src/db/types';
import { importCsv } from '../../src/services/importCsv';
import { GERMAN_EXPECTED, germanLeadsWorkbook } from '../support/workbooks';
import { ENGINES } from './helpers/engines';

const CFB_HEADER = Uint8Array.from({ length: 512 }, (_, i) => [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1][i] ?? 0);

async function workbookBytes(build: (sheet: ExcelJS.Worksheet) => void, name = 'Leads'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet(name));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe.each(ENGINES)('XLSX import on $name', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  const load = (fileName: string, bytes: Uint8Array) => importCsv(db, { fileName, source: { kind: 'bytes', bytes }, head: bytes.subarray(0, 65536) }, nodeCodec);
  const leads = async () =>
    toRows(await db.query({ sql: 'SELECT lead_id, created_at, medium, stage, company, amount, _source, _line FROM leads ORDER BY _line', params: [] }));

  it('loads a German workbook: dates, exact amounts, umlauts and €; empties a bad amount and names it by its sheet row', async () => {
    const report = await load('Leads März.xlsx', await germanLeadsWorkbook());
    expect(report).toMatchObject({ fileName: 'Leads März.xlsx', kind: 'leads', rowsRead: 7, rowsLoaded: 7, rowsRejected: 0 });
    expect(report.format.decimalSeparator).toBe(',');
    expect(report.sheet).toEqual({ name: 'Leads', headerRow: 1, otherSheets: [], notes: [{ kind: 'errorCells', count: 1, examples: ['F5: #N/A'] }] });
    // L5 is in sheet row 6, although the line break in row 4 puts it on line 7 of the CSV.
    expect(report.rejects).toEqual([]);
    expect(report.cleared).toEqual([{ line: 6, column_name: 'amount', value: 'zwölf', reason: 'not a number' }]);
    const rows = await leads();
    expect(rows.map((r) => r.lead_id)).toEqual(Object.keys(GERMAN_EXPECTED));
    for (const row of rows) {
      expect(row).toMatchObject({ ...GERMAN_EXPECTED[row.lead_id as keyof typeof GERMAN_EXPECTED], _source: 'Leads März.xlsx' });
    }
  });

  it('reads decimal amounts right when a German sheet’s first 1,000 amounts are whole numbers', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['Lead-Nr.', 'Erstellt am', 'Leadquelle', 'Status', 'Betrag']);
      for (let i = 1; i <= 1500; i++) sheet.addRow([`L${i}`, new Date(Date.UTC(2025, 0, 1 + (i % 28))), 'Messe', 'Neu', i]);
      sheet.addRow(['L1501', new Date(Date.UTC(2025, 1, 1)), 'Messe', 'Neu', 1234.5]);
      sheet.addRow(['L1502', new Date(Date.UTC(2025, 1, 2)), 'Messe', 'Neu', '1.234,56']);
    });
    const report = await load('gross.xlsx', bytes);
    expect(report).toMatchObject({ rowsLoaded: 1502, rowsRejected: 0, delimiter: ';', format: { decimalSeparator: ',' } });
    const amounts = toRows(await db.query({ sql: "SELECT amount FROM leads WHERE lead_id IN ('L1500', 'L1501', 'L1502') ORDER BY _line", params: [] }));
    expect(amounts.map((r) => r.amount)).toEqual([1500, 1234.5, 1234.56]);
  });

  it('reads a workbook from disk, and names repeated ids by their sheet rows', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.getCell('A1').value = 'Export vom 01.03.2025';
      sheet.getRow(3).values = ['Lead ID', 'Created Date', 'Lead Source', 'Lead Status', 'Amount'];
      sheet.getRow(4).values = ['L1', new Date(Date.UTC(2025, 2, 1, 9, 45)), 'Website', 'Open', 10.25];
      sheet.getRow(6).values = ['L1', new Date(Date.UTC(2025, 2, 2)), 'Website', 'Open', '1,234.50'];
    });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'leadloop-xlsx-')), 'leads.xlsx');
    writeFileSync(file, bytes);
    const report = await importCsv(db, nodeInput(file), nodeCodec);
    expect(report).toMatchObject({ rowsRead: 2, rowsLoaded: 1, format: { decimalSeparator: '.' }, sheet: { headerRow: 3 } });
    expect(report.rejects).toEqual([{ line: 6, column_name: 'lead_id', value: 'L1', reason: 'duplicate of row 4' }]);
    expect((await leads()).map((r) => [r.lead_id, r.created_at, r.amount, r._line])).toEqual([['L1', Date.UTC(2025, 2, 1), 10.25, 4]]);
  });

  it('refuses a corrupt or truncated workbook, an old .xls and an encrypted one, naming the file', async () => {
    const before = await leads();
    await expect(load('kaputt.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 200 }, (_, i) => i)]))).rejects.toThrow(
      /^kaputt\.xlsx: this is an Excel workbook but could not be read: \S/,
    );
    const whole = await germanLeadsWorkbook();
    await expect(load('halb.xlsx', whole.subarray(0, whole.length >> 1))).rejects.toThrow(/^halb\.xlsx: this is an Excel workbook but could not be read/);
    await expect(load('alt.xls', CFB_HEADER)).rejects.toThrow('alt.xls: this is an old Excel workbook (.xls), which cannot be read here: save it as .xlsx or CSV');
    await expect(load('geheim.xlsx', CFB_HEADER)).rejects.toThrow(/^geheim\.xlsx: this Excel workbook is password-protected \(encrypted\)/);
    await expect(load('leer.xlsx', await workbookBytes(() => undefined, 'Tabelle1'))).rejects.toThrow('leer.xlsx: the workbook has no sheet with data');
    // A failed import leaves the previous data as it was.
    expect(await leads()).toEqual(before);
  });
});
