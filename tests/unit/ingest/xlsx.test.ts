import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { sniffCsv } from '../../../src/ingest/sniffCsv';
import { detectDateFormats, detectDecimalSeparator } from '../../../src/ingest/valueFormats';
import { cellRaw, columnLetters, csvField, isoDateTime, loadWorkbook, plainNumber, workbookFormat, workbookToCsv } from '../../../src/ingest/xlsx';
import { germanLeadsWorkbook, GERMAN_HEADERS } from '../../support/workbooks';

const parse = (csv: string, delimiter: string) => Papa.parse<string[]>(csv, { delimiter, skipEmptyLines: true }).data;

/** What the import's SQL does with a number text for one decimal separator per file. */
const asImported = (text: string, separator: ',' | '.') =>
  Number(separator === ',' ? text.replaceAll('.', '').replace(',', '.') : text.replaceAll(',', ''));

async function sheetCsv(build: (workbook: ExcelJS.Workbook) => void) {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const csv = workbookToCsv(await loadWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer())));
  if (!csv) throw new Error('no sheet with data');
  return csv;
}

describe('csvField', () => {
  it('quotes only what needs it and doubles quotes', () => {
    expect(csvField('Weiß AG', ',')).toBe('Weiß AG');
    expect(csvField('Schmidt, Meier & Partner', ',')).toBe('"Schmidt, Meier & Partner"');
    expect(csvField('Schmidt, Meier', ';')).toBe('Schmidt, Meier');
    expect(csvField('1234,5', ';')).toBe('1234,5');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('"Blaue Welle" AG', ',')).toBe('"""Blaue Welle"" AG"');
    expect(csvField('Zeile 1\nZeile 2', ',')).toBe('"Zeile 1\nZeile 2"');
    expect(csvField('', ',')).toBe('');
  });
});

describe('cell conversion', () => {
  it('writes numbers as plain digits in the chosen decimal convention, with Excel’s 15 digits', () => {
    expect(plainNumber(1234.56, '.')).toBe('1234.56');
    expect(plainNumber(1234.56, ',')).toBe('1234,56');
    expect(plainNumber(1_000_000, ',')).toBe('1000000');
    expect(plainNumber(0.1 + 0.2, '.')).toBe('0.3');
    expect(plainNumber(-12.5, ',')).toBe('-12,5');
    expect(plainNumber(1e21, '.')).toBe('1000000000000000000000');
    expect(plainNumber(1.5e-7, '.')).toBe('0.00000015');
    expect(plainNumber(-0, '.')).toBe('0');
    expect(plainNumber(Number.NaN, '.')).toBe('');
  });

  it('writes dates as ISO, with the time when there is one, rounded to the second', () => {
    expect(isoDateTime(new Date(Date.UTC(2025, 0, 31)))).toBe('2025-01-31');
    expect(isoDateTime(new Date(Date.UTC(2025, 1, 1, 14, 30)))).toBe('2025-02-01 14:30:00');
    // A serial number's binary fraction: 23:59:59.9996 is midnight of the next day.
    expect(isoDateTime(new Date(Date.UTC(2025, 0, 31, 23, 59, 59, 999.6)))).toBe('2025-02-01');
    expect(isoDateTime(new Date(Date.UTC(1899, 11, 30, 8, 15)))).toBe('08:15:00');
    expect(isoDateTime(new Date(Number.NaN))).toBe('');
  });

  it('reads every kind of cell value', () => {
    expect(cellRaw(42, 'A1')).toBe(42);
    expect(cellRaw('Müller\r\nGmbH', 'A1')).toBe('Müller\nGmbH');
    expect(cellRaw('a\u0001b\tc', 'A1')).toBe('ab\tc');
    expect(cellRaw(true, 'A1')).toBe('true');
    expect(cellRaw(false, 'A1')).toBe('false');
    expect(cellRaw(null, 'A1')).toBe('');
    expect(cellRaw(new Date(Date.UTC(2025, 2, 1)), 'A1')).toBe('2025-03-01');
    expect(cellRaw({ richText: [{ text: 'Bäcker' }, { text: 'ei' }] }, 'A1')).toBe('Bäckerei');
    expect(cellRaw({ text: 'a@b.de', hyperlink: 'mailto:a@b.de' }, 'A1')).toBe('a@b.de');
    expect(cellRaw({ formula: 'B1*2', result: 12.5 }, 'A1')).toBe(12.5);
    expect(cellRaw({ sharedFormula: 'A1', result: 'text' }, 'A2')).toBe('text');
    expect(cellRaw({ formula: 'TODAY()', result: new Date(Date.UTC(2025, 2, 1)) }, 'A1')).toBe('2025-03-01');
    const noted: string[] = [];
    const notes = { add: (kind: string, example: string) => noted.push(`${kind} ${example}`) };
    expect(cellRaw({ error: '#N/A' }, 'C5', notes)).toBe('');
    expect(cellRaw({ formula: '1/0', result: { error: '#DIV/0!' } }, 'D7', notes)).toBe('');
    expect(cellRaw({ formula: 'NOW()' }, 'E2', notes)).toBe('');
    expect(noted).toEqual(['errorCells C5: #N/A', 'errorCells D7: #DIV/0!', 'formulasWithoutValue E2']);
  });

  it('names columns like Excel', () => {
    expect([1, 26, 27, 52, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});

describe('workbookFormat', () => {
  const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
  const cfb = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
  it('recognises workbooks by their first bytes and name', () => {
    expect(workbookFormat('Leads.XLSX', zip)).toBe('xlsx');
    expect(workbookFormat('leads.xlsm', zip)).toBe('xlsx');
    expect(workbookFormat('leads.xlsb', zip)).toBe('xlsb');
    expect(workbookFormat('leads.ods', zip)).toBe('ods');
    expect(workbookFormat('archive.zip', zip)).toBeNull();
    expect(workbookFormat('leads.xls', cfb)).toBe('xls');
    expect(workbookFormat('leads.xlsx', cfb)).toBe('encrypted');
    const encrypted = Uint8Array.from([...cfb, ...[...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(workbookFormat('download', encrypted)).toBe('encrypted');
    expect(workbookFormat('leads.xlsx', new TextEncoder().encode('Lead ID,Created Date\n'))).toBeNull();
  });
});

describe('workbookToCsv', () => {
  it('converts a German leads sheet to CSV the import reads right', async () => {
    const csv = workbookToCsv(await loadWorkbook(await germanLeadsWorkbook()));
    expect(csv).not.toBeNull();
    if (!csv) return;
    // "1.234,56" as text decides the convention: numbers get a decimal comma, so ';' separates like Excel in Germany.
    expect(csv.decimalSeparator).toBe(',');
    expect(csv.delimiter).toBe(';');
    expect(csv.records).toBe(7);
    expect(csv.csv).toBe(
      [
        GERMAN_HEADERS.join(';'),
        'L1;2025-01-31;Messe;Neu;Bäckerei Süß;1234,5',
        'L2;2025-02-01;Webformular;Neu;Café „Müller“ – 5 €;1.234,56',
        'L3;2025-02-03;Mailing;Neu;"Müller GmbH, Werk 2\nHalle 3";2469',
        'L4;05.02.2025;Anzeige;Neu;Weiß AG;',
        'L5;2025-02-05;Messe;Neu;Schulz & Söhne;zwölf',
        'L6;2025-02-06;Webformular;Neu;Example AG;99,99',
        'L7;2025-02-07;Telemarketing;Gewonnen;€uro Trade;1000000',
        '',
      ].join('\n'),
    );
    // The line break in row 4 and the empty row 8 shift the CSV lines against the sheet rows.
    expect([...csv.sheetRows]).toEqual([
      [6, 5],
      [7, 6],
      [8, 7],
    ]);
    expect(csv.summary).toEqual({ name: 'Leads', headerRow: 1, otherSheets: [], notes: [{ kind: 'errorCells', count: 1, examples: ['F5: #N/A'] }] });

    const [header, ...rows] = parse(csv.csv, csv.delimiter);
    expect(sniffCsv(csv.csv).delimiter).toBe(';');
    expect(header).toEqual(GERMAN_HEADERS);
    const amounts = rows.map((r) => r[5] ?? '');
    expect(detectDecimalSeparator(amounts, ',')).toBe(',');
    expect(amounts.filter((a) => a !== '' && a !== 'zwölf').map((a) => asImported(a, ','))).toEqual([1234.5, 1234.56, 2469, 99.99, 1_000_000]);
    expect(detectDateFormats(rows.map((r) => r[1] ?? ''))).toEqual(['%Y-%m-%d', '%d.%m.%Y']);
  });

  it('writes numbers with a decimal point when the number text is English, and notes the other convention', async () => {
    const csv = await sheetCsv((workbook) => {
      const sheet = workbook.addWorksheet('Deals');
      sheet.addRow(['Deal ID', 'Amount', 'Note']);
      sheet.addRow(['D1', 1234.5, '']);
      sheet.addRow(['D2', '1,234.56', '']);
      sheet.addRow(['D3', '12.5', 'a, b']);
      sheet.addRow(['D4', '7,5', '']);
    });
    expect(csv.decimalSeparator).toBe('.');
    expect(csv.delimiter).toBe(',');
    expect(parse(csv.csv, ',').slice(1)).toEqual([
      ['D1', '1234.5', ''],
      ['D2', '1,234.56', ''],
      ['D3', '12.5', 'a, b'],
      ['D4', '7,5', ''],
    ]);
    expect(csv.summary.notes).toEqual([{ kind: 'otherDecimalConvention', count: 1, examples: ['B5: 7,5'] }]);
  });

  it('writes numbers with a decimal point when no text says otherwise', async () => {
    const csv = await sheetCsv((workbook) => {
      const sheet = workbook.addWorksheet('Leads');
      sheet.addRow(['Lead ID', 'Amount']);
      sheet.addRow(['L1', 0.5]);
      sheet.addRow(['L2', '1.234']);
    });
    expect([csv.decimalSeparator, csv.delimiter]).toEqual(['.', ',']);
    expect(csv.csv).toBe('Lead ID,Amount\nL1,0.5\nL2,1.234\n');
  });

  it('takes the first visible sheet with data, skips a title above the header, and reads merged cells sensibly', async () => {
    const csv = await sheetCsv((workbook) => {
      workbook.addWorksheet('Deckblatt');
      const hidden = workbook.addWorksheet('hiddenSheet', { state: 'veryHidden' });
      hidden.addRow(['entity', 'lead']);
      const sheet = workbook.addWorksheet('Leads März');
      sheet.getCell('A1').value = 'Lead-Export März 2025';
      sheet.mergeCells('A1:D1');
      sheet.getRow(3).values = ['Lead-Nr.', 'Erstellt\nam', 'Leadquelle', 'Firma'];
      sheet.getRow(4).values = ['L1', new Date(Date.UTC(2025, 2, 1)), 'Messe', 'Alpha'];
      sheet.getRow(5).values = ['L2', new Date(Date.UTC(2025, 2, 2)), null, 'Beta'];
      sheet.mergeCells('C4:C5');
      sheet.getRow(6).values = ['L3', new Date(Date.UTC(2025, 2, 3)), 'Web', 'Gamma & Delta'];
      sheet.mergeCells('D6:E6');
      workbook.addWorksheet('Notizen').addRow(['nicht', 'gelesen']);
    });
    expect(csv.summary).toEqual({ name: 'Leads März', headerRow: 3, otherSheets: ['Deckblatt', 'Notizen'], notes: [] });
    // The header wrapped with Alt+Enter reads as one line; the merged Leadquelle applies to both rows.
    expect(csv.csv).toBe('Lead-Nr.,Erstellt am,Leadquelle,Firma\nL1,2025-03-01,Messe,Alpha\nL2,2025-03-02,Messe,Beta\nL3,2025-03-03,Web,Gamma & Delta\n');
    expect([...csv.sheetRows]).toEqual([
      [2, 4],
      [3, 5],
      [4, 6],
    ]);
  });

  it('counts formulas without a stored value, and finds no data in an empty workbook', async () => {
    const csv = await sheetCsv((workbook) => {
      const sheet = workbook.addWorksheet('Leads');
      sheet.addRow(['Lead ID', 'Score', 'Active']);
      sheet.addRow(['L1', { formula: 'RAND()' }, true]);
    });
    expect(csv.csv).toBe('Lead ID,Score,Active\nL1,,true\n');
    expect(csv.summary.notes).toEqual([{ kind: 'formulasWithoutValue', count: 1, examples: ['B2'] }]);

    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Tabelle1').getCell('B2').style = { font: { bold: true } };
    expect(workbookToCsv(await loadWorkbook(new Uint8Array(await empty.xlsx.writeBuffer())))).toBeNull();
  });

  it('refuses bytes that are not a workbook', async () => {
    await expect(loadWorkbook(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow();
  });
});
