import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectedFigures } from '../support/expectedFigures';
import { kpiValues, openApp, ROOT, upload, useBuiltApp } from './harness';

/**
 * What the app does when something goes wrong that is not the user's file: data missing for a
 * page, a dashboard link that fails, an unknown page, a crashed engine, a stored copy that cannot
 * be read, and clearing everything. Figures are compared with an independent count of the sample.
 */
const SAMPLE = path.join(ROOT, 'data-samples/en');
const RAW_ENGINE_TEXT = /Catalog Error|Binder Error|does not exist/;

const storedFiles = (page: Page) =>
  page.evaluate(async () => {
    const names: string[] = [];
    try {
      const directory = await (await navigator.storage.getDirectory()).getDirectoryHandle('leadloop');
      for await (const name of directory.keys()) names.push(name);
    } catch {
      // No directory: nothing stored.
    }
    return names.sort();
  });

describe('recovering from what goes wrong, in headless Chromium', () => {
  const app = useBuiltApp();
  const expected = expectedFigures(SAMPLE);

  it('says what data a page needs when deals are imported before any leads, on every data page', async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin, '#/import');
    await upload(page, [path.join(SAMPLE, 'deals.csv')], 1);
    for (const nav of ['nav-overview', 'nav-funnel']) {
      await page.click(`[data-testid="${nav}"]`);
      await page.waitForSelector('[data-testid="needs-leads"]');
      const text = (await page.textContent('main')) ?? '';
      expect(text).toMatch(/This page needs leads, and none are loaded\. Loaded: Deals \(2,143\)\. Import a leads export first/);
      expect(text).not.toMatch(RAW_ENGINE_TEXT);
    }
    await page.screenshot({ path: path.join(ROOT, 'tests/e2e/artifacts/needs-leads.png') });
    await page.click('[data-testid="needs-leads"] a');
    await page.waitForSelector('[data-testid="file-input"]', { state: 'attached' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers the stored data or the sample when the dashboard a link names is missing, and drops it from the link', async () => {
    const { page } = await openApp(app.browser, app.server.origin, '?bundle=reports/missing/#/overview');
    await page.waitForSelector('[data-testid="data-error"]');
    expect(await page.textContent('[data-testid="data-error"]')).toMatch(/No published dashboard at \/reports\/missing\/.*HTTP 404/);
    await page.click('[data-testid="open-without-bundle"]');
    expect((await kpiValues(page)).leads).toBe(expected.leads);
    expect(page.url()).not.toContain('bundle=');
    await page.close();
  });

  it('shows a notice for a page the link names that does not exist, and the overview', async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin, '#/<img src=x onerror=alert(1)>');
    expect(await page.textContent('[data-testid="unknown-page"]')).toBe('The link names a page “<img src=x onerror=alert(1)>” that does not exist; the overview is shown.');
    expect(await page.$('main img')).toBeNull();
    expect((await kpiValues(page)).leads).toBe(expected.leads);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('restarts a crashed engine: the page says so and shows the figures again', async () => {
    const { page } = await openApp(app.browser, app.server.origin);
    expect((await kpiValues(page)).leads).toBe(expected.leads);
    const worker = page.workers().find((w) => /duckdb-browser-(eh|mvp|coi)\.worker/.test(w.url()) && !w.url().includes('pthread'));
    expect(worker, page.workers().map((w) => w.url()).join(', ')).toBeDefined();
    // An uncaught error in the worker, as a wasm trap would raise: duckdb-wasm then forgets its pending requests.
    await worker!.evaluate(() => void setTimeout(() => { throw new Error('simulated crash'); }));
    await page.waitForSelector('[data-testid="data-notice"][data-notice="engine-restarted"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="data-notice"]')).toMatch(/^The database engine stopped unexpectedly \(Uncaught Error: simulated crash\) and was restarted/);
    await page.waitForSelector('[data-phase="ready"]', { timeout: 60_000 });
    expect((await kpiValues(page)).leads).toBe(expected.leads);
    await page.screenshot({ path: path.join(ROOT, 'tests/e2e/artifacts/engine-restarted.png') });
    await page.close();
  });

  it('reports a stored copy that cannot be read, keeps its files until the user discards them, and clearing forgets the remembered mappings', async () => {
    const { page } = await openApp(app.browser, app.server.origin, '#/import');
    await upload(page, [path.join(SAMPLE, 'leads.csv')], 1);
    await page.waitForSelector('[data-testid="loaded-data"][data-storage="saved"]', { timeout: 60_000 });
    const files = await storedFiles(page);
    expect(files).toContain('snapshot.json');
    expect(await page.evaluate(() => localStorage.getItem('leadloop.mappings.v1'))).not.toBeNull();
    await page.evaluate(async () => {
      const directory = await (await navigator.storage.getDirectory()).getDirectoryHandle('leadloop');
      const writable = await (await directory.getFileHandle('snapshot.json')).createWritable();
      await writable.write('{"version": 1, "tables": [');
      await writable.close();
    });
    await page.reload();
    await page.waitForSelector('[data-testid="data-notice"][data-notice="stored-unreadable"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="data-notice"]')).toMatch(/could not be read \(its list of tables \(snapshot\.json\) is damaged\)\. It is kept/);
    await page.screenshot({ path: path.join(ROOT, 'tests/e2e/artifacts/stored-unreadable.png') });
    expect(await storedFiles(page)).toEqual(files);
    await page.click('[data-testid="discard-stored"]');
    await page.waitForSelector('[data-testid="data-notice"]', { state: 'detached' });
    expect(await storedFiles(page)).toEqual([]);
    // Clearing all data forgets the mappings remembered from the import too (they hold raw CRM values).
    await upload(page, [path.join(SAMPLE, 'leads.csv')], 1);
    await page.click('[data-testid="clear-data"]');
    await page.click('[data-testid="clear-confirm"]');
    await page.waitForSelector('[data-testid="loaded-data"][data-origin="sample"]');
    expect(await page.evaluate(() => localStorage.getItem('leadloop.mappings.v1'))).toBeNull();
    expect(await page.$('[data-testid="clear-problem"]')).toBeNull();
    await page.close();
  });
});
