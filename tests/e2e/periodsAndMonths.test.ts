import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../support/expectedFigures';
import { foreignRequests, openApp, ROOT, useBuiltApp } from './harness';

/** The example day: the sample's data ends on 31 Oct 2026, "last 12 months" reaches into December. */
const TODAY = new Date('2026-12-03T10:00:00');

/** Every month from the first to the last of a list of yyyy-mm, counted here by hand. */
function monthSpan(months: readonly string[]): string[] {
  const sorted = [...new Set(months)].sort();
  const [fy, fm] = sorted[0]!.split('-').map(Number);
  const [ly, lm] = sorted[sorted.length - 1]!.split('-').map(Number);
  const span: string[] = [];
  for (let y = fy!, m = fm!; y < ly! || (y === ly && m <= lm!); m === 12 ? ((m = 1), y++) : m++) span.push(`${y}-${String(m).padStart(2, '0')}`);
  return span;
}

describe('periods that say what they cover, and months that are all there', () => {
  const app = useBuiltApp();
  // PapaParse over the sample file: none of the app's code.
  const leads = readCsv(path.join(ROOT, 'data-samples/en/leads.csv'));
  const lastCreated = leads.map((l) => l['Created Date'] ?? '').filter((d) => d !== '').sort().at(-1)!;

  it('names the range each preset resolves to on a fixed today, and the last date of the data beside them', async () => {
    const { page, requests, errors } = await openApp(app.browser, app.server.origin, '', { now: TODAY });
    const options = await page.$$eval('[data-testid="period"] option', (os) => Object.fromEntries(os.map((o) => [(o as HTMLOptionElement).value, o.textContent])));
    expect(options).toEqual({
      all: 'All time',
      this_quarter: 'This quarter (Oct – Dec 2026, current month included)',
      last_quarter: 'Last quarter (Jul – Sept 2026)',
      year_to_date: 'Year to date (1 Jan – 3 Dec 2026, current month included)',
      last_12_months: 'Last 12 months (Jan – Dec 2026, current month included)',
      custom: 'Custom range…',
    });
    await page.waitForSelector('[data-testid="data-until"]');
    expect(await page.getAttribute('[data-testid="data-until"]', 'data-date')).toBe(lastCreated);
    const [y, m, d] = lastCreated.split('-').map(Number);
    const shown = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
    expect(await page.textContent('[data-testid="data-until"]')).toBe(`Data until ${shown}`);

    await page.click('[data-testid="lang-de"]');
    await page.waitForSelector('h1:has-text("Übersicht")');
    expect(await page.textContent('[data-testid="period"] option[value="last_12_months"]')).toBe('Letzte 12 Monate (Jan.–Dez. 2026, laufender Monat enthalten)');
    expect(await page.textContent('[data-testid="data-until"]')).toBe(`Daten bis ${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`);
    await page.selectOption('[data-testid="period"]', 'last_12_months');
    await page.waitForSelector('[data-chip="period"]');
    await page.screenshot({ path: path.join(ROOT, 'tests/e2e/artifacts/period-de.png'), clip: { x: 0, y: 0, width: 1280, height: 360 } });
    await page.click('[data-testid="lang-en"]');
    expect(foreignRequests(requests, app.server.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the months without leads on the trend and the cohorts (a region with gaps)', async () => {
    const region = 'Salzburg';
    const months = leads.filter((l) => l.Region === region && l['Created Date']).map((l) => l['Created Date']!.slice(0, 7));
    const span = monthSpan(months);
    expect(span.length, 'the sample region must have months without leads').toBeGreaterThan(new Set(months).size);
    const { page, errors } = await openApp(app.browser, app.server.origin, `#/funnel?v=1&r=${encodeURIComponent(region)}`);
    await page.waitForFunction(() => {
      const views = [...document.querySelectorAll('[data-view]')];
      return views.length === 5 && views.every((v) => v.getAttribute('data-ready') === 'true');
    });
    await page.click('[data-testid="trend-table-toggle"] summary');
    await page.waitForSelector('[data-testid="trend-table"] tbody tr');
    expect(await page.$$eval('[data-testid="trend-table"] tbody tr', (rows) => rows.map((r) => r.getAttribute('data-month')))).toEqual(span);
    await page.click('[data-testid="cohort-table-toggle"] summary');
    await page.waitForSelector('[data-testid="cohort-table"] tbody tr');
    expect(await page.$$eval('[data-testid="cohort-table"] tbody tr', (rows) => rows.map((r) => r.getAttribute('data-month')))).toEqual(span);
    expect(errors).toEqual([]);
    await page.close();
  });
});
