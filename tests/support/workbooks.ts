import ExcelJS from 'exceljs';

/** Workbooks for the XLSX tests, written with exceljs as Excel would store them. */

export const GERMAN_HEADERS = ['Lead-Nr.', 'Erstellt am', 'Leadquelle', 'Status', 'Firma', 'Betrag'];
const day = (d: string) => new Date(`${d}T00:00:00Z`);

/**
 * A German leads sheet with every kind of cell: Date cells, a German date as text, numeric amounts mixed with "1.234,56" as text, a formula with its cached result, rich
 * text, a hyperlink, a cell with a line break and a comma, an #N/A error, a bad amount ("zwölf"),
 * an empty row in the middle and empty (styled, blank) rows and columns at the end.
 */
export async function germanLeadsWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Leads');
  sheet.addRow(GERMAN_HEADERS);
  sheet.addRow(['L1', day('2025-01-31'), 'Messe', 'Neu', 'Bäckerei Süß', 1234.5]);
  sheet.addRow(['L2', day('2025-02-01'), 'Webformular', 'Neu', 'Café „Müller“ – 5 €', '1.234,56']);
  sheet.addRow(['L3', day('2025-02-03'), 'Mailing', 'Neu', 'Müller GmbH, Werk 2\nHalle 3', { formula: 'F2*2', result: 2469 }]);
  sheet.addRow(['L4', '05.02.2025', 'Anzeige', 'Neu', 'Weiß AG', { error: '#N/A' }]);
  sheet.addRow(['L5', day('2025-02-05'), 'Messe', 'Neu', 'Schulz & Söhne', 'zwölf']);
  sheet.addRow([
    'L6',
    day('2025-02-06'),
    { richText: [{ text: 'Web', font: { bold: true } }, { text: 'formular' }] },
    'Neu',
    { text: 'Example AG', hyperlink: 'https://example.com' },
    99.99,
  ]);
  sheet.addRow([]);
  sheet.addRow(['L7', day('2025-02-07'), 'Telemarketing', 'Gewonnen', '€uro Trade', 1_000_000]);
  // Trailing rows and columns that Excel keeps because they were formatted or cleared.
  sheet.getCell('A11').value = '';
  sheet.getCell('B12').value = '   ';
  sheet.getCell('H2').style = { numFmt: '0.00' };
  sheet.getCell('C14').style = { font: { bold: true } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** What the German workbook loads to, by lead id; L5's amount ("zwölf") is emptied, and listed with its sheet row. */
export const GERMAN_EXPECTED = {
  L1: { created_at: Date.UTC(2025, 0, 31), medium: 'trade_fair', company: 'Bäckerei Süß', amount: 1234.5, _line: 2 },
  L2: { created_at: Date.UTC(2025, 1, 1), medium: 'web', company: 'Café „Müller“ – 5 €', amount: 1234.56, _line: 3 },
  L3: { created_at: Date.UTC(2025, 1, 3), medium: 'direct_mail', company: 'Müller GmbH, Werk 2\nHalle 3', amount: 2469, _line: 4 },
  L4: { created_at: Date.UTC(2025, 1, 5), medium: 'ad', company: 'Weiß AG', amount: null, _line: 5 },
  L5: { created_at: Date.UTC(2025, 1, 5), medium: 'trade_fair', company: 'Schulz & Söhne', amount: null, _line: 6 },
  L6: { created_at: Date.UTC(2025, 1, 6), medium: 'web', company: 'Example AG', amount: 99.99, _line: 7 },
  L7: { created_at: Date.UTC(2025, 1, 7), medium: 'telemarketing', stage: 'won', company: '€uro Trade', amount: 1_000_000, _line: 9 },
} as const;

/** Leads as the data-samples CSV has them (English headers), as a workbook: ISO dates as Date cells, numbers as numbers. */
export async function workbookFromCsvRows(header: readonly string[], rows: readonly (readonly string[])[], sheetName = 'Leads'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...header]);
  for (const row of rows) {
    sheet.addRow(row.map((value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : /^-?\d+(\.\d+)?$/.test(value) && !/^0\d/.test(value) ? Number(value) : value)));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
