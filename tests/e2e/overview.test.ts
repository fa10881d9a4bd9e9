import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedFigures } from '../support/expectedFigures';
import { serveStatic } from '../support/staticServer';
import { foreignRequests, kpiValues, openApp, ROOT, useBuiltApp } from './harness';

const KPI_ORDER = ['leads', 'mql', 'sql', 'opportunity', 'won'];

describe('the built app in headless Chromium', () => {
  const app = useBuiltApp();
  const expected = expectedFigures(path.join(ROOT, 'data-samples/en'));

  it('opens on the sample dashboard with KPIs equal to an independent count of the sample files', async () => {
    const { page, requests, errors } = await openApp(app.browser, app.server.origin);
    expect(await page.getAttribute('[data-phase]', 'data-phase')).toBe('ready');
    const kpis = await kpiValues(page);
    KPI_ORDER.forEach((kpi, i) => expect(kpis[kpi], kpi).toBe(expected.reached[i]));
    expect(kpis.revenue).toBeCloseTo(expected.revenue, 2);
    expect(kpis.lead_to_won).toBeCloseTo((expected.reached[4] ?? 0) / expected.leads, 10);
    // What the user reads is the same number, formatted for the English locale.
    const leadsText = await page.textContent('[data-kpi="leads"] dd');
    expect(leadsText).toBe(new Intl.NumberFormat('en-GB').format(expected.leads));
    // The media table lists every medium the sample has (after synonym mapping fewer or equal).
    // The table answers its own query, which may come after the KPIs' (one caller at a time on the engine): wait for its rows.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="media-table"] tbody tr td:nth-child(2)').length > 0, null, { timeout: 30_000 });
    const tableLeads = await page.$$eval('[data-testid="media-table"] tbody tr td:nth-child(2)', (cells) =>
      cells.map((c) => Number((c.textContent ?? '').replace(/,/g, ''))),
    );
    expect(tableLeads.reduce((a, b) => a + b, 0)).toBe(expected.leads);
    // The chart drew onto its canvas (ECharts is fetched when the first chart mounts).
    await page.waitForSelector('[data-testid="chart"][data-rendered]');
    const canvas = await page.$eval('[data-testid="chart"] canvas', (c) => ({ w: (c as HTMLCanvasElement).width, h: (c as HTMLCanvasElement).height }));
    expect(canvas.w).toBeGreaterThan(300);
    expect(canvas.h).toBeGreaterThan(200);
    expect(await page.textContent('.status-bar')).toMatch(/duckdb-wasm v1\.4\.\d+ \(eh, 1 thread\)/);
    await page.screenshot({ path: path.join(ROOT, 'tests/e2e/artifacts/overview-en.png'), fullPage: true });
    console.log('start-up timings (ms):', await page.getAttribute('[data-timings]', 'data-timings'));
    expect(foreignRequests(requests, app.server.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches to German, formats numbers the German way, and remembers the choice', async () => {
    const { page, requests, errors } = await openApp(app.browser, app.server.origin);
    await page.click('[data-testid="lang-de"]');
    await page.waitForSelector('h1:has-text("Übersicht")');
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await page.textContent('[data-testid="nav-quality"]')).toBe('Datenqualität');
    expect(await page.textContent('[data-kpi="leads"] dd')).toBe(new Intl.NumberFormat('de-DE').format(expected.leads));
    expect(await page.textContent('[data-kpi="lead_to_won"] dd')).toMatch(/^\d+,\d\s?%$/);
    await page.screenshot({ path: path.join(ROOT, 'tests/e2e/artifacts/overview-de.png'), fullPage: true });
    await page.reload();
    await page.waitForSelector('h1:has-text("Übersicht")');
    await page.click('[data-testid="lang-en"]');
    await page.waitForSelector('h1:has-text("Overview")');
    expect(foreignRequests(requests, app.server.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows an honest "coming" state on pages not built yet, reachable by keyboard', async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin, '#/distribution');
    expect(await page.textContent('h1')).toBe('Distribution & follow-up');
    expect(await page.textContent('[data-testid="coming"]')).toContain('being built');
    expect(await page.$('[data-kpi]')).toBeNull();
    await page.focus('[data-testid="nav-overview"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-kpi="leads"]');
    expect(await page.getAttribute('[data-testid="nav-overview"]', 'aria-current')).toBe('page');
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['a damaged table file', /\/sample\/leads\.arrow$/, 'application/octet-stream', 'ARROW1 not really an Arrow stream', /\/sample\/leads\.arrow does not match its manifest/],
    ['a manifest that is not JSON', /\/sample\/manifest\.json$/, 'application/json', '{"schemaVersion": 1, "tables": ', /\/sample\/manifest\.json: .*JSON/],
    ['a manifest of a newer version', /\/sample\/manifest\.json$/, 'application/json', '{"schemaVersion": 99, "tables": {}}', /manifest\.json has schema version 99; this app reads version 1/],
  ])('names the file and the problem when the sample dashboard has %s', async (what, url, contentType, body, message) => {
    const page = await app.browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route(url, (route) => route.fulfill({ status: 200, contentType, body }));
    await page.goto(`${app.server.origin}/`);
    await page.waitForSelector('[data-testid="data-error"]', { timeout: 90_000 });
    expect(await page.textContent('[data-testid="data-error"]')).toMatch(message);
    expect(await page.getAttribute('[data-phase]', 'data-phase')).toBe('error');
    await page.screenshot({ path: path.join(ROOT, `tests/e2e/artifacts/load-error-${what.replace(/\W+/g, '-')}.png`) });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works without cross-origin isolation, on the single-threaded bundle', async () => {
    const plain = await serveStatic(path.join(ROOT, 'dist'), { isolated: false });
    try {
      const { page, requests, errors } = await openApp(app.browser, plain.origin);
      expect(await page.textContent('.status-bar')).toMatch(/duckdb-wasm v1\.4\.\d+ \((eh|mvp), 1 thread\)/);
      expect((await kpiValues(page)).leads).toBe(expected.leads);
      expect(foreignRequests(requests, plain.origin)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await plain.close();
    }
  });
});
