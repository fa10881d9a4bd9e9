import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runEtl } from '../../etl/run';
import { CRM_DIR, CRM_MAPPING, EXPECTED_CRM } from '../support/crmExpected';
import { describe, expect, it } from 'vitest';
import { expectedFigures } from '../support/expectedFigures';
import { HAND10_DIR, HAND10_KPIS } from '../support/hand10';
import { foreignRequests, kpiValues, openApp, ROOT, useBuiltApp } from './harness';

/** The build's sample bundle, made by the ETL from data-samples/en: here served as a published one. */
const BUNDLE = path.join(ROOT, 'dist/sample');

describe('a published dashboard in headless Chromium', () => {
  const app = useBuiltApp();
  const expected = expectedFigures(path.join(ROOT, 'data-samples/en'));

  it('opens the bundle named by ?bundle= read-only, with the figures of its source files', async () => {
    // A folder of the same site holding an ETL bundle, as leadership would be sent it.
    const bundleFolder = /\/reports\/q3\/[^/?]+$/;
    await app.browser.context.route(bundleFolder, (route) => {
      const file = path.basename(new URL(route.request().url()).pathname);
      const contentType = file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
      return route.fulfill({ status: 200, contentType, body: readFileSync(path.join(BUNDLE, file)) });
    });
    const { page: opened, requests, errors } = await openApp(app.browser, app.server.origin, '?bundle=reports/q3#/import');
    expect(await opened.getAttribute('[data-testid="loaded-data"]', 'data-origin')).toBe('published');
    expect(await opened.textContent('[data-testid="storage-status"]')).toMatch(/published dashboard .*read-only/);
    expect(await opened.$('[data-testid="drop-zone"]')).toBeNull();
    expect(await opened.textContent('.status-bar')).toContain('from the published dashboard');
    await opened.screenshot({ path: path.join(ROOT, 'tests/e2e/artifacts/published-import-page.png'), fullPage: true });
    await opened.click('[data-testid="nav-overview"]');
    const kpis = await kpiValues(opened);
    expect([kpis.leads, kpis.mql, kpis.sql, kpis.opportunity, kpis.won]).toEqual(expected.reached);
    expect(kpis.revenue).toBeCloseTo(expected.revenue, 2);
    // Its small tables come as the Arrow copies the ETL wrote: the Parquet reader is not even fetched.
    expect(requests.some((url) => url.endsWith('/reports/q3/leads.arrow'))).toBe(true);
    expect(requests.filter((url) => /\.parquet$|parquet_wasm/.test(url))).toEqual([]);
    expect(foreignRequests(requests, app.server.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await opened.close();
    await app.browser.context.unroute(bundleFolder);
  });

  it('opens a bundle with lookups: their columns are dimensions, the figures those of the source files', async () => {
    // The opportunities shape with its two lookups, through the ETL with its mapping file; written
    // without Arrow copies, as the ETL writes large tables, so the app reads the Parquet files.
    const scratch = mkdtempSync(path.join(tmpdir(), 'leadloop-published-'));
    const mappingFile = path.join(scratch, 'mapping.json');
    writeFileSync(mappingFile, JSON.stringify(CRM_MAPPING.opportunities));
    const out = path.join(scratch, 'bundle');
    const { manifest } = await runEtl({ inputs: [path.join(CRM_DIR, 'opportunities')], outDir: out, mappingFile, arrowCopyMaxBytes: 0 });
    expect(manifest.lookups?.map((l) => l.table).sort()).toEqual(['lookup_accounts', 'lookup_sales_teams']);
    const folder = /\/reports\/opps\/[^/?]+$/;
    await app.browser.context.route(folder, (route) => {
      const file = path.basename(new URL(route.request().url()).pathname);
      return route.fulfill({ status: 200, contentType: file.endsWith('.json') ? 'application/json' : 'application/octet-stream', body: readFileSync(path.join(out, file)) });
    });
    const expectedOpps = EXPECTED_CRM.opportunities();
    const { page, requests, errors } = await openApp(app.browser, app.server.origin, '?bundle=reports/opps#/funnel?v=1&sp=e.regional_office');
    await page.waitForFunction(() => document.querySelector('[data-view="split"]')?.getAttribute('data-ready') === 'true' && document.querySelector('[data-testid="split-table"] tbody tr'));
    const rows = await page.$$eval('[data-testid="split-table"] tbody tr', (trs) =>
      trs.map((tr) => [tr.getAttribute('data-value') ?? '', Number(tr.querySelector('td.num button.figure')?.textContent?.replace(/[^\d]/g, ''))] as const),
    );
    expect(new Map(rows)).toEqual(new Map(expectedOpps.by.regional_office!.map((r) => [r.value ?? '', r.leads])));
    await page.click('[data-testid="nav-overview"]');
    const kpis = await kpiValues(page);
    expect([kpis.leads, kpis.won, kpis.revenue]).toEqual([expectedOpps.leads, expectedOpps.won, expectedOpps.revenue]);
    expect(await page.getAttribute('[data-kpi="revenue"]', 'data-currency')).toBe('USD');
    expect(requests.some((url) => url.endsWith('/reports/opps/lookup_sales_teams.parquet'))).toBe(true);
    expect(foreignRequests(requests, app.server.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
    await app.browser.context.unroute(folder);
    rmSync(scratch, { recursive: true, force: true });
  });

  it('scores a bundle’s leads by the data-quality rules it was published with, and puts them in the link', async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'leadloop-published-rules-'));
    const mappingFile = path.join(scratch, 'mapping.json');
    writeFileSync(mappingFile, JSON.stringify(CRM_MAPPING.opportunities));
    const qualityFile = path.join(scratch, 'rules.json');
    writeFileSync(qualityFile, JSON.stringify({ deadFileDays: 14, off: ['date_in_future', 'duplicate'] }));
    const out = path.join(scratch, 'bundle');
    const { manifest } = await runEtl({ inputs: [path.join(CRM_DIR, 'opportunities')], outDir: out, mappingFile, qualityFile });
    expect(manifest.quality).toEqual({ qd: '14', qo: 'date_in_future,duplicate' });
    const folder = /\/reports\/rules\/[^/?]+$/;
    await app.browser.context.route(folder, (route) => {
      const file = path.basename(new URL(route.request().url()).pathname);
      return route.fulfill({ status: 200, contentType: file.endsWith('.json') ? 'application/json' : 'application/octet-stream', body: readFileSync(path.join(out, file)) });
    });
    const { page, errors } = await openApp(app.browser, app.server.origin, '?bundle=reports/rules#/quality');
    await page.waitForSelector('[data-testid="quality-page"][data-ready="true"]', { timeout: 90_000 });
    expect(await page.getAttribute('[data-testid="quality-rules-source"]', 'data-source')).toBe('published');
    await page.waitForFunction(() => location.hash.includes('qo=date_in_future,duplicate') && location.hash.includes('qd=14'));
    await page.click('[data-testid="quality-settings"] summary');
    expect(await page.inputValue('[data-testid="dead-file-days"]')).toBe('14');
    expect(await page.isChecked('[data-testid="quality-settings"] tr[data-rule="date_in_future"] input[type="checkbox"]')).toBe(false);
    expect(await page.$('[data-testid="quality-rules"] tr[data-rule="duplicate"]')).toBeNull();
    // Back to the defaults on the published dashboard: said in the link (qd=30), so it stays so and can be shared.
    await page.click('[data-testid="quality-reset"]');
    await page.waitForFunction(() => /[?&]qd=30(&|$)/.test(location.hash) && !location.hash.includes('qo='));
    await page.waitForSelector('[data-testid="quality-rules"] tr[data-rule="duplicate"]', { timeout: 60_000 });
    expect(await page.getAttribute('[data-testid="quality-rules-source"]', 'data-source')).toBe('link');
    expect(await page.inputValue('[data-testid="dead-file-days"]')).toBe('30');
    expect(await page.isChecked('[data-testid="quality-settings"] tr[data-rule="date_in_future"] input[type="checkbox"]')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
    await app.browser.context.unroute(folder);
    rmSync(scratch, { recursive: true, force: true });
  });

  it('reads a dashboard republished at the same address anew, although its old files are in the browser’s cache', async () => {
    // Served from disk by the test's server, as a host would: the browser caches what it is sent.
    const folder = `republished-${process.pid}`;
    const dir = path.join(ROOT, 'dist', folder);
    try {
      cpSync(BUNDLE, dir, { recursive: true });
      const before = await openApp(app.browser, app.server.origin, `?bundle=${folder}`);
      const sample = await kpiValues(before.page);
      expect([sample.leads, sample.mql, sample.sql, sample.opportunity, sample.won]).toEqual(expected.reached);
      expect(before.errors).toEqual([]);
      await before.page.close();

      // Republished with other leads (hand10): the same file names, other contents and digests.
      rmSync(dir, { recursive: true });
      await runEtl({ inputs: [HAND10_DIR], outDir: dir });
      app.server.responses.splice(0);
      const after = await openApp(app.browser, app.server.origin, `?bundle=${folder}`, { keepStoredData: true });
      const hand = await kpiValues(after.page);
      expect([hand.leads, hand.mql, hand.sql, hand.opportunity, hand.won]).toEqual([HAND10_KPIS.leads, HAND10_KPIS.reached_1, HAND10_KPIS.reached_2, HAND10_KPIS.reached_3, HAND10_KPIS.reached_4]);
      expect(hand.revenue).toBe(HAND10_KPIS.revenue);
      // The cached copies did not match the new manifest's digests: the leads were sent again.
      expect(app.server.responses.filter((r) => r.path === `/${folder}/leads.arrow`).map((r) => r.status)).toEqual([200]);
      expect(after.errors).toEqual([]);
      await after.page.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a bundle of another site without requesting it', async () => {
    const { page, requests, errors } = await openApp(app.browser, app.server.origin, '?bundle=https://dashboards.example.com/q3');
    expect(await page.textContent('[data-testid="data-error"]')).toMatch(/must name a folder of this site/);
    expect(foreignRequests(requests, app.server.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
