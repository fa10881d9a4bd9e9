import path from 'node:path';
import { launchChromium } from '../support/chromium';
import { serveStatic } from '../support/staticServer';
const ROOT = path.resolve(import.meta.dirname, '../..');
const [hash = '#/funnel', out = '/tmp/funnel.png', lang = 'en'] = process.argv.slice(2);
const server = await serveStatic(path.join(ROOT, 'dist'));
const browser = await launchChromium({ viewport: { width: 1400, height: 900 } });
try {
  const page = await browser.context.newPage();
  page.on('console', (m) => m.type() !== 'log' && console.log('console', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.addInitScript((language) => localStorage.setItem('leadloop.language', language), lang);
  await page.goto(`${server.origin}/${hash}`);
  await page.waitForSelector('[data-phase="ready"]', { timeout: 90_000 });
  await page.waitForTimeout(4000);
  await page.screenshot({ path: out, fullPage: true });
  console.log(await page.evaluate(() => [...document.querySelectorAll('[data-view]')].map((v) => `${v.getAttribute('data-view')}:${v.getAttribute('data-ready')}`).join(' ')));
} finally {
  await browser.close();
  await server.close();
}
