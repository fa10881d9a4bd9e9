import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, ROOT, useBuiltApp } from './harness';

/** A phone (iPhone 12–15 class) and a tablet in portrait: the sizes leadership reads a shared link on. */
const SCREENS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
] as const;

/** Every built page, how to tell it has drawn, and the "coming" pages. */
const PAGES = [
  { hash: '#/overview', ready: '[data-kpi="leads"] dd, [data-testid="chart"] canvas' },
  { hash: '#/funnel', ready: '[data-testid="cohort-heatmap"]' },
  { hash: '#/import', ready: '[data-testid="drop-zone"]' },
  { hash: '#/planning', ready: '[data-testid="plan-probability"][data-state="ready"]' },
  { hash: '#/media', ready: '[data-testid="media-page"][data-ready="true"] [data-testid="media-figures"]' },
  { hash: '#/quality', ready: '[data-testid="quality-page"][data-ready="true"] [data-testid="quality-duplicates"]' },
  { hash: '#/distribution', ready: '[data-testid="coming"]' },
] as const;

/** WCAG 2.5.5's spirit on a touch screen: a finger needs about 40 px. */
const TOUCH = 40;

/** Whether the page scrolls sideways, and if so which elements stick out (the deepest ones, to fix). */
async function sidewaysScroll(page: Page): Promise<{ scrollWidth: number; clientWidth: number; outside: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const outside = [...document.querySelectorAll('body *')]
      .filter((e) => {
        const box = e.getBoundingClientRect();
        return box.width > 0 && box.right > width + 0.5 && ![...e.children].some((c) => c.getBoundingClientRect().right > width + 0.5);
      })
      .slice(0, 8)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}[${e.getAttribute('data-testid') ?? ''}] right=${Math.round(e.getBoundingClientRect().right)}`);
    return { scrollWidth: root.scrollWidth, clientWidth: width, outside };
  });
}

async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, clientWidth, outside } = await sidewaysScroll(page);
  expect(scrollWidth, `${where}: the page scrolls sideways; sticking out: ${outside.join(', ')}`).toBeLessThanOrEqual(clientWidth);
}

/** Texts of the KPI cards that do not fit their card (the figure is cut or runs into the next card). */
async function overflowingKpis(page: Page): Promise<string[]> {
  return page.$$eval('.kpi', (cards) =>
    cards.flatMap((card) => {
      const box = card.getBoundingClientRect();
      return [...card.querySelectorAll('dt, dd, small')]
        .filter((e) => e.scrollWidth > e.clientWidth + 0.5 || e.getBoundingClientRect().right > box.right + 0.5)
        .map((e) => `${card.getAttribute('data-kpi')}: ${e.textContent}`);
    }),
  );
}

async function showPage(page: Page, hash: string, ready: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.waitForSelector(ready);
  if (hash === '#/funnel') {
    await page.waitForFunction(() => {
      const views = [...document.querySelectorAll('[data-view]')];
      return views.length === 5 && views.every((v) => v.getAttribute('data-ready') === 'true');
    });
  }
  await page.waitForTimeout(300); // charts resize on the next frame after their box changes
}

describe('phone and tablet layouts', () => {
  const app = useBuiltApp();

  for (const screen of SCREENS) {
    it(`fits every page into the ${screen.name}'s width (${screen.width} px): tables and charts stay in their panels`, async () => {
      const viewport = { width: screen.width, height: screen.height };
      const { page, errors } = await openApp(app.browser, app.server.origin, '#/overview', { viewport });
      for (const { hash, ready } of PAGES) {
        await showPage(page, hash, ready);
        await expectNoSidewaysScroll(page, `${screen.name} ${hash}`);
        await page.screenshot({ path: path.join(ROOT, `tests/e2e/artifacts/responsive-${screen.name}-${hash.slice(2)}.png`), fullPage: true });
      }

      // Overview: the KPI cards wrap (two columns on a phone) and every figure fits its card; the chart is as wide as its panel.
      await showPage(page, '#/overview', PAGES[0].ready);
      expect(await overflowingKpis(page)).toEqual([]);
      const columns = await page.$$eval('.kpi', (cards) => new Set(cards.map((c) => Math.round(c.getBoundingClientRect().left))).size);
      if (screen.name === 'phone') expect(columns).toBe(2);
      else expect(columns).toBeGreaterThanOrEqual(3);
      const chart = await page.$eval('[data-testid="chart"]', (c) => ({ canvas: c.querySelector('canvas')?.getBoundingClientRect().width ?? 0, box: c.getBoundingClientRect().width }));
      expect(chart.canvas).toBeCloseTo(chart.box, 0);

      // The Lead explorer: the dialog fits the screen, its table scrolls inside it.
      await page.click('[data-testid="kpi-open-won"]');
      await page.waitForSelector('[data-testid="lead-explorer"] tbody tr');
      const dialog = await page.$eval('[data-testid="lead-explorer"]', (d) => {
        const box = d.getBoundingClientRect();
        const parts = [...d.querySelectorAll('.explorer-header, .explorer-tools, .pager')].filter((p) => p.scrollWidth > p.clientWidth + 0.5).map((p) => p.className);
        return { left: box.left, right: box.right, parts };
      });
      expect(dialog.left).toBeGreaterThanOrEqual(0);
      expect(dialog.right).toBeLessThanOrEqual(screen.width);
      expect(dialog.parts, 'parts of the explorer that overflow').toEqual([]);
      await expectNoSidewaysScroll(page, `${screen.name} explorer`);
      await page.screenshot({ path: path.join(ROOT, `tests/e2e/artifacts/responsive-${screen.name}-explorer.png`) });
      await page.keyboard.press('Escape');
      await page.waitForSelector('[data-testid="lead-explorer"]', { state: 'detached' });

      // Funnel: the heat map's month labels do not overlap one another.
      await showPage(page, '#/funnel', PAGES[1].ready);
      const overlaps = await page.$$eval('[data-testid="cohort-heatmap"] thead th', (cells) => {
        const boxes = cells.map((c) => (c.querySelector('button') ?? c).getBoundingClientRect()).filter((b) => b.width > 0);
        return boxes.slice(1).filter((b, i) => b.left < (boxes[i]?.right ?? 0) - 0.5).length;
      });
      expect(overlaps, 'heat map month labels overlapping their neighbour').toBe(0);

      // Import: a file's review (its mapping and preview tables are wide) stays within the page.
      await showPage(page, '#/import', PAGES[2].ready);
      await page.setInputFiles('[data-testid="file-input"]', [path.join(ROOT, 'data-samples/crm/converted-flag/leads.csv')]);
      await page.waitForSelector('[data-testid="import-review"]');
      for (const summary of await page.$$('[data-testid="import-review"] details > summary')) await summary.click();
      await expectNoSidewaysScroll(page, `${screen.name} import review`);
      await page.screenshot({ path: path.join(ROOT, `tests/e2e/artifacts/responsive-${screen.name}-review.png`), fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    });

    it(`collapses the navigation into a menu on the ${screen.name} that works by keyboard, with touch-sized targets`, async () => {
      const viewport = { width: screen.width, height: screen.height };
      const { page, errors } = await openApp(app.browser, app.server.origin, '#/overview', { viewport });
      const menu = page.locator('[data-testid="nav-menu"]');
      const links = page.locator('.app-nav a');
      expect(await menu.isVisible()).toBe(true);
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect((await menu.evaluate((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim())).length).toBeGreaterThan(0);
      expect(await links.first().isVisible()).toBe(false);
      const controlled = await menu.getAttribute('aria-controls');
      expect(controlled).toBeTruthy();
      expect(await page.$(`#${controlled}`)).not.toBeNull();

      // Opened with Enter: the links show, focus moves into them.
      await menu.focus();
      await page.keyboard.press('Enter');
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      expect(await links.first().isVisible()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.closest('.app-nav') !== null && document.activeElement?.tagName === 'A')).toBe(true);

      // Touch targets: the menu button, every link and the language buttons.
      const small = await page.$$eval('[data-testid="nav-menu"], .app-nav a, .language button', (targets) =>
        targets
          .map((t) => ({ name: t.textContent?.trim(), box: t.getBoundingClientRect() }))
          .filter(({ box }) => box.height < 40 || box.width < 40)
          .map(({ name, box }) => `${name} ${Math.round(box.width)}×${Math.round(box.height)}`),
      );
      expect(small, `targets smaller than ${TOUCH} px`).toEqual([]);
      // The filter bar's controls grow on a touch screen (pointer: coarse), "More filters…" among them.
      const cdp = await app.browser.context.newCDPSession(page);
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
      expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
      const filterControls = await page.$$eval('.filter-bar summary, .filter-bar select', (targets) =>
        targets.map((t) => ({ name: t.getAttribute('data-testid') ?? t.textContent?.trim(), height: Math.round(t.getBoundingClientRect().height) })),
      );
      expect(filterControls.map((c) => c.name)).toContain('more-filters');
      expect(filterControls.filter((c) => c.height < TOUCH), `filter controls lower than ${TOUCH} px`).toEqual([]);
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
      await expectNoSidewaysScroll(page, `${screen.name} menu open`);
      await page.screenshot({ path: path.join(ROOT, `tests/e2e/artifacts/responsive-${screen.name}-menu.png`) });

      // Escape closes it and gives focus back to the button.
      await page.keyboard.press('Escape');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await links.first().isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('nav-menu');

      // Space opens it again; Tab to the Funnel's link and Enter goes there and closes the menu.
      await page.keyboard.press('Space');
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) !== 'nav-funnel'; i++) await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="cohort-heatmap"]');
      expect(await page.getAttribute('[data-testid="nav-funnel"]', 'aria-current')).toBe('page');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('keeps every KPI figure inside its card at desktop width, in German too (revenue in millions of euros)', async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin, '#/overview', { viewport: { width: 1400, height: 900 } });
    await page.click('[data-testid="lang-de"]');
    await page.waitForSelector('h1:has-text("Übersicht")');
    await page.waitForSelector('[data-kpi="revenue"] dd');
    expect(await overflowingKpis(page)).toEqual([]);
    expect(await page.isVisible('[data-testid="nav-menu"]')).toBe(false);
    await page.screenshot({ path: path.join(ROOT, 'tests/e2e/artifacts/responsive-desktop-de.png') });
    await page.evaluate(() => localStorage.removeItem('leadloop.language'));
    expect(errors).toEqual([]);
    await page.close();
  });
});
