import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedByMedium, expectedFigures } from '../support/expectedFigures';
import { launchChromium, type Browser } from '../support/chromium';
import { serveStatic, type StaticServer } from '../support/staticServer';
import { HAND10_DIR, HAND10_KPIS } from '../support/hand10';
import { clearStoredData, ROOT, upload } from './harness';

/**
 * The figures painted before the engine is ready (prepared by the ETL into the sample bundle) are
 * the truth: equal to what DuckDB shows once it is ready, and to an independent computation from the
 * sample CSV files. The test's server holds back every .wasm file (the engine and the Parquet
 * reader) until the prepared figures have been read, so they are read before the engine could run.
 */
const SAMPLE = path.join(ROOT, 'data-samples/en');

interface Shown {
  kpis: Record<string, { value: string; text: string }>;
  media: { medium: string | null; cells: string[] }[];
}

async function overviewFigures(page: Page): Promise<Shown> {
  return page.evaluate(() => ({
    kpis: Object.fromEntries(
      [...document.querySelectorAll('[data-kpi]')].map((card) => [card.getAttribute('data-kpi'), { value: card.getAttribute('data-value') ?? '', text: card.textContent ?? '' }]),
    ),
    media: [...document.querySelectorAll('[data-testid="media-table"] tbody tr')].map((tr) => ({
      medium: tr.getAttribute('data-medium'),
      cells: [...tr.querySelectorAll('td')].map((td) => `${td.textContent ?? ''}|${td.querySelector('[title]')?.getAttribute('title') ?? ''}`),
    })),
  }));
}

async function funnelFigures(page: Page): Promise<{ stage: string | null; count: number; text: string }[]> {
  return page.$$eval('[data-testid="funnel-table"] tbody tr[data-stage]', (rows) =>
    rows.map((tr) => ({ stage: tr.getAttribute('data-stage'), count: Number(tr.getAttribute('data-count')), text: tr.textContent ?? '' })),
  );
}

const phaseOf = (page: Page) => page.getAttribute('[data-phase]', 'data-phase');

describe('figures painted before the engine is ready', () => {
  let server: StaticServer;
  let browser: Browser;
  let release: () => void = () => undefined;
  let held: Promise<void> | null = null;
  /** Holds back every .wasm answer until release(); a new hold for each page. */
  const hold = () => {
    held = new Promise((resolve) => (release = resolve));
  };

  beforeAll(async () => {
    server = await serveStatic(path.join(ROOT, 'dist'), { holdBack: (pathname) => (pathname.endsWith('.wasm') && held ? held : undefined) });
    browser = await launchChromium();
  });
  afterAll(async () => {
    release();
    await browser?.close();
    await server?.close();
    expect(server?.cspViolations ?? []).toEqual([]);
  });

  async function openHeld(hash: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.context.newPage();
    await clearStoredData(page, server.origin);
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    hold();
    await page.goto(`${server.origin}/${hash}`);
    return { page, errors };
  }

  it('Overview: the prepared KPIs and media table equal DuckDB’s after, and the figures from the CSV files', async () => {
    const { page, errors } = await openHeld('#/overview');
    await page.waitForSelector('[data-figures="prepared"] [data-testid="media-table"] tbody tr');
    // Read while the engine cannot have started: its wasm has not been sent.
    expect(await phaseOf(page)).toMatch(/^(starting|loading)$/);
    const before = await overviewFigures(page);
    expect(await page.textContent('[data-testid="prepared-note"]')).toMatch(/as of the dashboard’s build/);
    expect(await page.$eval('[data-testid="filters-gate"]', (f) => (f as HTMLFieldSetElement).disabled)).toBe(true);
    expect(await page.$eval('[data-testid="filters-gate"] select, [data-testid="filters-gate"] button', (c) => c.matches(':disabled'))).toBe(true);

    release();
    await page.waitForSelector('[data-phase="ready"]', { timeout: 90_000 });
    await page.waitForSelector('[data-figures="live"] [data-testid="media-table"] tbody tr');
    expect(await page.$('[data-testid="prepared-note"]')).toBeNull();
    const after = await overviewFigures(page);
    expect(before).toEqual(after);
    expect(await page.$eval('[data-testid="filters-gate"]', (f) => (f as HTMLFieldSetElement).disabled)).toBe(false);
    // The figures painted ahead and the tables loaded after read one manifest, fetched once.
    const manifestFetches = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/sample/manifest.json')).length);
    expect(manifestFetches).toBe(1);

    // The truth, from the CSV files with PapaParse and none of the app's code.
    const truth = expectedFigures(SAMPLE);
    const stages = ['leads', 'mql', 'sql', 'opportunity', 'won'];
    stages.forEach((stage, i) => expect(Number(before.kpis[stage]?.value), stage).toBe(truth.reached[i]));
    expect(Math.abs(Number(before.kpis.revenue?.value) - truth.revenue)).toBeLessThan(0.01);
    const byMedium = expectedByMedium(SAMPLE);
    expect(before.media.map((r) => r.medium).sort()).toEqual([...byMedium.keys()].sort());
    for (const row of before.media) {
      const expected = byMedium.get(row.medium ?? '')!;
      const number = (cell: string | undefined) => Number((cell ?? '').split('|')[0]!.replace(/[^\d.]/g, ''));
      expect(number(row.cells[1]), `${row.medium} leads`).toBe(expected.leads);
      expect(number(row.cells[2]), `${row.medium} won`).toBe(expected.won);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Funnel: the prepared stage counts and rates equal DuckDB’s after, and the CSV files’ reached counts', async () => {
    const { page, errors } = await openHeld('#/funnel');
    await page.waitForSelector('[data-figures="prepared"] [data-testid="funnel-table"] tbody tr[data-stage]');
    expect(await phaseOf(page)).toMatch(/^(starting|loading)$/);
    // The view itself says it is not live yet: tests and tools waiting for data-ready wait for DuckDB.
    expect(await page.getAttribute('[data-view="funnel"]', 'data-ready')).toBe('false');
    const before = await funnelFigures(page);
    release();
    await page.waitForSelector('[data-phase="ready"]', { timeout: 90_000 });
    await page.waitForSelector('[data-figures="live"] [data-view="funnel"][data-ready="true"]');
    expect(await funnelFigures(page)).toEqual(before);
    expect(before.map((r) => r.count)).toEqual(expectedFigures(SAMPLE).reached);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a link with a filter never shows the prepared figures: it waits for the engine', async () => {
    const { page, errors } = await openHeld('#/overview?v=1&m=web');
    // The figures file is fetched (it is the start-up's) but not painted for a filtered view.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/sample/figures.json')));
    await page.waitForTimeout(300);
    expect(await page.$('[data-testid="kpis"]')).toBeNull();
    expect(await page.$('[data-figures="prepared"]')).toBeNull();
    release();
    await page.waitForSelector('[data-figures="live"] [data-testid="kpis"]', { timeout: 90_000 });
    const web = expectedByMedium(SAMPLE).get('web')!;
    expect(await page.getAttribute('[data-kpi="leads"]', 'data-value')).toBe(String(web.leads));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stored data: the figures kept with the stored copy are painted on the next visit, and equal DuckDB’s and the hand-worked truth', async () => {
    const first = await browser.context.newPage();
    await clearStoredData(first, server.origin);
    await first.goto(`${server.origin}/#/import`);
    await first.waitForSelector('[data-phase="ready"]', { timeout: 90_000 });
    await upload(first, [path.join(HAND10_DIR, 'leads.csv'), path.join(HAND10_DIR, 'deals.csv')], 2);
    await first.waitForSelector('[data-testid="loaded-data"][data-storage="saved"]', { timeout: 60_000 });
    await first.close();

    // The next visit, the engine held back: the stored copy's figures are painted from its manifest alone.
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    hold();
    await page.goto(`${server.origin}/#/overview`);
    await page.waitForSelector('[data-figures="prepared"] [data-testid="kpis"]');
    expect(await phaseOf(page)).toMatch(/^(starting|loading)$/);
    expect(await page.textContent('[data-testid="prepared-note"]')).toMatch(/as of your data saved/);
    const before = await overviewFigures(page);
    const stages = ['leads', 'mql', 'sql', 'opportunity', 'won'];
    const truth = [HAND10_KPIS.leads, HAND10_KPIS.reached_1, HAND10_KPIS.reached_2, HAND10_KPIS.reached_3, HAND10_KPIS.reached_4];
    stages.forEach((stage, i) => expect(Number(before.kpis[stage]?.value), stage).toBe(truth[i]));
    expect(Number(before.kpis.revenue?.value)).toBe(HAND10_KPIS.revenue);
    release();
    await page.waitForSelector('[data-phase="ready"]', { timeout: 90_000 });
    await page.waitForSelector('[data-figures="live"] [data-testid="media-table"] tbody tr');
    expect(await overviewFigures(page)).toEqual(before);
    expect(await page.getAttribute('[data-phase]', 'data-phase')).toBe('ready');
    expect(errors).toEqual([]);
    await page.close();
  });
});
