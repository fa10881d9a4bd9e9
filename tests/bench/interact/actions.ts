import type { Page } from 'playwright-core';

/**
 * The user's filter changes on the Funnel page, done as a user does them: with the mouse, on the
 * charts and the filter bar. Each returns once its last pointer release is sent; the page notes
 * that release's time as t0 (monitor.js). Preparation (scrolling, opening a picker) comes first
 * and is not timed.
 */
export type Source = 'brush' | 'medium' | 'channel' | 'owner';

/**
 * How long the pointer rests on a chart before a press or release: a user points at a bar before
 * clicking it and stops dragging before letting go, so the hover highlight and the last brush
 * stroke are drawn before the change, not in its task (Playwright's click sends all at once).
 */
const POINTER_REST_MS = 120;

/** Pixel layout of the trend chart, from its option (trendOption.ts): grid insets. */
const TREND_GRID = { left: 52, right: 16, top: 16, bottom: 36 };

async function boxOf(page: Page, selector: string) {
  const element = page.locator(selector);
  await element.scrollIntoViewIfNeeded();
  const box = await element.boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  return box;
}

/**
 * Drags across the trend chart from month `first` to month `last` (indexes of `months` on its
 * category axis, which centres each month in a band of equal width).
 */
export async function brushMonths(page: Page, months: number, first: number, last: number): Promise<void> {
  const box = await boxOf(page, '[data-testid="chart-trend"]');
  const band = (box.width - TREND_GRID.left - TREND_GRID.right) / months;
  const x = (i: number, at: number) => box.x + TREND_GRID.left + (i + at) * band;
  const y = box.y + TREND_GRID.top + (box.height - TREND_GRID.top - TREND_GRID.bottom) / 2;
  await page.mouse.move(x(first, 0.3), y);
  await page.mouse.down();
  await page.mouse.move(x(last, 0.7), y, { steps: 6 });
  await page.waitForTimeout(POINTER_REST_MS);
  await page.mouse.up();
}

/** The split table's rows in the chart's order: value, whether selected, whether its bar has length. */
async function splitRows(page: Page) {
  return page.$$eval('[data-testid="split-table"] tbody tr', (rows) =>
    rows.map((r) => ({ value: r.getAttribute('data-value'), selected: r.getAttribute('aria-selected') === 'true', rate: r.lastElementChild?.textContent?.trim() ?? '–' })),
  );
}

const rateOf = (row: { rate: string }) => Number.parseFloat(row.rate.replace(',', '.'));

/**
 * Clicks a medium's bar in the split view (split by medium): the selected one if there is one (a
 * second click clears it), else the `n`-th medium with a rate. The pointer rests on the bar first.
 */
export async function clickMedium(page: Page, n: number): Promise<string> {
  const rows = await splitRows(page);
  const selected = rows.findIndex((r) => r.selected);
  const drawn = rows.filter((r) => rateOf(r) > 0);
  const target = selected >= 0 ? rows[selected]! : drawn[n % drawn.length];
  if (!target) throw new Error('no medium of the split view has a rate');
  const box = await boxOf(page, `[data-testid="split-table"] tr[data-value="${target.value}"] .rate-bar`);
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await page.waitForTimeout(POINTER_REST_MS);
  await page.mouse.down();
  await page.mouse.up();
  return `${selected >= 0 ? 'off' : 'on'} ${target.value}`;
}

/** Opens a dimension picker and waits for its values (not timed: the user is still choosing). */
async function openPicker(page: Page, dimension: string) {
  const picker = `[data-testid="picker-${dimension}"]`;
  await page.click(`${picker} summary`);
  await page.waitForSelector(`${picker} input[type="checkbox"]`);
  return picker;
}

/** Ticks the `n`-th value of a picker, or unticks the value ticked; returns what it did. */
export async function tickValue(page: Page, dimension: string, n: number): Promise<string> {
  const picker = await openPicker(page, dimension);
  const boxes = page.locator(`${picker} input[type="checkbox"]`);
  const states = await boxes.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).checked));
  const checked = states.indexOf(true);
  const index = checked >= 0 ? checked : n % states.length;
  const label = (await boxes.nth(index).locator('xpath=../span').textContent()) ?? '';
  await boxes.nth(index).click();
  return `${checked >= 0 ? 'off' : 'on'} ${label.trim()}`;
}

/** Closes an open picker (Escape), after the change is measured. */
export async function closePickers(page: Page): Promise<void> {
  if (await page.$('details.picker[open]')) await page.keyboard.press('Escape');
}

/** Removes a filter with the × of its chip ('channel', 'owner', 'selection-trend', …). */
export async function removeChip(page: Page, chip: string): Promise<string> {
  await page.click(`[data-testid="chips"] [data-chip="${chip}"] button`);
  return `× ${chip}`;
}

export async function hasChip(page: Page, chip: string): Promise<boolean> {
  return (await page.$(`[data-testid="chips"] [data-chip="${chip}"]`)) !== null;
}
