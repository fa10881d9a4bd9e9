import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { expectedFigures } from '../support/expectedFigures';
import { foreignRequests, kpiValues, openApp, ROOT, upload, useBuiltApp, type BuiltApp } from './harness';
const TABLES = ['leads', 'deals', 'campaigns', 'targets'] as const;
const dataLines = (file: string) => iconv.decode(readFileSync(file), 'win1252').split('\r\n').filter((l) => l !== '').length - 1;

async function openImportPage(app: BuiltApp) {
  const opened = await openApp(app.browser, app.server.origin, '#/import');
  expect(await opened.page.getAttribute('[data-phase]', 'data-phase')).toBe('ready');
  return opened;
}


const TABLE_NAMES: Record<string, string> = { leads: 'Leads', deals: 'Deals', campaigns: 'Campaigns (costs)', targets: 'Revenue targets' };

describe('importing exports in headless Chromium', () => {
  const app = useBuiltApp();
  const expected = expectedFigures(path.join(ROOT, 'data-samples/en'));

  it('imports the German Excel exports and shows the same figures as an independent count of the English ones', async () => {
    const { page, requests, errors } = await openImportPage(app);
    const files = TABLES.map((t) => path.join(ROOT, `data-samples/de/${t}.csv`));
    await upload(page, files, TABLES.length);
    for (const [i, table] of TABLES.entries()) {
      const card = page.locator(`[data-testid="import-report"][data-file="${table}.csv"]`);
      // The table by its name, not its code.
      expect(await card.locator('h3').textContent()).toContain(`→ ${TABLE_NAMES[table]}`);
      expect(Number((await card.getByTestId('rows-loaded').textContent())?.replace(/[.,]/g, ''))).toBe(dataLines(files[i]!));
      expect(await card.getByTestId('rows-rejected').textContent()).toBe('0');
      expect(await card.textContent()).toContain('windows-1252');
    }
    await page.screenshot({ path: path.join(ROOT, 'tests/e2e/artifacts/import-de.png'), fullPage: true });
    await page.click('[data-testid="nav-overview"]');
    await page.waitForSelector('[data-kpi="leads"]');
    const kpis = await kpiValues(page);
    expect([kpis.leads, kpis.mql, kpis.sql, kpis.opportunity, kpis.won]).toEqual(expected.reached);
    expect(kpis.revenue).toBeCloseTo(expected.revenue, 2);
    expect(await page.textContent('.status-bar')).toContain('from your imports');

    // The imports are stored in the browser: a reload shows the same figures without importing again.
    await page.click('[data-testid="nav-import"]');
    await page.waitForSelector('[data-testid="loaded-data"][data-storage="saved"]', { timeout: 60_000 });
    await page.reload();
    await page.waitForSelector('[data-phase="ready"]', { timeout: 90_000 });
    expect(await page.getAttribute('[data-testid="loaded-data"]', 'data-origin')).toBe('import');
    const storedRows = await page.$$eval('[data-testid="loaded-data"] tr[data-table]', (rows) =>
      Object.fromEntries(rows.map((r) => [r.getAttribute('data-table'), Number(r.querySelector('[data-rows]')?.getAttribute('data-rows'))])),
    );
    expect(storedRows).toEqual(Object.fromEntries(TABLES.map((t, i) => [t, dataLines(files[i]!)])));
    expect(await page.textContent('[data-testid="storage-status"]')).toMatch(/Stored in this browser on .*(promised to keep it|may delete it)/);
    await page.screenshot({ path: path.join(ROOT, 'tests/e2e/artifacts/import-after-reload.png'), fullPage: true });
    await page.click('[data-testid="nav-overview"]');
    const reloaded = await kpiValues(page);
    expect([reloaded.leads, reloaded.mql, reloaded.sql, reloaded.opportunity, reloaded.won]).toEqual(expected.reached);
    expect(reloaded.revenue).toBeCloseTo(expected.revenue, 2);

    // "Clear all data" forgets them, also across a reload, and the sample comes back.
    await page.click('[data-testid="nav-import"]');
    await page.click('[data-testid="clear-data"]');
    await page.click('[data-testid="clear-confirm"]');
    await page.waitForSelector('[data-testid="loaded-data"][data-origin="sample"]', { timeout: 60_000 });
    await page.reload();
    await page.waitForSelector('[data-phase="ready"]', { timeout: 90_000 });
    expect(await page.getAttribute('[data-testid="loaded-data"]', 'data-origin')).toBe('sample');
    expect(await page.textContent('.status-bar')).toContain('from the sample data');
    expect(foreignRequests(requests, app.server.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists the rejected lines of a malformed file with their reasons, keeps umlauts and €, and offers them as a download', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'leadloop-e2e-'));
    const malformed = path.join(dir, 'kaputt.csv');
    const lines = [
      'Lead-Nr.;Erstellt am;Leadquelle;Status;Firma;Betrag',
      'K1;01.03.2025;Messe;Neu;Bäckerei „Süß“;1.234,50',
      'K2;32.13.2025;Messe;Neu;Café Müller – 5 €;10',
      'K3;02.03.2025;Messe',
      'K4;03.03.2025;Anzeige;Neu;=HYPERLINK("x");zwölf',
      'K5;04.03.2025;Webformular;Neu;Weiß AG;7',
      'K6;05.03.2025;Mailing;Neu;Süß & Söhne;12 €',
    ];
    writeFileSync(malformed, iconv.encode(lines.join('\r\n') + '\r\n', 'win1252'));
    const binary = path.join(dir, 'foto.csv');
    writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));

    const { page, errors } = await openImportPage(app);
    await upload(page, [malformed, binary], 2);
    const card = page.locator('[data-testid="import-report"][data-file="kaputt.csv"]');
    // The short record is rejected; a date or amount that does not convert is emptied and its row loaded.
    expect(await card.getByTestId('rows-loaded').textContent()).toBe('5');
    expect(await card.getByTestId('rows-rejected').textContent()).toBe('1');
    const rows = await card.locator('[data-testid="rejects-table"] tbody tr').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^4.*too few columns: 3 instead of 6/);
    await card.locator('[data-note="cleared"] summary').click();
    const cleared = await card.locator('[data-testid="cleared-table"] tbody tr').allTextContents();
    expect(cleared).toEqual(['3Created32.13.2025', '5Amountzwölf', '7Amount12 €']);
    expect(await page.locator('[data-testid="import-error"]').textContent()).toMatch(/^foto\.csv: this is not a text export/);

    const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('download-rejects').click()]);
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const parsed = Papa.parse<string[]>(text.trim()).data;
    expect(parsed[0]).toEqual(['line', 'column_name', 'value', 'reason']);
    expect(parsed.slice(1).map((r) => r[0])).toEqual(['3', '4', '5', '7']);
    expect(parsed[1]?.[3]).toMatch(/^not a date .*\(emptied, row loaded\)$/);
    expect(parsed[4]?.[2]).toBe('12 €');
    expect(parsed[2]?.[2]).toBe('K3;02.03.2025;Messe');

    await page.screenshot({ path: path.join(ROOT, 'tests/e2e/artifacts/import-malformed.png'), fullPage: true });
    await page.click('[data-testid="nav-overview"]');
    await page.waitForSelector('[data-kpi="leads"]');
    expect(await page.getAttribute('[data-kpi="leads"]', 'data-value')).toBe('5');
    // The report is still there when the user comes back.
    await page.goBack();
    await page.waitForSelector('[data-testid="import-report"][data-file="kaputt.csv"]');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("imports a Parquet file (here the sample bundle's leads) through the same review and checks", async () => {
    const { page, requests, errors } = await openImportPage(app);
    await upload(page, [path.join(ROOT, 'dist/sample/leads.parquet')], 1);
    const card = page.locator('[data-testid="import-report"][data-file="leads.parquet"]');
    expect(await card.getByTestId('rows-loaded').textContent()).toBe(new Intl.NumberFormat('en-GB').format(expected.leads));
    expect(await card.getByTestId('rows-rejected').textContent()).toBe('0');
    await page.click('[data-testid="nav-overview"]');
    const kpis = await kpiValues(page);
    expect([kpis.leads, kpis.mql, kpis.sql, kpis.opportunity, kpis.won]).toEqual(expected.reached);
    expect(requests.some((url) => /\/assets\/parquetWorker-[^/]+\.js$/.test(url))).toBe(true);
    expect(foreignRequests(requests, app.server.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
