/**
 * Refreshes docs/screenshots/ from the built app (npm run build first). Run: npm run screenshots
 * Some only: npm run screenshots -- phone- period overview-en.png (file-name prefixes; import-<language>
 * for the import shots of that language).
 */
import path from 'node:path';
import { launchChromium } from '../support/chromium';
import { serveStatic } from '../support/staticServer';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'docs/screenshots');

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 768, height: 1024 };
const DESKTOP = { width: 1280, height: 900 };

const SHOTS = [
  { file: 'overview-en.png', language: 'en', hash: '#/overview' },
  { file: 'overview-de.png', language: 'de', hash: '#/overview' },
  { file: 'coming-en.png', language: 'en', hash: '#/distribution' },
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
  // A link to a dashboard that is not there: the way out to the user's own data or the sample.
  { file: 'bundle-missing-en.png', language: 'en', hash: '?bundle=reports/missing/#/overview', failed: true },
  { file: 'unknown-page-de.png', language: 'de', hash: '#/planung' },
  // The Planning page on the sample: desktop and phone, both languages (the simulation answered, its charts drawn).
  { file: 'planning-en.png', language: 'en', hash: '#/planning', viewport: DESKTOP, fullPage: true },
  { file: 'planning-de.png', language: 'de', hash: '#/planning', viewport: DESKTOP, fullPage: true },
  { file: 'planning-phone-en.png', language: 'en', hash: '#/planning', viewport: PHONE, fullPage: true },
  { file: 'planning-phone-de.png', language: 'de', hash: '#/planning', viewport: PHONE, fullPage: true },
  // The Media & campaigns page on the sample, and under a filter that leaves no campaign cost (web leads without campaign).
  { file: 'media-en.png', language: 'en', hash: '#/media', viewport: DESKTOP, fullPage: true },
  { file: 'media-de.png', language: 'de', hash: '#/media', viewport: DESKTOP, fullPage: true },
  { file: 'media-phone-de.png', language: 'de', hash: '#/media', viewport: PHONE, fullPage: true },
  { file: 'media-empty-en.png', language: 'en', hash: '#/media?v=1&p=1990-01-01_1990-12-31', viewport: DESKTOP },
  // The Data quality page on the sample: desktop in both languages, a phone, and a period without leads.
  { file: 'quality-en.png', language: 'en', hash: '#/quality', viewport: DESKTOP, fullPage: true },
  { file: 'quality-de.png', language: 'de', hash: '#/quality', viewport: DESKTOP, fullPage: true },
  { file: 'quality-phone-de.png', language: 'de', hash: '#/quality', viewport: PHONE, fullPage: true },
  { file: 'quality-empty-en.png', language: 'en', hash: '#/quality?v=1&p=1990-01-01_1990-12-31', viewport: DESKTOP },
  // Its rules and weights opened, with the dimensions weighted by the link (timeliness double, validity out).
  { file: 'quality-settings-de.png', language: 'de', hash: '#/quality?v=1&qm=timeliness:2,validity:0', viewport: DESKTOP, settings: true, element: '[data-testid="quality-settings"]' },
  // The period's presets with the ranges they resolve to, and the data's last date beside them.
  { file: 'period-de.png', language: 'de', hash: '#/overview?v=1&p=12m', element: '.filter-bar', periodOpen: true },
  { file: 'period-en.png', language: 'en', hash: '#/overview?v=1&p=12m', element: '.filter-bar', periodOpen: true },
  // Phones (390 × 844) and tablets (768 × 1024): every built page, the menu open, the explorer.
  ...(['phone', 'tablet'] as const).flatMap((device) => {
    const viewport = device === 'phone' ? PHONE : TABLET;
    return [
      { file: `${device}-overview-en.png`, language: 'en', hash: '#/overview', viewport, fullPage: true },
      { file: `${device}-overview-de.png`, language: 'de', hash: '#/overview', viewport, fullPage: true },
      { file: `${device}-funnel-en.png`, language: 'en', hash: '#/funnel', viewport, fullPage: true },
      { file: `${device}-funnel-de.png`, language: 'de', hash: '#/funnel', viewport, fullPage: true },
      { file: `${device}-import-en.png`, language: 'en', hash: '#/import', viewport, fullPage: true },
      { file: `${device}-coming-de.png`, language: 'de', hash: '#/distribution', viewport },
      { file: `${device}-menu-en.png`, language: 'en', hash: '#/overview', viewport, menu: true },
      { file: `${device}-explorer-en.png`, language: 'en', hash: '#/overview', viewport, open: 'won' },
    ];
  }),
] as const satisfies readonly { file: string; language: string; hash: string; open?: string; fullPage?: boolean; picker?: string; tables?: readonly string[]; hover?: string; element?: string; failed?: boolean; viewport?: { width: number; height: number }; menu?: boolean; periodOpen?: boolean; settings?: boolean }[];

/** `npm run screenshots -- phone-` refreshes only the shots whose file name starts with one of the words given. */
const ONLY = process.argv.slice(2);
const chosen = (file: string) => ONLY.length === 0 || ONLY.some((prefix) => file.startsWith(prefix));

const server = await serveStatic(path.join(ROOT, 'dist'));
const browser = await launchChromium({ viewport: { width: 1400, height: 900 } });
try {
  for (const shot of SHOTS) {
    if (!chosen(shot.file)) continue;
    const page = await browser.context.newPage();
    if ('viewport' in shot) await page.setViewportSize(shot.viewport);
    await page.addInitScript((language) => localStorage.setItem('leadloop.language', language), shot.language);
    await page.goto(`${server.origin}/${shot.hash}`);
    await page.waitForSelector(`[data-phase="${'failed' in shot ? 'error' : 'ready'}"]`, { timeout: 90_000 });
    // The Overview (also where an unknown page lands): its chart drawn before the shot.
    // Its chart drawn and its entry animation over ('finished' sets data-rendered): a busy machine took longer than the fixed wait below.
    if (shot.hash.startsWith('#/overview') || shot.file.startsWith('unknown-page')) await page.waitForSelector('[data-testid="chart"][data-rendered] canvas');
    if (shot.hash.startsWith('#/planning')) {
      await page.waitForSelector('[data-testid="plan-probability"][data-state="ready"]', { timeout: 90_000 });
      await page.waitForSelector('[data-testid="plan-distribution-chart"][data-rendered] canvas');
    }
    if (shot.hash.startsWith('#/funnel')) {
      await page.waitForFunction(() => {
        const views = [...document.querySelectorAll('[data-view]')];
        return views.length === 5 && views.every((v) => v.getAttribute('data-ready') === 'true');
      });
    }
    if (shot.hash.startsWith('#/quality')) {
      await page.waitForSelector('[data-testid="quality-page"][data-ready="true"]', { timeout: 90_000 });
      if (!shot.file.includes('empty')) {
        await page.waitForSelector('[data-testid="quality-duplicates"]');
        await page.waitForSelector('[data-testid="quality-spiral-chart"][data-rendered] canvas');
      }
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
    if ('menu' in shot) await page.click('[data-testid="nav-menu"]');
    if ('settings' in shot) await page.click('[data-testid="quality-settings"] summary');
    if ('open' in shot) {
      await page.click(`[data-testid="kpi-open-${shot.open}"]`);
      await page.waitForSelector('[data-testid="lead-explorer"] tbody tr');
      await page.waitForTimeout(200);
    }
    if ('hover' in shot) await page.hover(shot.hover);
    if ('periodOpen' in shot) {
      // A closed select shows one option; the shot lists them all as the open drop-down would.
      await page.locator('[data-testid="period"]').evaluate((select) => ((select as HTMLSelectElement).size = 6));
    }
    const file = path.join(OUT, shot.file);
    if ('element' in shot) await page.locator(shot.element).screenshot({ path: file });
    else await page.screenshot({ path: file, fullPage: 'fullPage' in shot && shot.fullPage });
    console.log(`wrote ${path.relative(ROOT, file)}`);
    await page.close();
  }
  for (const language of ['en', 'de']) if (chosen(`import-${language}`)) await importShots(language);
} finally {
  await browser.close();
  await server.close();
}

/**
 * The import review with what real exports need: a constant (a file of MQLs is all "mql"), the
 * placeholders read as empty, the value step with a 0/1 flag mapped and spellings to merge, a lookup.
 */
async function importShots(language: string): Promise<void> {
  const crm = path.join(ROOT, 'data-samples/crm');
  const page = await browser.context.newPage();
  // Each language starts as a new user would: no stored data, no remembered mappings.
  await page.goto(`${server.origin}/favicon.svg`);
  await page.evaluate(async () => {
    localStorage.removeItem('leadloop.mappings.v1');
    const root = await navigator.storage.getDirectory();
    for await (const name of root.keys()) await root.removeEntry(name, { recursive: true });
  });
  await page.addInitScript((lang) => localStorage.setItem('leadloop.language', lang), language);
  await page.goto(`${server.origin}/#/import`);
  await page.waitForSelector('[data-phase="ready"]', { timeout: 90_000 });
  const shot = async (name: string, selector: string) => {
    const file = path.join(OUT, `${name}-${language}.png`);
    await page.locator(selector).screenshot({ path: file });
    console.log(`wrote ${path.relative(ROOT, file)}`);
  };
  const openMapping = async () => {
    if (!(await page.$('[data-testid="import-review"] details[open]:has([data-testid="mapping-table"])'))) await page.click('[data-testid="import-review"] details:has([data-testid="mapping-table"]) > summary');
  };
  const finish = async () => {
    for (;;) {
      const state = await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="value-mapping"]')
            ? 'values'
            : document.querySelector('[data-testid="risk-confirm"]')
              ? 'risk'
              : document.querySelector('[data-testid="import-report"], [data-testid="import-error"]') && !document.querySelector('[data-testid="import-progress"]')
                ? 'done'
                : false,
        null,
        { timeout: 60_000 },
      );
      const reached = await state.jsonValue();
      if (reached === 'done') return;
      await page.click(reached === 'risk' ? '[data-testid="risk-go-on"]' : '[data-testid="values-continue"]');
      await page.waitForTimeout(300);
    }
  };

  // An export of MQLs: created_at from first_contact_date, and stage "mql" for every row.
  await page.setInputFiles('[data-testid="file-input"]', [path.join(crm, 'mql-deals/mqls.csv')]);
  await page.waitForSelector('[data-testid="import-review"]');
  await openMapping();
  await page.selectOption('[data-testid="mapping-table"] tr[data-column="created_at"] select', 'first_contact_date');
  await page.selectOption('[data-testid="mapping-table"] tr[data-column="stage"] select', { index: 1 });
  await page.fill('[data-testid="constant-stage"]', 'mql');
  await shot('import-constants', '[data-testid="import-review"]');
  await page.click('[data-testid="review-import"]');
  await finish();

  // A lead export with a 0/1 Converted flag and "Select" placeholders: the values, mapped.
  await page.setInputFiles('[data-testid="file-input"]', [path.join(crm, 'converted-flag/leads.csv')]);
  await page.waitForSelector('[data-testid="import-review"]');
  await openMapping();
  await shot('import-placeholders', '[data-testid="import-review"]');
  await page.click('[data-testid="review-import"]');
  await page.waitForSelector('[data-testid="value-mapping"]');
  await page.selectOption('[data-testid="unknown-values"] tr[data-column="stage"][data-value="1"] select', 'won');
  await page.selectOption('[data-testid="unknown-values"] tr[data-column="stage"][data-value="0"] select', 'lead');
  await page.click('[data-testid="value-merges"] li:first-child input');
  await shot('import-value-step', '[data-testid="value-mapping"]');
  await page.click('[data-testid="values-continue"]');
  await finish();
  await shot('import-report-notes', '[data-testid="import-report"]');
  // Beside the report: the loaded leads' data quality, so "0 rejected" is not the whole story.
  await page.waitForSelector('[data-testid="import-quality-problems"], [data-testid="import-quality"] .muted:not([role])', { timeout: 60_000 });
  await shot('import-quality', '[data-testid="import-quality"]');

  // Opportunities, then a lookup of sales agents joined on the owner.
  await page.setInputFiles('[data-testid="file-input"]', [path.join(crm, 'opportunities/sales_pipeline.csv')]);
  await page.waitForSelector('[data-testid="import-review"]');
  await page.fill('[data-testid="review-currency"]', 'USD');
  await page.click('[data-testid="review-import"]');
  await finish();
  await page.setInputFiles('[data-testid="file-input"]', [path.join(crm, 'opportunities/sales_teams.csv')]);
  await page.waitForSelector('[data-testid="import-review"]');
  await page.selectOption('[data-testid="review-kind"]', 'lookup');
  await page.waitForSelector('[data-testid="lookup-lead-column"]');
  await shot('import-lookup', '[data-testid="import-review"]');
  await page.click('[data-testid="review-import"]');
  await finish();
  await page.click('[data-testid="nav-overview"]');
  await page.waitForSelector('[data-kpi="win_rate"]');
  await page.waitForTimeout(800);
  const file = path.join(OUT, `overview-opportunities-${language}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`wrote ${path.relative(ROOT, file)}`);
  await page.close();
}
