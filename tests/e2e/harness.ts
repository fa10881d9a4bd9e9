import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium, type Browser } from '../support/chromium';
import { serveStatic, type StaticServer } from '../support/staticServer';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface BuiltApp {
  browser: Browser;
  server: StaticServer;
}

/** Serves dist/ and launches Chromium for the tests of one file; both are closed after them. */
export function useBuiltApp(): BuiltApp {
  const app = {} as BuiltApp;
  beforeAll(async () => {
    app.server = await serveStatic(path.join(ROOT, 'dist'));
    app.browser = await launchChromium();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
    // Workers' violations never reach a page's console: the server's report endpoint has them all.
    expect(app.server?.cspViolations ?? [], 'Content-Security-Policy violations').toEqual([]);
  });
  return app;
}

export interface OpenedPage {
  readonly page: Page;
  /** Every request the page made, to check that none leaves the app's origin. */
  readonly requests: string[];
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
}

/**
 * Opens the app at a path and hash, records requests and errors, and waits until the data is
 * loaded (or failed). Data an earlier test stored in the browser is removed first, unless kept.
 * `now` pins the page's clock, so "today" is that day.
 */
export async function openApp(
  browser: Browser,
  origin: string,
  hash = '',
  options: { keepStoredData?: boolean; viewport?: { width: number; height: number }; now?: Date } = {},
): Promise<OpenedPage> {
  const page = await browser.context.newPage();
  // A phone or tablet from the start, as a user's would be: the layout is never resized under them.
  if (options.viewport) await page.setViewportSize(options.viewport);
  // A fixed "today" (Date only; timers keep running): periods relative to today are tested on a known day.
  if (options.now) await page.clock.setFixedTime(options.now);
  if (!options.keepStoredData) await clearStoredData(page, origin);
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  // The console's "Failed to load resource" does not say which: the response does.
  page.on('response', (response) => response.status() >= 400 && errors.push(`HTTP ${response.status()} ${response.url()}`));
  await page.goto(`${origin}/${hash}`);
  await page.waitForSelector('[data-phase="ready"], [data-phase="error"]', { timeout: 90_000 });
  return { page, requests, errors };
}

/**
 * Empties the origin's private file system (where the app keeps imports), and forgets the saved
 * data-quality rules, from a page that does not
 * load the app. The page is a file the build has: a missing one logs a 404 to the console, which
 * could arrive after the test's error listener is attached and fail it.
 */
export async function clearStoredData(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/favicon.svg`);
  await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    for await (const name of root.keys()) await root.removeEntry(name, { recursive: true });
    // The Data quality rules a test chose (src/ui/pages/quality/savedRules.ts).
    localStorage.removeItem('leadloop.quality.rules.v1');
  });
}

export function foreignRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
}

export async function kpiValues(page: Page): Promise<Record<string, number>> {
  await page.waitForSelector('[data-testid="kpis"]');
  return page.$$eval('[data-kpi]', (cards) => Object.fromEntries(cards.map((c) => [c.getAttribute('data-kpi'), Number(c.getAttribute('data-value'))])));
}

/**
 * Picks files on the Import page and goes through each file's steps as a user who accepts the
 * suggestions would: "Import" on the review (or what `choose` sets first), "Continue" on the value
 * mapping (unknown values kept, or what `values` sets first), "Import anyway" when asked about a
 * risky import, until `outcomes` reports or errors are shown.
 */
export async function upload(
  page: Page,
  files: readonly string[],
  outcomes: number,
  choose?: (page: Page, file: string) => Promise<void>,
  values?: (page: Page) => Promise<void>,
): Promise<void> {
  await page.setInputFiles('[data-testid="file-input"]', [...files]);
  for (;;) {
    const handle = await page.waitForFunction(
      (n) => {
        if (document.querySelector('[data-testid="value-mapping"]')) return 'values';
        if (document.querySelector('[data-testid="risk-confirm"]')) return 'risk';
        if (document.querySelector('[data-testid="import-review"]')) return 'review';
        const shown = document.querySelectorAll('[data-testid="import-report"], [data-testid="import-error"]').length;
        return shown >= n && !document.querySelector('[data-testid="import-progress"]') ? 'done' : false;
      },
      outcomes,
      { timeout: 120_000 },
    ).catch(async (error: unknown) => {
      // A step that never ends: say what the page showed, so a rare hang names its step.
      const shown = await page.evaluate(() => ({
        progress: document.querySelector('[data-testid="import-progress"]')?.textContent ?? null,
        status: document.querySelector('.status-bar')?.textContent ?? null,
        errors: [...document.querySelectorAll('[data-testid="import-error"]')].map((e) => e.textContent),
      }));
      await page.screenshot({ path: path.join(ROOT, 'tests/e2e/artifacts/upload-timeout.png'), fullPage: true }).catch(() => undefined);
      throw new Error(`${String(error)}; the page showed ${JSON.stringify(shown)}`);
    });
    const state = await handle.jsonValue();
    if (state === 'done') return;
    if (state === 'risk') {
      // A user who reviewed the file and imports it anyway; tests of the question itself answer it themselves.
      await page.click('[data-testid="risk-go-on"]');
      await page.waitForSelector('[data-testid="risk-confirm"]', { state: 'detached' });
      continue;
    }
    if (state === 'values') {
      await values?.(page);
      await page.click('[data-testid="values-continue"]');
      await page.waitForSelector('[data-testid="value-mapping"]', { state: 'detached' });
      continue;
    }
    const file = (await page.getAttribute('[data-testid="import-review"]', 'data-file')) ?? '';
    await choose?.(page, file);
    await page.click('[data-testid="review-import"]');
    await page.waitForFunction((f) => document.querySelector('[data-testid="import-review"]')?.getAttribute('data-file') !== f, file, { timeout: 120_000 });
  }
}
