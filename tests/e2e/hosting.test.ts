import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderBytes, wasmCodeCacheOf } from '../support/folderBytes';
import { kpiValues, openApp, ROOT, useBuiltApp } from './harness';

/**
 * The built app as README asks a host to serve it (and `npm start` does): code split by page, the
 * engine's wasm sent pre-compressed, hashed assets kept by the browser between visits.
 */
describe('serving the built app', () => {
  const app = useBuiltApp();

  it('sends pre-compressed assets, loads a page and ECharts only when shown, keeps the compiled engine, and takes the assets from the cache on a second visit', async () => {
    const first = await openApp(app.browser, app.server.origin);
    await kpiValues(first.page);
    await first.page.waitForSelector('[data-testid="chart"][data-rendered]');
    const served = app.server.responses.splice(0);
    const wasm = served.filter((r) => /\/assets\/duckdb-[a-z]+-[\w-]+\.wasm$/.test(r.path));
    expect(wasm.length, 'the engine wasm was fetched once').toBe(1);
    expect(wasm[0]).toMatchObject({ encoding: 'br', cacheControl: 'public, max-age=31536000, immutable' });
    // The engine served is the build's, with only the exports something reads (src/hosting/engineExports.ts), not the package's 75,011.
    const servedEngine = path.join(ROOT, 'dist', wasm[0]!.path);
    expect(statSync(servedEngine).size).toBeLessThan(30_000_000);
    expect(WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(servedEngine))).length).toBeLessThan(1_000);
    expect(served.find((r) => r.path === '/')?.cacheControl).toBe('no-cache');
    expect(served.filter((r) => r.path.startsWith('/sample/')).every((r) => r.cacheControl === 'no-cache')).toBe(true);
    // The sample's tables arrive as their Arrow copies, brotli-compressed; the Parquet reader's wasm is never fetched.
    expect(served.find((r) => r.path === '/sample/leads.arrow')?.encoding).toBe('br');
    expect(served.filter((r) => /\.parquet$|parquet_wasm/.test(r.path))).toEqual([]);
    const scripts = served.filter((r) => r.path.endsWith('.js')).map((r) => r.path);
    // The Overview's chunk and ECharts' arrived as chunks of their own; the Funnel's did not come at all.
    expect(scripts.some((p) => /\/assets\/OverviewPage-[\w-]+\.js$/.test(p))).toBe(true);
    expect(scripts.some((p) => /\/assets\/echarts-[\w-]+\.js$/.test(p))).toBe(true);
    expect(scripts.some((p) => /\/assets\/FunnelPage-/.test(p))).toBe(false);
    expect(served.find((r) => /\/assets\/index-[\w-]+\.js$/.test(r.path))?.encoding).toBe('br');
    expect(first.errors).toEqual([]);

    await first.page.click('[data-testid="nav-funnel"]');
    await first.page.waitForSelector('[data-view="funnel"][data-ready="true"]', { timeout: 60_000 });
    expect(app.server.responses.splice(0).some((r) => /\/assets\/FunnelPage-[\w-]+\.js$/.test(r.path))).toBe(true);

    // Chromium writes the engine's optimised code to its cache while the page is used (the engine
    // compiled from fetch()'s own response: src/hosting/cacheableEngineCompile.ts); without it, only an empty index (72 bytes).
    const wasmCache = wasmCodeCacheOf(app.browser.profileDir);
    await expect.poll(() => folderBytes(wasmCache), { timeout: 60_000, interval: 500 }).toBeGreaterThan(500_000);
    await first.page.close();

    // A second visit in the same profile: index.html and the sample's manifest are asked again, hashed assets are not.
    const second = await openApp(app.browser, app.server.origin, '', { keepStoredData: true });
    await kpiValues(second.page);
    const answered = app.server.responses.splice(0);
    const again = answered.map((r) => r.path);
    expect(again).toContain('/');
    expect(again.filter((p) => p.startsWith('/assets/'))).toEqual([]);
    // The sample's manifest is revalidated and, unchanged, not sent again (304). The files it names by
    // their SHA-256 are taken from the cache unasked: the copies there match it (src/ui/data/publishedBundle.ts).
    const sample = answered.filter((r) => r.path.startsWith('/sample/'));
    expect(sample.map((r) => `${r.path} ${r.status}`)).toEqual(['/sample/manifest.json 304']);
    expect(second.errors).toEqual([]);
    await second.page.close();
  });
});
