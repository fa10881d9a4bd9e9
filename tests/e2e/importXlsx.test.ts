import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { expectedFigures } from '../support/expectedFigures';
import { germanLeadsWorkbook, workbookFromCsvRows } from '../support/workbooks';
import { foreignRequests, kpiValues, openApp, ROOT, upload, useBuiltApp } from './harness';


describe('importing Excel workbooks in headless Chromium', () => {
  const app = useBuiltApp();
  const dir = mkdtempSync(path.join(tmpdir(), 'leadloop-e2e-xlsx-'));

  it('imports the sample leads as an .xlsx: every row loaded, the sheet named, nothing fetched from elsewhere', async () => {
    const [header = [], ...rows] = Papa.parse<string[]>(readFileSync(path.join(ROOT, 'data-samples/en/leads.csv'), 'utf8'), { skipEmptyLines: true }).data;
    const file = path.join(dir, 'leads.xlsx');
    writeFileSync(file, await workbookFromCsvRows(header, rows));

    const { page, requests, errors } = await openApp(app.browser, app.server.origin, '#/import');
    expect(requests.filter((url) => url.includes('xlsxWorker'))).toEqual([]);
    const started = Date.now();
    await upload(page, [file], 1);
    console.log(`leads.xlsx (${rows.length} rows) imported in Chromium in ${Date.now() - started} ms`);
    const card = page.locator('[data-testid="import-report"][data-file="leads.xlsx"]');
    expect(await card.locator('h3').textContent()).toContain('→ Leads');
    expect(Number((await card.getByTestId('rows-loaded').textContent())?.replace(/[.,\s]/g, ''))).toBe(rows.length);
    expect(await card.getByTestId('rows-rejected').textContent()).toBe('0');
    expect(await card.getByTestId('sheet').textContent()).toBe('“Leads”, header in row 1');
    await page.click('[data-testid="nav-overview"]');
    await page.waitForSelector('[data-kpi="leads"]');
    const kpis = await kpiValues(page);
    expect([kpis.leads, kpis.mql, kpis.sql, kpis.opportunity, kpis.won]).toEqual(expectedFigures(path.join(ROOT, 'data-samples/en')).reached);
    // The workbook reader (exceljs, in a worker) came from the app's origin, and only now.
    expect(requests.some((url) => /\/assets\/xlsxWorker[^/]*\.js$/.test(url))).toBe(true);
    expect(foreignRequests(requests, app.server.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a German workbook’s sheet, notes and emptied cells by sheet row, and refuses a broken .xlsx and an .xls by name', async () => {
    const german = path.join(dir, 'Leads März.xlsx');
    writeFileSync(german, await germanLeadsWorkbook());
    const broken = path.join(dir, 'kaputt.xlsx');
    writeFileSync(broken, Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 200 }, (_, i) => i)]));
    const old = path.join(dir, 'alt.xls');
    writeFileSync(old, Buffer.from(Array.from({ length: 512 }, (_, i) => [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1][i] ?? 0)));

    const { page, requests, errors } = await openApp(app.browser, app.server.origin, '#/import');
    expect(await page.getAttribute('[data-testid="file-input"]', 'accept')).toContain('.xlsx');
    await upload(page, [german, broken, old], 3);
    const card = page.locator('[data-testid="import-report"][data-file="Leads März.xlsx"]');
    expect(await card.getByTestId('rows-loaded').textContent()).toBe('7');
    expect(await card.getByTestId('rows-rejected').textContent()).toBe('0');
    expect(await card.getByTestId('sheet').textContent()).toBe('“Leads”, header in row 1');
    expect(await card.getByTestId('sheet-notes').textContent()).toContain('1 cell with an Excel error was read as empty: F5: #N/A');
    await card.locator('[data-note="cleared"] summary').click();
    expect(await card.locator('[data-testid="cleared-table"] th').first().textContent()).toBe('Row');
    expect(await card.locator('[data-testid="cleared-table"] tbody tr').allTextContents()).toEqual(['6Amountzwölf']);
    const messages = await page.locator('[data-testid="import-error"]').allTextContents();
    expect(messages).toEqual([
      expect.stringMatching(/^kaputt\.xlsx: this is an Excel workbook but could not be read: \S/),
      'alt.xls: this is an old Excel workbook (.xls), which cannot be read here: save it as .xlsx or CSV',
    ]);
    await page.screenshot({ path: path.join(ROOT, 'tests/e2e/artifacts/import-xlsx.png'), fullPage: true });
    await page.click('[data-testid="nav-overview"]');
    await page.waitForSelector('[data-kpi="leads"]');
    expect(await page.getAttribute('[data-kpi="leads"]', 'data-value')).toBe('7');
    expect(foreignRequests(requests, app.server.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
