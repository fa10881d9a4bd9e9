import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readCsv, reachedIndexOf, wonLeadsWithDealAmounts } from '../support/expectedFigures';
import { foreignRequests, kpiValues, openApp, ROOT, upload, useBuiltApp } from './harness';

/** The won leads of the sample export, with their won deals' amounts, found with none of the app's code. */
const sampleLeads = readCsv(path.join(ROOT, 'data-samples/en/leads.csv'));
const wonLeads = wonLeadsWithDealAmounts(path.join(ROOT, 'data-samples/en'));

const explorer = '[data-testid="lead-explorer"]';
const firstCell = (page: Page, column: string) => page.getAttribute(`${explorer} tbody tr:first-child td[data-column="${column}"]`, 'data-value');

/** Opens the explorer from a KPI card and waits for its count and first page. */
async function openExplorer(page: Page, kpi: string): Promise<number> {
  await page.click(`[data-testid="kpi-open-${kpi}"]`);
  await page.waitForSelector(`${explorer} [data-testid="explorer-count"][data-count]:not([data-count=""])`);
  await page.waitForSelector(`${explorer} tbody tr`);
  return Number(await page.getAttribute(`${explorer} [data-testid="explorer-count"]`, 'data-count'));
}

async function waitForFirstRowChange(page: Page, column: string, before: string | null): Promise<string | null> {
  await page.waitForFunction(
    ([c, b]) => document.querySelector(`[data-testid="lead-explorer"] tbody tr:first-child td[data-column="${c}"]`)?.getAttribute('data-value') !== b &&
      document.querySelector('[data-testid="explorer-table"]')?.getAttribute('aria-busy') === 'false',
    [column, before] as const,
  );
  return firstCell(page, column);
}

/** Clicks an export button and returns the downloaded file's path. */
async function exportFile(page: Page, format: 'csv' | 'xlsx', dir: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`[data-testid="explorer-export-${format}"]`)]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

const parseCsv = (file: string) => {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed;
};
const sumOf = (rows: readonly Record<string, string>[], column: string) => rows.reduce((sum, r) => sum + Number(r[column] || 0), 0);

describe('the Lead explorer in headless Chromium', () => {
  const app = useBuiltApp();

  it('lists the won leads behind the KPI: count, sort, paging, columns, keyboard and focus', async () => {
    const { page, requests, errors } = await openApp(app.browser, app.server.origin);
    const count = await openExplorer(page, 'won');
    expect(count).toBe(wonLeads.length);
    expect(count).toBe((await kpiValues(page)).won);
    expect(await page.textContent(`${explorer} h2`)).toBe('Leads that reached Won');
    expect(await page.getAttribute(explorer, 'role')).toBe('dialog');
    // Focus moved into the dialog.
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="lead-explorer"]'))).toBe(true);
    expect(await page.locator(`${explorer} tbody tr`).count()).toBe(50);
    const pages = Math.ceil(count / 50);
    expect(await page.textContent('[data-testid="explorer-page"]')).toBe(`Page 1 of ${pages}`);
    // Default order: by lead_id.
    const ids = wonLeads.map((l) => l['Lead ID'] ?? '').sort();
    expect(await firstCell(page, 'lead_id')).toBe(ids[0]);

    // Sorting by Amount (numbers start with the largest) puts the largest won lead amount first.
    await page.click(`${explorer} th[data-column="amount"] button`);
    const maxAmount = Math.max(...wonLeads.map((l) => Number(l.Amount || -Infinity)));
    expect(Number(await waitForFirstRowChange(page, 'lead_id', ids[0] ?? null).then(() => firstCell(page, 'amount')))).toBe(maxAmount);
    expect(await page.getAttribute(`${explorer} th[data-column="amount"]`, 'aria-sort')).toBe('descending');
    // Clicking again sorts ascending: the smallest amount first.
    const top = await firstCell(page, 'lead_id');
    await page.click(`${explorer} th[data-column="amount"] button`);
    await waitForFirstRowChange(page, 'lead_id', top);
    expect(Number(await firstCell(page, 'amount'))).toBe(Math.min(...wonLeads.filter((l) => l.Amount).map((l) => Number(l.Amount))));

    // Paging by keyboard: Next shows page 2 with other leads, Previous goes back.
    const firstOfPage1 = await firstCell(page, 'lead_id');
    await page.focus('[data-testid="explorer-next"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-testid="explorer-page"][data-page="2"]`);
    expect(await waitForFirstRowChange(page, 'lead_id', firstOfPage1)).not.toBe(firstOfPage1);
    expect(await page.textContent('[data-testid="explorer-page"]')).toBe(`Page 2 of ${pages}`);
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('explorer-previous');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-testid="explorer-page"][data-page="1"]`);
    expect(await waitForFirstRowChange(page, 'lead_id', null)).toBe(firstOfPage1);

    // The column chooser adds Email.
    expect(await page.$(`${explorer} th[data-column="email"]`)).toBeNull();
    await page.click('[data-testid="column-chooser"] summary');
    await page.check('[data-testid="column-chooser"] input[data-column="email"]');
    await page.waitForSelector(`${explorer} th[data-column="email"]`);
    await page.waitForFunction(() => (document.querySelector('[data-testid="lead-explorer"] tbody tr:first-child td[data-column="email"]')?.getAttribute('data-value') ?? '').includes('@'));
    expect(await page.textContent(`${explorer} th[data-column="email"]`)).toContain('Email');

    // Dates are shown in the UI locale (en-GB: "7 Mar 2025").
    expect(await page.textContent(`${explorer} tbody tr:first-child td[data-column="created_at"]`)).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);

    await page.screenshot({ path: path.join(ROOT, 'tests/e2e/artifacts/explorer-en.png') });
    // Escape closes it and focus returns to the KPI card that opened it.
    await page.keyboard.press('Escape');
    await page.waitForSelector(explorer, { state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('kpi-open-won');
    // The close button closes it too.
    await openExplorer(page, 'sql');
    await page.click('[data-testid="explorer-close"]');
    await page.waitForSelector(explorer, { state: 'detached' });
    expect(foreignRequests(requests, app.server.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('speaks German: title, count, dates, numbers and stage names in the German locale', async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin);
    await page.click('[data-testid="lang-de"]');
    await page.waitForSelector('h1:has-text("Übersicht")');
    const count = await openExplorer(page, 'mql');
    expect(count).toBe(sampleLeads.filter((lead) => reachedIndexOf(lead) >= 1).length);
    expect(await page.textContent(`${explorer} h2`)).toBe('Leads, die MQL erreicht haben');
    expect(await page.textContent('[data-testid="explorer-count"]')).toBe(`${new Intl.NumberFormat('de-DE').format(count)} Leads`);
    expect(await page.textContent(`${explorer} tbody tr:first-child td[data-column="created_at"]`)).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    expect(await page.textContent(`${explorer} th[data-column="stage"]`)).toContain('Stufe');
    const amounts = await page.$$eval(`${explorer} tbody td[data-column="amount"]`, (cells) => cells.map((c) => c.textContent ?? '').filter((t) => t !== ''));
    for (const amount of amounts) expect(amount).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}$/);
    const stages = await page.$$eval(`${explorer} tbody td[data-column="stage"]`, (cells) => cells.map((c) => c.textContent));
    expect(stages).toContain('Gewonnen');
    await page.click('[data-testid="explorer-close"]');
    await page.click('[data-testid="lang-en"]');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exports all listed leads as CSV that re-imports to the same rows, and as Excel', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'leadloop-explorer-'));
    const { page, requests, errors } = await openApp(app.browser, app.server.origin);
    const count = await openExplorer(page, 'won');
    const csvFile = await exportFile(page, 'csv', dir);
    const exported = parseCsv(csvFile);
    expect(exported.meta.fields).toEqual(['Lead ID', 'Created Date', 'Lead Source', 'Campaign ID', 'Company', 'Lead Owner', 'Sales Unit', 'Channel', 'Lead Status', 'Amount']);
    // Every listed lead, not only the page, and exactly the won leads of the sample.
    expect(exported.data).toHaveLength(count);
    expect(exported.data.map((r) => r['Lead ID']).sort()).toEqual(wonLeads.map((l) => l['Lead ID']).sort());
    expect(sumOf(exported.data, 'Amount')).toBeCloseTo(sumOf(wonLeads, 'Amount'), 2);
    expect(exported.data.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r['Created Date'] ?? ''))).toBe(true);

    const xlsxFile = await exportFile(page, 'xlsx', dir);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(count + 1);
    expect(sheet.getCell('B2').value).toBeInstanceOf(Date);
    expect(typeof sheet.getCell('A2').value).toBe('string');

    // The CSV goes back in through the Import page (replacing the sample) and lists the same leads.
    await page.keyboard.press('Escape');
    await page.click('[data-testid="nav-import"]');
    const reimport = path.join(dir, 'won-leads.csv');
    copyFileSync(csvFile, reimport);
    await upload(page, [reimport], 1);
    expect(await page.getByTestId('rows-rejected').textContent()).toBe('0');
    await page.click('[data-testid="nav-overview"]');
    expect((await kpiValues(page)).leads).toBe(count);
    const again = await openExplorer(page, 'leads');
    expect(again).toBe(count);
    const reexported = parseCsv(await exportFile(page, 'csv', dir));
    expect(reexported.data.map((r) => r['Lead ID'])).toEqual(exported.data.map((r) => r['Lead ID']));
    expect(sumOf(reexported.data, 'Amount')).toBeCloseTo(sumOf(exported.data, 'Amount'), 6);
    expect(reexported.data).toEqual(exported.data);
    expect(foreignRequests(requests, app.server.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so when no lead is behind a figure, and offers no export', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'leadloop-explorer-'));
    const file = path.join(dir, 'open-leads.csv');
    writeFileSync(file, 'Lead ID,Created Date,Lead Source,Lead Status\r\nE1,2025-01-02,Website,Open\r\nE2,2025-01-03,Trade Show,Open\r\n');
    const { page, errors } = await openApp(app.browser, app.server.origin, '#/import');
    await upload(page, [file], 1);
    await page.click('[data-testid="nav-overview"]');
    expect((await kpiValues(page)).won).toBe(0);
    await page.click('[data-testid="kpi-open-won"]');
    await page.waitForSelector('[data-testid="explorer-empty"]');
    expect(await page.textContent('[data-testid="explorer-count"]')).toBe('0 leads');
    expect(await page.isDisabled('[data-testid="explorer-export-csv"]')).toBe(true);
    expect(await page.$(`${explorer} table`)).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });
});
