import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readCsv, reachedIndexOf, type CsvRow } from '../support/expectedFigures';
import { openApp, ROOT, useBuiltApp } from './harness';

const STAGES = ['lead', 'mql', 'sql', 'opportunity', 'won'];

/** Leads of the English sample per reached stage, counted from the CSV with none of the app's code. */
function reachedCounts(leads: readonly CsvRow[]): number[] {
  const counts = STAGES.map(() => 0);
  for (const lead of leads) for (let i = 0; i <= reachedIndexOf(lead); i++) counts[i]! += 1;
  return counts;
}

/** A lead's created month, 'yyyy-mm', as the CSV gives it. */
const createdMonth = (lead: CsvRow) => (lead['Created Date'] ?? '').slice(0, 7);

/** The created months of the leads, in order. */
const createdMonths = (leads: readonly CsvRow[]) => [...new Set(leads.map(createdMonth))].sort();

async function waitForViews(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const views = [...document.querySelectorAll('[data-view]')];
    return views.length === 5 && views.every((v) => v.getAttribute('data-ready') === 'true');
  });
}

/** Waits until the stage funnel counts `leads` leads (its first row). */
async function waitForLeads(page: Page, leads: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelector('[data-testid="funnel-table"] tbody tr')?.getAttribute('data-count') === String(n), leads);
}

/** Opens a dimension's picker and ticks its first value whose label has no "(" ("(not given)" may head the list); returns the label. */
async function tickFirstValue(page: Page, dimension: string): Promise<string> {
  await page.click(`[data-testid="picker-${dimension}"] summary`);
  const box = page.locator(`[data-testid="picker-${dimension}"] label`, { hasNotText: '(' }).first().locator('input[type="checkbox"]');
  const label = ((await box.locator('xpath=../span').textContent()) ?? '').trim();
  await box.click();
  return label;
}

async function funnelCounts(page: Page): Promise<number[]> {
  await waitForViews(page);
  return page.$$eval('[data-testid="funnel-table"] tbody tr', (rows) => rows.map((r) => Number(r.getAttribute('data-count'))));
}

describe('the Funnel page in headless Chromium', () => {
  const app = useBuiltApp();
  const leads = readCsv(path.join(ROOT, 'data-samples/en/leads.csv'));
  const webLeads = leads.filter((l) => l['Lead Source'] === 'Website');

  it('shows the stage funnel equal to an independent count of the sample file', async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin, '#/funnel');
    expect(await funnelCounts(page)).toEqual(reachedCounts(leads));
    expect(await page.textContent('[data-testid="chips"]')).toContain('No filters');
    expect(await page.textContent('main')).not.toMatch(/NaN|undefined/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks each split row against the best one, in words, where their intervals overlap', async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin, '#/funnel');
    await waitForViews(page);
    const rows = await page.$$eval('[data-testid="split-table"] tbody tr', (trs) =>
      trs.map((tr) => {
        const cell = tr.querySelector('[data-figure="lead-to-won"]');
        const interval = cell?.querySelector('small.muted')?.textContent ?? '';
        const [low, high] = [...interval.matchAll(/([\d.]+)%/g)].map((m) => Number(m[1]) / 100);
        return { low: low!, high: high!, mark: cell?.querySelector('.not-significant')?.textContent?.trim() ?? null };
      }),
    );
    expect(rows.length).toBeGreaterThan(2);
    const best = rows[0]!;
    expect(best.mark).toBeNull();
    for (const row of rows.slice(1)) {
      const overlaps = row.low <= best.high && best.low <= row.high;
      expect(row.mark).toBe(overlaps ? 'not significantly below the best' : null);
    }
    // The trend states its threshold and names the media it does not draw (the two with the fewest leads).
    const note = await page.textContent('[data-view="trend"] p.muted.small');
    expect(note).toContain('fewer than 20 leads');
    expect(note).toContain('Not drawn: Podcast, Partner-Empfehlung.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("cross-filters: a medium's bar clicked in the split view filters the other views, adds a chip, travels in the link, and the explorer lists the leads behind a funnel bar", async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin, '#/funnel');
    await waitForViews(page);
    const media = await page.$$eval('[data-testid="split-table"] tbody tr', (rows) => rows.map((r) => r.getAttribute('data-value')));
    const web = media.indexOf('web');
    expect(web).toBeGreaterThanOrEqual(0);
    const webBar = '[data-testid="split-table"] tr[data-value="web"] .rate-bar';
    await page.click(webBar);
    await page.waitForSelector('[data-chip="selection-split"]');
    const expected = reachedCounts(webLeads);
    await waitForLeads(page, expected[0]!);
    expect(await funnelCounts(page)).toEqual(expected);
    // The view the selection was made in is not filtered by it: every medium is still listed.
    expect(await page.$$eval('[data-testid="split-table"] tbody tr', (rows) => rows.length)).toBe(media.length);
    expect(await page.textContent('[data-chip="selection-split"]')).toContain('Medium: Web');

    // The view is in the link: a fresh page opened with it shows the same figures and chip.
    // The link follows the view once the page is idle.
    await page.waitForFunction(() => location.hash.includes('x.split.m=web'));
    const link = page.url();
    const fresh = await openApp(app.browser, app.server.origin, link.slice(link.indexOf('#')), { keepStoredData: true });
    expect(await funnelCounts(fresh.page)).toEqual(expected);
    expect(await fresh.page.textContent('[data-chip="selection-split"]')).toContain('Medium: Web');
    expect(fresh.errors).toEqual([]);
    await fresh.page.close();

    // A double click on the SQL bar lists exactly the web leads that reached SQL.
    await page.dblclick('[data-testid="funnel-bar-sql"]');
    await page.waitForSelector('[data-testid="lead-explorer"] [data-testid="explorer-count"][data-count]:not([data-count=""])');
    expect(Number(await page.getAttribute('[data-testid="explorer-count"]', 'data-count'))).toBe(expected[2]);
    expect(await page.textContent('[data-testid="lead-explorer"] h2')).toContain('Reached SQL');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="lead-explorer"]', { state: 'detached' });

    // The same bar clicked again clears the selection.
    await page.click(webBar);
    await page.waitForSelector('[data-chip="selection-split"]', { state: 'detached' });
    expect(await funnelCounts(page)).toEqual(reachedCounts(leads));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters by a picked value and a period, and shows an empty state without leads', async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin, '#/funnel');
    await waitForViews(page);
    await page.click('[data-testid="picker-channel"] summary');
    await page.click('[data-testid="picker-channel"] label:has-text("Partner") input');
    await page.waitForSelector('[data-chip="channel"]');
    await page.keyboard.press('Escape');
    const partner = leads.filter((l) => l.Channel === 'Partner');
    await waitForLeads(page, partner.length);
    expect(await funnelCounts(page)).toEqual(reachedCounts(partner));

    await page.selectOption('[data-testid="period"]', 'custom');
    await page.fill('input[aria-label="From"]', '1990-01-01');
    await page.fill('input[aria-label="To"]', '1990-12-31');
    await page.waitForSelector('[data-chip="period"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-view] .empty').length >= 4);
    expect(await page.textContent('main')).not.toMatch(/NaN|undefined|Infinity/);
    await page.click('[data-testid="clear-filters"]');
    expect(await funnelCounts(page)).toEqual(reachedCounts(leads));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('selects a stage from the keyboard: the other views show only the leads that reached it', async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin, '#/funnel');
    await waitForViews(page);
    await page.focus('[data-testid="funnel-table"] tr[data-stage="sql"] th button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-chip="selection-funnel"]');
    expect(await page.textContent('[data-chip="selection-funnel"]')).toContain('Reached SQL');
    await waitForViews(page);
    const splitLeads = await page.$$eval('[data-testid="split-table"] tbody tr td:nth-child(2)', (cells) => cells.reduce((sum, c) => sum + Number((c.textContent ?? '').replace(/\D/g, '')), 0));
    expect(splitLeads).toBe(reachedCounts(leads)[2]);
    // The stage funnel itself is not filtered by its own selection.
    expect(await funnelCounts(page)).toEqual(reachedCounts(leads));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('selects a range of months by dragging across the trend: the other views count only leads created then, and the chip clears it', async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin, '#/funnel');
    await waitForViews(page);
    const months = createdMonths(leads);
    const chart = page.locator('[data-testid="chart-trend"]');
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    // The trend's plot starts 52 px from the left and ends 16 px from the right (trendOption's grid); months are centred in equal bands.
    const band = (box.width - 52 - 16) / months.length;
    const y = box.y + 16 + (box.height - 16 - 36) / 2;
    await page.mouse.move(box.x + 52 + band * 2.3, y);
    await page.mouse.down();
    await page.mouse.move(box.x + 52 + band * 4.7, y, { steps: 6 });
    await page.mouse.up();
    await page.waitForSelector('[data-chip="selection-trend"]');
    const chosen = months.slice(2, 5);
    const inRange = leads.filter((l) => chosen.includes(createdMonth(l)));
    const expected = reachedCounts(inRange);
    await waitForLeads(page, expected[0]!);
    expect(await funnelCounts(page)).toEqual(expected);
    await page.waitForFunction((p) => location.hash.includes(p), `x.trend.p=${chosen[0]}-01_`);

    await page.click('[data-chip="selection-trend"] button');
    await waitForLeads(page, leads.length);
    expect(await funnelCounts(page)).toEqual(reachedCounts(leads));
    await page.waitForFunction(() => !location.hash.includes('x.trend.p'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("hides and shows a trend line from its legend by keyboard: the chart's tooltip lists only the lines shown", async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin, '#/funnel');
    await waitForViews(page);
    const buttons = page.locator('[data-testid="trend-legend"] button');
    const names = (await buttons.allTextContents()).map((n) => n.trim());
    expect(names.length).toBeGreaterThan(1);
    const chart = page.locator('[data-testid="chart-trend"]');
    /** The tooltip's text with the pointer on the middle month (ECharts puts it inside the chart's element). */
    const tooltipText = async () => {
      await chart.scrollIntoViewIfNeeded();
      const box = (await chart.boundingBox())!;
      await page.mouse.move(box.x + 1, box.y + 1);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
      await page.waitForFunction(() => /%/.test(document.querySelector('[data-testid="chart-trend"]')?.textContent ?? ''));
      const text = (await chart.textContent()) ?? '';
      await page.mouse.move(0, 0);
      return text;
    };
    const before = await tooltipText();
    for (const name of names) expect(before).toContain(name);

    const drawn = Number(await chart.getAttribute('data-rendered'));
    await buttons.first().focus();
    await page.keyboard.press('Enter');
    expect(await buttons.first().getAttribute('aria-pressed')).toBe('false');
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="chart-trend"]')?.getAttribute('data-rendered')) > n, drawn);
    const hidden = await tooltipText();
    expect(hidden).not.toContain(names[0]);
    for (const name of names.slice(1)) expect(hidden).toContain(name);

    await buttons.first().focus();
    await page.keyboard.press('Space');
    expect(await buttons.first().getAttribute('aria-pressed')).toBe('true');
    expect(await tooltipText()).toContain(names[0]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the cohort and trend figures as tables that work by keyboard: a month filters the other views, a cohort share lists its leads', async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin, '#/funnel');
    await waitForViews(page);
    const months = createdMonths(leads);
    const month = months[3]!;

    // Trend: open its table with the keyboard, then Enter on a month.
    await page.focus('[data-testid="trend-table-toggle"] summary');
    await page.keyboard.press('Enter');
    const monthButton = `[data-testid="trend-table"] tr[data-month="${month}"] th button`;
    await page.focus(monthButton);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-chip="selection-trend"]');
    const created = leads.filter((l) => (l['Created Date'] ?? '').startsWith(month));
    const expected = reachedCounts(created);
    await waitForLeads(page, expected[0]!);
    expect(await funnelCounts(page)).toEqual(expected);
    expect(await page.getAttribute(monthButton, 'aria-pressed')).toBe('true');
    // The trend itself is not filtered by its own selection: every month keeps its row.
    expect(await page.$$eval('[data-testid="trend-table"] tbody tr', (rows) => rows.length)).toBe(months.length);

    // Cohorts (filtered to that month by the trend): the share of leads that reached SQL lists exactly those leads.
    await page.focus('[data-testid="cohort-table-toggle"] summary');
    await page.keyboard.press('Enter');
    // The table renders once the disclosure has opened.
    await page.waitForSelector(`[data-testid="cohort-table"] tbody tr[data-month="${month}"]`);
    const cohortRows = await page.$$eval('[data-testid="cohort-table"] tbody tr', (rows) => rows.map((r) => r.getAttribute('data-month')));
    expect(cohortRows).toEqual([month]);
    const sqlShare = '[data-testid="cohort-table"] tbody tr td:nth-of-type(3) button';
    expect(await page.textContent('[data-testid="cohort-table"] tbody tr td:nth-of-type(3) small')).toBe(new Intl.NumberFormat('en-GB').format(expected[2]!));
    await page.focus(sqlShare);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="lead-explorer"] [data-testid="explorer-count"][data-count]:not([data-count=""])');
    expect(Number(await page.getAttribute('[data-testid="explorer-count"]', 'data-count'))).toBe(expected[2]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters to a month chosen in the cohort heat map by keyboard, and lists the leads behind a cell on a double click', async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin, '#/funnel');
    await waitForViews(page);
    const month = createdMonths(leads)[2]!;
    const created = leads.filter((l) => createdMonth(l) === month);
    const expected = reachedCounts(created);

    const monthButton = `[data-testid="cohort-heatmap"] thead th:nth-child(${createdMonths(leads).indexOf(month) + 2}) button`;
    await page.focus(monthButton);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-chip="selection-cohorts"]');
    await waitForLeads(page, expected[0]!);
    expect(await funnelCounts(page)).toEqual(expected);
    expect(await page.getAttribute(monthButton, 'aria-pressed')).toBe('true');
    // The heat map is not filtered by its own selection: every month keeps its column, the chosen one outlined.
    expect(await page.$$eval('[data-testid="cohort-heatmap"] tbody tr:first-child td', (cells) => cells.length)).toBe(createdMonths(leads).length);
    expect(await page.$$eval('[data-testid="cohort-heatmap"] tbody td.selected', (cells) => [...new Set(cells.map((c) => c.getAttribute('data-month')))])).toEqual([month]);

    // Row 2 is SQL: its cell of the month, double-clicked, lists the month's leads that reached SQL.
    await page.keyboard.press('Enter'); // the month again: the selection is cleared
    await page.waitForSelector('[data-chip="selection-cohorts"]', { state: 'detached' });
    const sqlCell = `[data-testid="cohort-heatmap"] tbody tr:nth-child(2) td[data-month="${month}"]`;
    expect(await page.getAttribute(sqlCell, 'data-tip')).toContain(`${new Intl.NumberFormat('en-GB').format(expected[2]!)} / ${new Intl.NumberFormat('en-GB').format(expected[0]!)}`);
    await page.dblclick(sqlCell);
    await page.waitForSelector('[data-testid="lead-explorer"] [data-testid="explorer-count"][data-count]:not([data-count=""])');
    expect(Number(await page.getAttribute('[data-testid="explorer-count"]', 'data-count'))).toBe(expected[2]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('while a region filter, which the cube cannot answer, is queried from the leads, keeps the charts and the figures of the current filters', async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin, '#/funnel');
    await waitForViews(page);
    await page.waitForSelector('[data-cubes-ready="true"]');
    // A filter the cube answers first: the page's first SQL answers (all leads) are out of date now.
    const channelName = await tickFirstValue(page, 'channel');
    const inChannel = leads.filter((l) => (l.Channel ?? '').toLowerCase() === channelName.toLowerCase());
    expect(inChannel.length).toBeGreaterThan(0);
    await waitForLeads(page, inChannel.length);
    await page.keyboard.press('Escape');
    // From here on: every lead count the stage funnel shows, and any chart that leaves the page.
    await page.evaluate(() => {
      const charts = [...document.querySelectorAll('[data-testid^="chart-"]')];
      const seen = { counts: [] as string[], removed: [] as string[] };
      Object.assign(window, { seen });
      new MutationObserver((records) => {
        for (const r of records) if (r.type === 'attributes' && r.attributeName === 'data-count' && (r.target as Element).matches('tbody tr:first-child')) seen.counts.push((r.target as Element).getAttribute('data-count')!);
        for (const chart of charts) if (!chart.isConnected && !seen.removed.includes(chart.getAttribute('data-testid')!)) seen.removed.push(chart.getAttribute('data-testid')!);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-count'] });
    });
    const regionName = await tickFirstValue(page, 'region');
    await page.waitForSelector('[data-chip="region"]');
    const both = inChannel.filter((l) => l.Region === regionName);
    expect(both.length).toBeGreaterThan(0);
    await waitForLeads(page, both.length);
    await waitForViews(page);
    expect(await funnelCounts(page)).toEqual(reachedCounts(both));
    const seen = await page.evaluate(() => (window as unknown as { seen: { counts: string[]; removed: string[] } }).seen);
    // Meanwhile only the channel's figures stood, never those of all leads from the page's first load.
    expect(seen.counts.filter((c) => c !== String(both.length))).not.toContain(String(leads.length));
    expect(seen.counts.at(-1)).toBe(String(both.length));
    expect(seen.removed).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ignores unknown or malformed link parameters with a visible notice and keeps the rest', async () => {
    const { page, errors } = await openApp(app.browser, app.server.origin, '#/funnel?v=1&m=web&zz=1&p=2025-02-30_2025-03-01&x.bogus.m=1');
    await page.waitForSelector('[data-testid="link-notice"]');
    const notice = await page.textContent('[data-testid="link-notice"]');
    expect(notice).toContain('zz=1');
    expect(notice).toContain('p=2025-02-30_2025-03-01');
    expect(notice).toContain('x.bogus.m=1');
    expect(await funnelCounts(page)).toEqual(reachedCounts(webLeads));
    expect(errors).toEqual([]);
    await page.close();
  });
});
