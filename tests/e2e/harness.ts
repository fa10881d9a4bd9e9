import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
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
 */
export async function openApp(browser: Browser, origin: string, hash = '', options: { keepStoredData?: boolean } = {}): Promise<OpenedPage> {
  const page = await browser.context.newPage();
  if (!options.keepStoredData) await clearStoredData(page, origin);
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}/${hash}`);
  await page.waitForSelector('[data-phase="ready"], [data-phase="error"]', { timeout: 90_000 });
  return { page, requests, errors };
}

/** Empties the origin's private file system (where the app keeps imports) from a page that does not load the app. */
async function clearStoredData(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/robots.txt`);
  await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    for await (const name of root.keys()) await root.removeEntry(name, { recursive: true });
  });
}

export function foreignRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
}

export async function kpiValues(page: Page): Promise<Record<string, number>> {
  await page.waitForSelector('[data-testid="kpis"]');
  return page.$$eval('[data-kpi]', (cards) => Object.fromEntries(cards.map((c) => [c.getAttribute('data-kpi'), Number(c.getAttribute('data-value'))])));
}
