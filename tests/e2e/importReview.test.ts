import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { foreignRequests, openApp, ROOT, upload, useBuiltApp } from './harness';

const ARTIFACTS = path.join(ROOT, 'tests/e2e/artifacts');
const HEADER = 'Nummer;Datum;Herkunft;Stand;Name';
const rowsOf = (page: Page, kind: string) => page.getAttribute(`[data-testid="loaded-data"] tr[data-table="${kind}"] [data-rows]`, 'data-rows').then(Number);

describe('reviewing an import in headless Chromium', () => {
  const app = useBuiltApp();
  const dir = mkdtempSync(path.join(tmpdir(), 'leadloop-e2e-review-'));
  const write = (name: string, lines: readonly string[]) => {
    const file = path.join(dir, name);
    writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  };

  it('maps unknown headers by hand, maps unknown values, remembers both, and updates by id on the next export', async () => {
    const { page, requests, errors } = await openApp(app.browser, app.server.origin, '#/import');
    const january = write('crm-januar.csv', [HEADER, 'N1;02.01.2025;Podcast;Neu;Alpha GmbH', 'N2;03.01.2025;Website;Neu;Beta AG', 'N3;04.01.2025;Podcast;Neu;Gamma KG']);
    await page.setInputFiles('[data-testid="file-input"]', [january]);
    await page.waitForSelector('[data-testid="import-review"][data-file="crm-januar.csv"]');
    // Nothing is recognised: the required columns are named and the import waits for them.
    expect(await page.textContent('[data-testid="review-missing"]')).toMatch(/Lead ID/);
    expect(await page.isDisabled('[data-testid="review-import"]')).toBe(true);
    for (const [column, header] of [['lead_id', 'Nummer'], ['created_at', 'Datum'], ['medium', 'Herkunft'], ['stage', 'Stand'], ['company', 'Name']]) {
      await page.selectOption(`[data-testid="mapping-table"] tr[data-column="${column}"] select`, header!);
    }
    expect(await page.$('[data-testid="review-missing"]')).toBeNull();
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-review.png'), fullPage: true });
    await page.click('[data-testid="review-import"]');

    // "Podcast" is no medium the app knows: the user maps it before anything is replaced.
    await page.waitForSelector('[data-testid="value-mapping"]');
    expect(await page.$$eval('[data-testid="unknown-values"] tbody tr', (rows) => rows.map((r) => r.getAttribute('data-value')))).toEqual(['Podcast']);
    await page.selectOption('[data-testid="value-mapping"] tr[data-value="Podcast"] select', 'web');
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-values.png'), fullPage: true });
    await page.click('[data-testid="values-continue"]');
    const card = page.locator('[data-testid="import-report"][data-file="crm-januar.csv"]');
    await card.waitFor();
    expect(await card.getByTestId('rows-loaded').textContent()).toBe('3');
    expect(await card.textContent()).toContain('Medium: “Podcast” → Web (2 rows)');
    expect(await rowsOf(page, 'leads')).toBe(3);

    // February's export of the same report: the mapping is remembered, one click, updated by id.
    const february = write('crm-februar.csv', [HEADER, 'N3;04.01.2025;Podcast;MQL;Gamma KG', 'N4;01.02.2025;Podcast;Neu;Delta SE']);
    await page.setInputFiles('[data-testid="file-input"]', [february]);
    await page.waitForSelector('[data-testid="import-review"][data-file="crm-februar.csv"]');
    expect(await page.textContent('[data-testid="review-remembered"]')).toMatch(/mapping you saved/);
    expect(await page.isChecked('[data-testid="mode-upsert"]')).toBe(true);
    // The preview shows the rows as they will load: the remembered "Podcast" → web, "MQL"/"Neu" as stages, by name.
    await page.click('[data-testid="import-review"] details:has([data-testid="preview-table"]) > summary');
    const previewed = (column: string) => page.$$eval(`[data-testid="preview-table"] tbody td[data-column="${column}"]`, (cells) => cells.map((c) => c.textContent));
    expect(await previewed('medium')).toEqual(['Web', 'Web']);
    expect(await previewed('stage')).toEqual(['MQL', 'Lead']);
    expect(await page.textContent('[data-testid="preview-table"] th[data-column="created_at"]')).toBe('Created');
    await page.click('[data-testid="review-import"]');
    const second = page.locator('[data-testid="import-report"][data-file="crm-februar.csv"]');
    await second.waitFor();
    expect(await page.$('[data-testid="value-mapping"]')).toBeNull();
    expect(await second.textContent()).toContain('Medium: “Podcast” → Web (2 rows)');
    expect(await rowsOf(page, 'leads')).toBe(4);
    expect(await page.textContent('[data-testid="loaded-data"] tr[data-table="leads"]')).toContain('crm-januar.csv, crm-februar.csv');

    await page.click('[data-testid="nav-overview"]');
    await page.waitForSelector('[data-kpi="leads"]');
    expect(await page.getAttribute('[data-kpi="leads"]', 'data-value')).toBe('4');
    expect(await page.getAttribute('[data-kpi="mql"]', 'data-value')).toBe('1');
    expect(foreignRequests(requests, app.server.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets the user correct the delimiter and a date format the detection cannot know', async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin, '#/import');
    const uk = write('uk-leads.csv', ['Lead ID,Created Date,Lead Source,Lead Status', 'U1,01/02/2025,Website,Open', 'U2,03/04/2025,Website,Open']);
    await page.setInputFiles('[data-testid="file-input"]', [uk]);
    await page.waitForSelector('[data-testid="import-review"][data-file="uk-leads.csv"]');
    await page.click('[data-testid="review-formats"] summary');
    // A wrong delimiter leaves one column: the review says so and keeps the file as it was read.
    await page.selectOption('[data-testid="choose-delimiter"]', ';');
    await page.waitForSelector('[data-testid="import-review"] [role="alert"]');
    expect(await page.textContent('[data-testid="import-review"] [role="alert"]')).toMatch(/uk-leads\.csv: no header row with columns found/);
    await page.selectOption('[data-testid="choose-delimiter"]', ',');
    await page.waitForFunction(() => !document.querySelector('[data-testid="import-review"] [role="alert"]'));
    expect(await page.textContent('[data-testid="choose-date-created_at"] option:checked')).toBe('as detected: mm/dd/yyyy');
    // A review read again with other headers starts anew, with its sections closed.
    if (!(await page.isVisible('[data-testid="choose-date-created_at"]'))) await page.click('[data-testid="review-formats"] summary');
    await page.selectOption('[data-testid="choose-date-created_at"]', '%d/%m/%Y');
    await page.click('[data-testid="review-import"]');
    const card = page.locator('[data-testid="import-report"][data-file="uk-leads.csv"]');
    await card.waitFor();
    expect(await card.getByTestId('rows-loaded').textContent()).toBe('2');
    expect(await card.textContent()).toContain('dd/mm/yyyy');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('warns of a number column mixing decimal comma and point, states the date rules and takes a changed plausible range', async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin, '#/import');
    const mixed = write('mixed-numbers.csv', ['Lead-Nr.;Erstellt am;Leadquelle;Status;Betrag', 'M1;01.03.2025;Messe;Neu;1.234,56', 'M2;02.03.1985;Messe;Neu;1234.56', 'M3;03.03.2025;Messe;Neu;99,95', 'M4;04.03.2025;Messe;Neu;10,5', 'M5;05.03.2025;Messe;Neu;7', 'M6;06.03.2025;Messe;Neu;8', 'M7;07.03.2025;Messe;Neu;2.000', 'M8;08.03.2025;Messe;Neu;3,25']);
    await page.setInputFiles('[data-testid="file-input"]', [mixed]);
    await page.waitForSelector('[data-testid="import-review"][data-file="mixed-numbers.csv"]');
    const warning = page.locator('[data-testid="review-warning"][data-column="amount"]');
    expect(await warning.textContent()).toBe('“Betrag” (Amount) mixes decimal comma (4 cells) and decimal point (1 cells) in the first rows. Every cell is read with one decimal separator and the others are listed as not read: choose it under “Decimal separator” in the formats above.');
    // The formats are open at the choice the warning points to.
    expect(await page.isVisible('[data-testid="choose-decimal"]')).toBe(true);
    expect(await page.textContent('[data-testid="review-date-rules"]')).toMatch(/^Two-digit years: 00–68 → 2000–2068, 69–99 → 1969–1999\. Dates outside 1990-01-01 … \d{4}-\d{2}-\d{2} and Excel’s day zero/);
    await page.fill('[data-testid="date-range-from"]', '1980-01-01');
    expect(await page.textContent('[data-testid="review-date-rules"]')).toContain('Dates outside 1980-01-01 …');
    await page.click('[data-testid="review-import"]');
    const card = page.locator('[data-testid="import-report"][data-file="mixed-numbers.csv"]');
    await card.waitFor();
    expect(await card.getByTestId('rows-loaded').textContent()).toBe('8');
    await card.locator('[data-note="cleared"] summary').click();
    // Only the point-style amount is emptied; 02.03.1985 is inside the range set above, so it loads.
    expect(await card.getByTestId('cleared-table').textContent()).toBe('LineColumnValue3Amount1234.56');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the read progress of a large export and cancels it, keeping the data loaded before', async () => {
    const sample = readFileSync(path.join(ROOT, 'data-samples/en/leads.csv'), 'utf8').trimEnd().split('\n');
    const [header, ...rows] = sample;
    // About 140 MB: long enough to see the progress and cancel in the middle.
    const big = path.join(dir, 'leads-big.csv');
    const copies = 30;
    writeFileSync(big, [header, ...Array.from({ length: copies }, (_, c) => rows.map((r) => r.replace(/^L/, `C${c}-`))).flat()].join('\n'));

    const { page, errors } = await openApp(app.browser, app.server.origin, '#/import');
    await upload(page, [path.join(ROOT, 'data-samples/en/campaigns.csv')], 1);
    expect(await rowsOf(page, 'campaigns')).toBe(60);

    await page.setInputFiles('[data-testid="file-input"]', [big]);
    await page.click('[data-testid="review-import"]');
    await page.waitForFunction(() => {
      const bar = document.querySelector('[data-testid="import-progress"] progress');
      return bar instanceof HTMLProgressElement && bar.position > 0.05;
    }, null, { timeout: 120_000 });
    const text = await page.textContent('[data-testid="import-progress"]');
    expect(text).toMatch(/Reading leads-big\.csv: \d+ % \(\d+ of \d+ MB, about [\d,]+ rows\)/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-progress.png'), fullPage: true });
    await page.click('[data-testid="import-cancel"]');
    await page.waitForSelector('[data-testid="import-error"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="import-error"]')).toBe('leads-big.csv: cancelled; the data loaded before is unchanged');
    expect(await page.$('[data-testid="import-progress"]')).toBeNull();
    expect(await rowsOf(page, 'campaigns')).toBe(60);
    expect(await page.$('[data-testid="loaded-data"] tr[data-table="leads"]')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });
});
