import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { PlanningHistory } from '../../../../src/domain/planning/history';
import { de } from '../../../../src/ui/i18n/de';
import { en } from '../../../../src/ui/i18n/en';
import { planningDe } from '../../../../src/ui/i18n/planning.de';
import { planningEn } from '../../../../src/ui/i18n/planning.en';
import { ForecastPanel } from '../../../../src/ui/pages/planning/forecast/ForecastPanel';
import { everyMonth, plan, segment } from '../../domain/planning/planFixtures';

async function render(language: 'de' | 'en', history: PlanningHistory) {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ resources: { de: { translation: { ...de, ...planningDe } }, en: { translation: { ...en, ...planningEn } } }, lng: language, interpolation: { escapeValue: false } });
  // A: 10 leads a month at 100 revenue each, landing a month later; target 20000 → it will miss. B: target 0 → met.
  const p = plan([segment({ medium: 'web', unit: 'A', rates: [0.5, 0.5, 0.4, 1], dealSize: 1000, lag: [0, 1], leads: everyMonth(10) }), segment({ medium: 'event', unit: 'B' })], {
    targets: { A: 20_000, B: 0 },
  });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(ForecastPanel, { history, plan: p })));
}

const history: PlanningHistory = {
  asOf: '2026-04-15',
  maturityDays: null,
  matureMonths: [],
  currency: 'EUR',
  segments: [],
  targets: [],
  campaigns: [],
  openPipeline: [{ medium: 'web', unit: 'A', stageIndex: 3, month: '2026-03', leads: 1, amount: 3000 }],
  actuals: [{ month: '2026-02', medium: 'web', unit: 'A', leads: 0, won: 1, revenue: 1500 }],
};

const row = (html: string, unit: string) => html.slice(html.indexOf(`data-unit="${unit}"`), html.indexOf('</tr>', html.indexOf(`data-unit="${unit}"`)));

describe('ForecastPanel', () => {
  it('flags the unit that will miss, in German', async () => {
    const html = await render('de', history);
    expect(html).toContain('Prognose 2026');
    expect(row(html, 'A')).toContain('data-status="miss"');
    expect(row(html, 'A')).toContain('verfehlt das Ziel – neu planen');
    // A: 1500 booked + 3000 pipeline + 7000 plan of May–December landing in the year = 11 500.
    expect(row(html, 'A')).toMatch(/11\.500\s€/);
    expect(row(html, 'B')).toContain('auf Kurs');
    expect(html).toContain('aria-label="Umsatz nach Monat');
  });

  it('says which open leads are stale and why, in English and German', async () => {
    // Maturity 60 days: 2025-06 is mature (stale at its 700); one lead has no created date (stale at the deal size 1000).
    const stale: PlanningHistory = {
      ...history,
      maturityDays: 60,
      openPipeline: [
        ...history.openPipeline,
        { medium: 'web', unit: 'A', stageIndex: 1, month: '2025-06', leads: 2, amount: 700 },
        { medium: 'web', unit: 'A', stageIndex: 0, month: null, leads: 1, amount: null },
      ],
    };
    const en = await render('en', stale);
    expect(en).toMatch(/3 open leads \(€1,700(\.00)?\) are stale and not counted as pipeline/);
    expect(en).toContain('60 days');
    expect(en).toContain('Of these, 1 have no created date');
    // The stale leads change nothing else: A is still 1500 + 3000 + 7000.
    expect(row(en, 'A')).toMatch(/11,500/);
    const de = await render('de', stale);
    expect(de).toMatch(/3 offene Leads \(1\.700(,00)?\s€\) sind liegengeblieben/);
    expect(de).toContain('Davon haben 1 kein Erstellungsdatum');
    expect(await render('en', history)).not.toContain('forecast-stale');
  });

  it('says that it needs dates, in English', async () => {
    const html = await render('en', { ...history, asOf: null });
    expect(html).toContain('A forecast needs dates');
    expect(html).not.toContain('data-unit');
  });
});
