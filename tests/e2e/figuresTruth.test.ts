import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectedByMedium, readCsv, reachedIndexOf, sampleMediumOf } from '../support/expectedFigures';
import { quantile, wilson95 } from '../support/handStats';
import { HAND10_DIR, HAND10_KPIS_BY_MEDIUM, HAND10_LEAD_TO_WON, HAND10_VELOCITY } from '../support/hand10';
import { openApp, ROOT, upload, useBuiltApp } from './harness';

/**
 * The figures on screen against the truth, not against the app itself: per-medium counts, revenue,
 * rates, Wilson intervals and velocity quantiles, computed in tests/support from the sample CSV files
 * with hand-written statistics. Read from what the user sees (the formatted text), so a wrong
 * formatter or a wrong column fails as well as a wrong sum.
 */
const SAMPLE = path.join(ROOT, 'data-samples/en');

/** A number as en-GB writes it: "6,303", "3.2%", "€8,316,344", "102.5". */
const numberIn = (text: string): number => {
  const match = /-?[\d,]+(\.\d+)?/.exec(text);
  if (!match) throw new Error(`no number in "${text}"`);
  return Number(match[0].replace(/,/g, ''));
};

/** The last two percentages of a text ("95 % interval 4.3% – 4.9%") as shares. */
const intervalIn = (text: string): [number, number] => {
  const percents = [...text.matchAll(/([\d,]+(?:\.\d+)?)\s?%/g)].map((m) => Number(m[1]!.replace(/,/g, '')) / 100);
  if (percents.length < 2) throw new Error(`no interval in "${text}"`);
  return [percents.at(-2)!, percents.at(-1)!];
};

/** A share shown with one decimal of a percent is right when it is the true share rounded: within half a unit. */
const HALF_UNIT = 0.0005 + 1e-12;
function expectShown(shown: number, truth: number, what: string): void {
  expect(Math.abs(shown - truth), `${what}: shown ${shown}, true ${truth}`).toBeLessThanOrEqual(HALF_UNIT);
}

async function waitForViews(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const views = [...document.querySelectorAll('[data-view]')];
    return views.length === 5 && views.every((v) => v.getAttribute('data-ready') === 'true');
  });
}

describe('figures on screen equal an independent computation from the source files', () => {
  const app = useBuiltApp();
  const truth = expectedByMedium(SAMPLE);
  const leads = readCsv(path.join(SAMPLE, 'leads.csv'));

  it('Overview: every medium’s leads, won, lead → won rate and revenue, and the lead → won interval', async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin);
    await page.waitForSelector('[data-testid="media-table"] tbody tr');
    const rows = await page.$$eval('[data-testid="media-table"] tbody tr', (trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('td')];
        return {
          medium: tr.getAttribute('data-medium'),
          leads: cells[1]?.textContent ?? '',
          won: cells[2]?.textContent ?? '',
          rate: cells[3]?.textContent ?? '',
          // The cell shows a compact amount; its title has it in full.
          revenue: cells[4]?.querySelector('[title]')?.getAttribute('title') ?? '',
        };
      }),
    );
    expect(rows.map((r) => r.medium).sort()).toEqual([...truth.keys()].sort());
    for (const row of rows) {
      const expected = truth.get(row.medium ?? '')!;
      expect(numberIn(row.leads), `${row.medium} leads`).toBe(expected.leads);
      expect(numberIn(row.won), `${row.medium} won`).toBe(expected.won);
      expectShown(numberIn(row.rate) / 100, expected.won / expected.leads, `${row.medium} lead → won`);
      // Whole euros are shown: the true sum rounded.
      expect(row.revenue, `${row.medium} revenue`).toMatch(/^€/);
      expect(Math.abs(numberIn(row.revenue) - expected.revenue), `${row.medium} revenue ${row.revenue}`).toBeLessThanOrEqual(0.5);
    }

    const won = [...truth.values()].reduce((sum, m) => sum + m.won, 0);
    expectShown(numberIn((await page.textContent('[data-kpi="lead_to_won"] dd')) ?? '') / 100, won / leads.length, 'lead → won');
    const [low, high] = intervalIn((await page.textContent('[data-kpi="lead_to_won"] small')) ?? '');
    const wilson = wilson95(won, leads.length);
    expectShown(low, wilson.low, 'lead → won interval low');
    expectShown(high, wilson.high, 'lead → won interval high');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Funnel split by medium: every medium’s stage counts, lead → won rate and its Wilson interval', async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin, '#/funnel');
    await waitForViews(page);
    expect(await page.inputValue('[data-testid="split-dimension"]')).toBe('medium');
    const rows = await page.$$eval('[data-testid="split-table"] tbody tr', (trs) =>
      trs.map((tr) => {
        const rate = tr.querySelector('[data-figure="lead-to-won"]');
        return {
          medium: tr.getAttribute('data-value'),
          counts: [...tr.querySelectorAll('td button.figure')].map((b) => b.textContent ?? ''),
          rate: rate?.firstChild?.textContent ?? '',
          interval: rate?.querySelector('small.muted')?.textContent ?? '',
        };
      }),
    );
    expect(rows.map((r) => r.medium).sort()).toEqual([...truth.keys()].sort());
    for (const row of rows) {
      const ofMedium = leads.filter((l) => sampleMediumOf(l) === row.medium);
      const reached = [0, 1, 2, 3, 4].map((stage) => ofMedium.filter((l) => reachedIndexOf(l) >= stage).length);
      expect(row.counts.map(numberIn), `${row.medium} stage counts`).toEqual(reached);
      const { won, leads: n } = truth.get(row.medium ?? '')!;
      expectShown(numberIn(row.rate) / 100, won / n, `${row.medium} lead → won`);
      const [low, high] = intervalIn(row.interval);
      const wilson = wilson95(won, n);
      expectShown(low, wilson.low, `${row.medium} interval low`);
      expectShown(high, wilson.high, `${row.medium} interval high`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Velocity: the created → won median and p80 of all leads, and the median of one medium once it is chosen', async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin, '#/funnel');
    await waitForViews(page);
    const wonSpan = '[data-testid="velocity-table"] tr[data-span="0-4"]';
    const shown = async () => {
      const cells = await page.$$eval(`${wonSpan} td`, (tds) => tds.map((td) => td.textContent ?? ''));
      return { n: numberIn(cells[0]!), median: numberIn(cells[1]!), p80: numberIn(cells[2]!) };
    };
    const days = [...truth.values()].flatMap((m) => m.daysToWon);
    const all = await shown();
    expect(all.n).toBe(days.length);
    // Days are shown with one decimal: the true quantile rounded.
    expect(Math.abs(all.median - quantile(days, 0.5))).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs(all.p80 - quantile(days, 0.8))).toBeLessThanOrEqual(0.05 + 1e-9);

    // Podcast: few won leads, an even count, so its median lies between two leads (interpolated).
    const podcast = truth.get('Podcast')!.daysToWon;
    expect(podcast.length % 2).toBe(0);
    await page.click('[data-testid="split-table"] tr[data-value="Podcast"] th button');
    await page.waitForSelector('[data-chip="selection-split"]');
    await page.waitForFunction(([selector, n]) => document.querySelector(`${selector} td`)?.textContent === n, [wonSpan, String(podcast.length)] as const);
    const one = await shown();
    expect(Math.abs(one.median - quantile(podcast, 0.5))).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs(one.p80 - quantile(podcast, 0.8))).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ten leads imported through the page show the figures worked out by hand (tests/support/hand10.ts)', async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin, '#/import');
    await upload(page, [path.join(HAND10_DIR, 'leads.csv'), path.join(HAND10_DIR, 'deals.csv')], 2);
    await page.click('[data-testid="nav-overview"]');
    await page.waitForFunction(() => document.querySelector('[data-kpi="leads"]')?.getAttribute('data-value') === '10');
    await page.waitForSelector('[data-testid="media-table"] tbody tr');
    const rows = await page.$$eval('[data-testid="media-table"] tbody tr', (trs) =>
      // The revenue cell's title has the amount in full; without one its text ("unknown", "–").
      trs.map((tr) => [tr.getAttribute('data-medium'), ...[...tr.querySelectorAll('td')].slice(1).map((td) => td.querySelector('[title]')?.getAttribute('title') ?? td.textContent ?? '')]),
    );
    const byMedium = new Map(rows.map(([medium, ...cells]) => [medium, cells]));
    expect([...byMedium.keys()].sort()).toEqual(HAND10_KPIS_BY_MEDIUM.map((m) => m.medium ?? '').sort());
    for (const m of HAND10_KPIS_BY_MEDIUM) {
      const [leadsText, wonText, rateText, revenueText] = byMedium.get(m.medium ?? '')!;
      expect([numberIn(leadsText!), numberIn(wonText!)], `${m.medium}`).toEqual([m.leads, m.reached_4]);
      expectShown(numberIn(rateText!) / 100, m.reached_4 / m.leads, `${m.medium} lead → won`);
      // Unknown revenue (a won lead without an amount) says so; nothing won shows no money.
      if (m.revenue === null) expect(revenueText, `${m.medium} revenue`).toBe('unknown');
      else if (m.reached_4 === 0) expect(revenueText, `${m.medium} revenue`).toMatch(/^(–|€?0)$/);
      else expect(revenueText, `${m.medium} revenue`).toBe(`€${new Intl.NumberFormat('en-GB').format(m.revenue)}`);
    }
    const [low, high] = intervalIn((await page.textContent('[data-kpi="lead_to_won"] small')) ?? '');
    expectShown(low, HAND10_LEAD_TO_WON.low, 'interval low');
    expectShown(high, HAND10_LEAD_TO_WON.high, 'interval high');

    await page.click('[data-testid="nav-funnel"]');
    await waitForViews(page);
    for (const [span, truth] of [['0-4', HAND10_VELOCITY.createdToWon], ['0-1', HAND10_VELOCITY.createdToMql]] as const) {
      const cells = await page.$$eval(`[data-testid="velocity-table"] tr[data-span="${span}"] td`, (tds) => tds.map((td) => td.textContent ?? ''));
      expect(cells.map(numberIn), span).toEqual([truth.n, truth.median, truth.p80]);
    }
    // web: 1 won of 4 leads, its interval by hand (Wilson) in the split view.
    const web = wilson95(1, 4);
    const [webLow, webHigh] = intervalIn((await page.textContent('[data-testid="split-table"] tr[data-value="web"] [data-figure="lead-to-won"]')) ?? '');
    expectShown(webLow, web.low, 'web interval low');
    expectShown(webHigh, web.high, 'web interval high');
    expect(errors).toEqual([]);
    await page.close();
  });
});
