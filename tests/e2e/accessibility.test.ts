import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, ROOT, useBuiltApp } from './harness';

/**
 * axe-core's engine, put into the page by Playwright's evaluate: that runs through the DevTools
 * protocol, which the app's Content-Security-Policy does not govern (checked: no violation report
 * reaches the server, which useBuiltApp asserts). A <script> tag with this text would be blocked.
 */
const AXE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A and AA, and axe's best practices (landmarks, headings, a dialog's name). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

interface Finding {
  readonly rule: string;
  readonly nodes: string[];
}

async function axeViolations(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({ rule: v.id, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`) }));
  }, TAGS);
}

/** WCAG 2's contrast ratio of two computed CSS colours ("rgb(…)"/"rgba(…)", opaque), computed here. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/**
 * Tabs through the whole page from its top and returns the interactive elements Tab never reached
 * and those that showed no focus indicator (outline, box shadow, or the outline of a card's
 * ::after that the KPI buttons use) when reached.
 */
async function tabThrough(page: Page): Promise<{ reached: number; missed: string[]; unseen: string[] }> {
  const candidates = await page.evaluate(() => {
    const describe = (e: Element) => `${e.tagName.toLowerCase()}[${e.getAttribute('data-testid') ?? ''}] "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40)}"`;
    const all = [...document.querySelectorAll<HTMLElement>('a[href], button, select, input:not([type="hidden"]), textarea, summary, [tabindex]')].filter((e) => {
      if (e.tabIndex < 0 || (e as HTMLButtonElement).disabled || e.closest('[inert]')) return false;
      if (e.getClientRects().length === 0 || getComputedStyle(e).visibility === 'hidden') return false;
      // The content of a closed <details> keeps its boxes in Chromium (content-visibility: hidden) but is not shown.
      if (!e.checkVisibility()) return false;
      // Only the checked radio of a group is a Tab stop (or the first, when none is).
      if (e instanceof HTMLInputElement && e.type === 'radio' && !e.checked) return false;
      return true;
    });
    const seen: Record<string, boolean> = {};
    all.forEach((e, i) => e.setAttribute('data-tab-index', String(i)));
    document.addEventListener('focusin', (event) => {
      const e = event.target as HTMLElement;
      const index = e.getAttribute('data-tab-index');
      if (index === null) return;
      const own = getComputedStyle(e);
      const after = getComputedStyle(e, '::after');
      const drawn = (s: CSSStyleDeclaration) => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      seen[index] = drawn(own) || drawn(after);
    });
    (window as unknown as { tabSeen: Record<string, boolean> }).tabSeen = seen;
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
    return all.map(describe);
  });
  for (let i = 0; i < candidates.length + 5; i++) await page.keyboard.press('Tab');
  const seen = await page.evaluate(() => (window as unknown as { tabSeen: Record<string, boolean> }).tabSeen);
  return {
    reached: Object.keys(seen).length,
    missed: candidates.filter((_, i) => !(String(i) in seen)),
    unseen: candidates.filter((_, i) => seen[String(i)] === false),
  };
}

async function showPage(page: Page, hash: string, ready: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.waitForSelector(ready);
  if (hash.startsWith('#/funnel')) {
    await page.waitForFunction(() => {
      const views = [...document.querySelectorAll('[data-view]')];
      return views.length === 5 && views.every((v) => v.getAttribute('data-ready') === 'true' && v.getAttribute('aria-busy') !== 'true');
    });
  }
  // Every chart drawn (none animates): axe reads the page as the user sees it.
  await page.waitForFunction(() => [...document.querySelectorAll('.chart')].every((chart) => chart.hasAttribute('data-rendered')));
}

const PAGES = [
  { hash: '#/overview', ready: '[data-kpi="leads"] dd' },
  { hash: '#/funnel', ready: '[data-testid="cohort-heatmap"]' },
  // A period of eleven months, some still immature: the heat map writes its shares into the (washed-out) cells.
  { hash: '#/funnel?v=1&p=2026-01-01_2026-11-30', ready: '[data-testid="cohort-heatmap"]:not(.compact)' },
  { hash: '#/import', ready: '[data-testid="drop-zone"]' },
  { hash: '#/planning', ready: '[data-testid="plan-probability"][data-state="ready"]' },
  { hash: '#/media', ready: '[data-testid="media-page"][data-ready="true"] [data-testid="media-figures"]' },
  { hash: '#/quality', ready: '[data-testid="quality-page"][data-ready="true"] [data-testid="quality-duplicates"]' },
  { hash: '#/distribution', ready: '[data-testid="coming"]' },
] as const;

describe('accessibility basics on every built page', () => {
  const app = useBuiltApp();

  for (const language of ['en', 'de'] as const) {
    it(`names every control, keeps text at 4.5:1 and follows WCAG AA by axe-core (${language})`, async () => {
      const { page, errors } = await openApp(app.browser, app.server.origin, '#/overview');
      if (language === 'de') {
        await page.click('[data-testid="lang-de"]');
        await page.waitForSelector('h1:has-text("Übersicht")');
      }
      for (const { hash, ready } of PAGES) {
        await showPage(page, hash, ready);
        expect(await axeViolations(page), `${language} ${hash}`).toEqual([]);
      }

      // The heat map's cells with their shares written in, immature (washed-out) ones included, by an own computation.
      await showPage(page, PAGES[2].hash, PAGES[2].ready);
      const cells = await page.$$eval('[data-testid="cohort-heatmap"] tbody td', (tds) =>
        tds.map((td) => ({ text: getComputedStyle(td).color, background: getComputedStyle(td).backgroundColor, immature: td.classList.contains('immature'), shown: (td.querySelector('span')?.getClientRects().length ?? 0) > 0 })),
      );
      expect(cells.filter((c) => c.shown && c.immature).length).toBeGreaterThan(0);
      for (const cell of cells) expect(contrast(cell.text, cell.background), JSON.stringify(cell)).toBeGreaterThanOrEqual(4.5);

      // The Lead explorer's dialog, opened from a KPI card.
      await showPage(page, '#/overview', PAGES[0].ready);
      await page.click('[data-testid="kpi-open-won"]');
      await page.waitForSelector('[data-testid="lead-explorer"] tbody tr');
      expect(await axeViolations(page), `${language} explorer`).toEqual([]);
      await page.keyboard.press('Escape');
      await page.waitForSelector('[data-testid="lead-explorer"]', { state: 'detached' });

      // The import review of a file: its mapping, formats and preview.
      await showPage(page, '#/import', PAGES[3].ready);
      await page.setInputFiles('[data-testid="file-input"]', [path.join(ROOT, 'data-samples/crm/converted-flag/leads.csv')]);
      await page.waitForSelector('[data-testid="import-review"]');
      for (const summary of await page.$$('[data-testid="import-review"] details > summary')) await summary.click();
      expect(await axeViolations(page), `${language} import review`).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('can be used by keyboard alone: Tab reaches every control of each page, each showing where focus is', async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin, '#/overview');
    for (const { hash, ready } of [PAGES[0], PAGES[1], PAGES[3], PAGES[4]]) {
      await showPage(page, hash, ready);
      const { reached, missed, unseen } = await tabThrough(page);
      expect(reached, `${hash}: controls reached by Tab`).toBeGreaterThan(5);
      expect(missed, `${hash}: controls Tab never reached`).toEqual([]);
      expect(unseen, `${hash}: controls without a visible focus`).toEqual([]);
    }
    // Enter on a KPI card opens the leads behind it; focus goes into the dialog and Escape brings it back.
    await showPage(page, '#/overview', PAGES[0].ready);
    await page.focus('[data-testid="kpi-open-won"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="lead-explorer"] tbody tr');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="lead-explorer"]') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="lead-explorer"]', { state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('kpi-open-won');
    expect(errors).toEqual([]);
    await page.close();
  });
});
