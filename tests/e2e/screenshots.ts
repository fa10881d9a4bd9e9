/**
 * Refreshes docs/screenshots/ from the built app (npm run build first). Run: npm run screenshots
 */
import path from 'node:path';
import { launchChromium } from '../support/chromium';
import { serveStatic } from '../support/staticServer';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'docs/screenshots');

const SHOTS = [
  { file: 'overview-en.png', language: 'en', hash: '#/overview' },
  { file: 'overview-de.png', language: 'de', hash: '#/overview' },
  { file: 'coming-en.png', language: 'en', hash: '#/planning' },
  { file: 'funnel-en.png', language: 'en', hash: '#/funnel', fullPage: true },
  { file: 'funnel-de.png', language: 'de', hash: '#/funnel', fullPage: true },
  // Cross-filtered: web selected in the split view, the other views follow.
  { file: 'funnel-selected-en.png', language: 'en', hash: '#/funnel?v=1&p=2025-01-01_2025-12-31&x.split.m=web', fullPage: true },
  { file: 'funnel-empty-en.png', language: 'en', hash: '#/funnel?v=1&p=1990-01-01_1990-12-31' },
  // A filter picker open: an owner's values with their lead counts.
  { file: 'filters-en.png', language: 'en', hash: '#/funnel?v=1&m=web', picker: 'owner' },
  // The cohort and trend figures as tables (their disclosures opened), a month selected on the trend.
  { file: 'funnel-tables-en.png', language: 'en', hash: '#/funnel?v=1&x.trend.p=2025-03-01_2025-03-31', tables: ['cohort-table', 'trend-table'], fullPage: true },
  // The cohort heat map with a month chosen and the pointer on a cell of an immature month (its tooltip).
  {
    file: 'funnel-heatmap-en.png',
    language: 'en',
    hash: '#/funnel?v=1&x.cohorts.p=2025-06-01_2025-06-30',
    hover: '[data-testid="cohort-heatmap"] tbody tr:nth-child(2) td:nth-last-child(3)',
    element: '[data-view="cohorts"]',
  },
  // The Lead explorer opened from the "Won" KPI card.
  { file: 'explorer-en.png', language: 'en', hash: '#/overview', open: 'won' },
] as const satisfies readonly { file: string; language: string; hash: string; open?: string; fullPage?: boolean; picker?: string; tables?: readonly string[]; hover?: string; element?: string }[];

const server = await serveStatic(path.join(ROOT, 'dist'));
const browser = await launchChromium({ viewport: { width: 1400, height: 900 } });
try {
  for (const shot of SHOTS) {
    const page = await browser.context.newPage();
    await page.addInitScript((language) => localStorage.setItem('leadloop.language', language), shot.language);
    await page.goto(`${server.origin}/${shot.hash}`);
    await page.waitForSelector('[data-phase="ready"]', { timeout: 90_000 });
    if (shot.hash === '#/overview') await page.waitForSelector('[data-testid="chart"] canvas');
    if (shot.hash.startsWith('#/funnel')) {
      await page.waitForFunction(() => {
        const views = [...document.querySelectorAll('[data-view]')];
        return views.length === 5 && views.every((v) => v.getAttribute('data-ready') === 'true');
      });
    }
    await page.waitForTimeout(800); // let the chart's entry animation finish
    if ('picker' in shot) {
      await page.click(`[data-testid="picker-${shot.picker}"] summary`);
      await page.waitForSelector(`[data-testid="picker-${shot.picker}"] .picker-panel li`);
    }
    if ('tables' in shot) {
      for (const table of shot.tables) await page.click(`[data-testid="${table}-toggle"] summary`);
      await page.locator(`[data-testid="${shot.tables[0]}"]`).scrollIntoViewIfNeeded();
    }
    if ('open' in shot) {
      await page.click(`[data-testid="kpi-open-${shot.open}"]`);
      await page.waitForSelector('[data-testid="lead-explorer"] tbody tr');
      await page.waitForTimeout(200);
    }
    if ('hover' in shot) await page.hover(shot.hover);
    const file = path.join(OUT, shot.file);
    if ('element' in shot) await page.locator(shot.element).screenshot({ path: file });
    else await page.screenshot({ path: file, fullPage: 'fullPage' in shot && shot.fullPage });
    console.log(`wrote ${path.relative(ROOT, file)}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
