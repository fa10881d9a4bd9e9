import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CRM_DIR, EXPECTED_CRM, type ByValue } from '../support/crmExpected';
import { foreignRequests, openApp, upload, useBuiltApp } from './harness';

/**
 * The three real-export shapes (data-samples/crm) through the Import page as a user maps them:
 * constants, a flag's values, a currency, lookups. What the Overview and the Funnel show must equal
 * tests/support/crmExpected.ts, which reads the CSV with PapaParse and none of the app's code.
 */
const CONSTANT_LABEL = '— the same value for every row —';

/** Opens the column mapping (closed when the file was recognised and nothing is missing). */
async function openMapping(page: Page): Promise<void> {
  const summary = page.locator('[data-testid="import-review"] details:has([data-testid="mapping-table"]) > summary');
  if (!(await page.$('[data-testid="import-review"] details[open]:has([data-testid="mapping-table"])'))) await summary.click();
}

async function setConstant(page: Page, column: string, value: string): Promise<void> {
  await openMapping(page);
  await page.selectOption(`[data-testid="mapping-table"] tr[data-column="${column}"] select`, { label: CONSTANT_LABEL });
  await page.fill(`[data-testid="constant-${column}"]`, value);
}

async function kpi(page: Page, name: string): Promise<string | null> {
  await page.click('[data-testid="nav-overview"]');
  await page.waitForSelector(`[data-kpi="${name}"]`);
  return page.getAttribute(`[data-kpi="${name}"]`, 'data-value');
}

/** The Funnel's split by a dimension: value → [leads, won], as the table shows them once they stop changing. */
async function split(page: Page, dimension: string): Promise<Map<string, [number, number]>> {
  await page.click('[data-testid="nav-funnel"]');
  await page.selectOption('[data-testid="split-dimension"]', dimension);
  const read = () =>
    page.$$eval('[data-testid="split-table"] tbody tr', (trs) =>
      trs.map((tr) => [tr.getAttribute('data-value') ?? '', [...tr.querySelectorAll('td.num button.figure')].map((b) => Number((b.textContent ?? '').replace(/[^\d]/g, '')))] as const),
    );
  let last = '';
  for (let i = 0; i < 100; i++) {
    await page.waitForTimeout(200);
    const ready = (await page.getAttribute('[data-view="split"]', 'data-ready')) === 'true';
    const rows = await read();
    const now = JSON.stringify(rows);
    if (ready && rows.length > 0 && now === last) return new Map(rows.map(([value, counts]) => [value, [counts[0] ?? 0, counts[counts.length - 1] ?? 0]]));
    last = now;
  }
  throw new Error(`the split by ${dimension} never settled`);
}

/** The expectation's split: '' stands for "not given", as the table's data-value has it. */
const expectedSplit = (rows: readonly ByValue[]) => new Map(rows.map((r) => [r.value ?? '', [r.leads, r.won] as [number, number]]));

describe('real CRM export shapes through the Import page', () => {
  const app = useBuiltApp();

  it('leads plus a closed-deals export: constants make MQLs and wins, revenue is unknown, not €0', async () => {
    const expected = EXPECTED_CRM['mql-deals']();
    const dir = path.join(CRM_DIR, 'mql-deals');
    const { page, requests, errors } = await openApp(app.browser, app.server.origin, '#/import');
    await upload(page, [path.join(dir, 'mqls.csv'), path.join(dir, 'won.csv')], 2, async (p, file) => {
      if (file === 'mqls.csv') {
        expect(await p.inputValue('[data-testid="review-kind"]')).toBe('leads');
        await openMapping(p);
        await p.selectOption('[data-testid="mapping-table"] tr[data-column="created_at"] select', 'first_contact_date');
        await setConstant(p, 'stage', 'mql');
      } else {
        expect(await p.inputValue('[data-testid="review-kind"]')).toBe('deals');
        await setConstant(p, 'outcome', 'won');
      }
    });
    expect(await kpi(page, 'leads')).toBe(String(expected.leads));
    expect(await kpi(page, 'won')).toBe(String(expected.won));
    expect(Number(await kpi(page, 'win_rate'))).toBeCloseTo(expected.winRate!, 9);
    expect(Number(await kpi(page, 'lead_to_won'))).toBeCloseTo(expected.leadToWon!, 9);
    // Revenue unknown: no sum on screen, and the card says why.
    expect(await kpi(page, 'revenue')).toBe('');
    expect(await page.textContent('[data-kpi="revenue"] dd')).toBe('unknown');
    expect(await split(page, 'source')).toEqual(expectedSplit(expected.by.source!));
    expect(foreignRequests(requests, app.server.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a lead export with a 0/1 Converted flag and no date: the flag’s values map onto stages, Select is empty', async () => {
    const expected = EXPECTED_CRM['converted-flag']();
    const { page, requests, errors } = await openApp(app.browser, app.server.origin, '#/import');
    await upload(
      page,
      [path.join(CRM_DIR, 'converted-flag/leads.csv')],
      1,
      async (p) => {
        await openMapping(p);
        expect(await p.inputValue('[data-testid="mapping-table"] tr[data-column="stage"] select')).toBe('Converted');
        expect(await p.inputValue('[data-testid="review-placeholders"]')).toContain('Select');
      },
      async (p) => {
        await p.selectOption('[data-testid="unknown-values"] tr[data-column="stage"][data-value="1"] select', 'won');
        await p.selectOption('[data-testid="unknown-values"] tr[data-column="stage"][data-value="0"] select', 'lead');
      },
    );
    const card = page.locator('[data-testid="import-report"][data-file="leads.csv"]');
    expect(await card.locator('[data-note="placeholders"][data-column="Specialization"]').textContent()).toContain('26 cells read as empty');
    expect(await kpi(page, 'leads')).toBe(String(expected.leads));
    expect(await kpi(page, 'won')).toBe(String(expected.won));
    // Without a date the chart by month says what it misses instead of showing nothing.
    expect(await page.textContent('[data-testid="needs-dates"]')).toMatch(/creation date/);
    expect(await split(page, 'x:Specialization')).toEqual(expectedSplit(expected.by.Specialization!));
    expect(await split(page, 'source')).toEqual(expectedSplit(expected.by.source!));
    expect(foreignRequests(requests, app.server.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an opportunities export in US dollars with two lookups: win rate, revenue in $, won by regional office', async () => {
    const expected = EXPECTED_CRM.opportunities();
    const dir = path.join(CRM_DIR, 'opportunities');
    const { page, requests, errors } = await openApp(app.browser, app.server.origin, '#/import');
    await upload(page, [path.join(dir, 'sales_pipeline.csv')], 1, async (p) => {
      expect(await p.inputValue('[data-testid="review-kind"]')).toBe('leads');
      await p.fill('[data-testid="review-currency"]', 'USD');
    });
    await upload(page, [path.join(dir, 'sales_teams.csv'), path.join(dir, 'accounts.csv')], 2, async (p, file) => {
      // Not a table the headers name: the user picks "lookup"; the key is found by its header.
      expect(await p.$('[data-testid="review-unrecognised"]')).not.toBeNull();
      await p.selectOption('[data-testid="review-kind"]', 'lookup');
      await p.waitForSelector('[data-testid="lookup-lead-column"]');
      expect(await p.inputValue('[data-testid="lookup-lead-column"]')).toBe(file === 'sales_teams.csv' ? 'owner' : 'company');
    });
    expect(await page.textContent('[data-testid="import-report"][data-file="sales_teams.csv"] [data-testid="lookup-columns"]')).toBe('manager, regional_office');
    expect(await kpi(page, 'leads')).toBe(String(expected.leads));
    expect(await kpi(page, 'won')).toBe(String(expected.won));
    expect(Number(await kpi(page, 'win_rate'))).toBeCloseTo(expected.winRate!, 9);
    expect(Number(await kpi(page, 'revenue'))).toBe(expected.revenue);
    expect(await page.getAttribute('[data-kpi="revenue"]', 'data-currency')).toBe('USD');
    expect(await page.textContent('[data-kpi="revenue"] small')).toContain('US$');
    expect(await split(page, 'x:regional_office')).toEqual(expectedSplit(expected.by.regional_office!));
    expect(await split(page, 'x:sector')).toEqual(expectedSplit(expected.by.sector!));
    expect(await split(page, 'owner')).toEqual(expectedSplit(expected.by.owner!));
    expect(foreignRequests(requests, app.server.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
