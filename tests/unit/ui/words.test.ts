import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { CANONICAL, TABLE_KINDS } from '../../../src/domain/schema';
import { de } from '../../../src/ui/i18n/de';
import { en } from '../../../src/ui/i18n/en';
import { planningDe } from '../../../src/ui/i18n/planning.de';
import { planningEn } from '../../../src/ui/i18n/planning.en';
import { canonicalColumnLabel } from '../../../src/ui/import/useImportLabels';

/** Every translated text with its key path. */
const texts = (object: object, prefix = ''): [string, string][] =>
  Object.entries(object).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? texts(v, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)] as [string, string]]));
/** A text as users read it: interpolation placeholders ({{column}}) are not words. */
const readable = (text: string) => text.replace(/\{\{[^}]*\}\}/g, '');

// The Planning page's texts load with its chunk; checked with the rest.
const allDe = { ...de, ...planningDe };
const allEn = { ...en, ...planningEn };
const DICTIONARIES = { de: allDe, en: allEn } as const;

describe.each(Object.entries(DICTIONARIES))('the %s texts', (language, messages) => {
  const all = texts(messages);

  it('name every key the other language names, none empty', () => {
    const other = texts(language === 'de' ? allEn : allDe).map(([key]) => key);
    expect(all.map(([key]) => key).sort()).toEqual(other.sort());
    expect(all.filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it('show no internal code: no column code, table name or raw stage value', () => {
    const codes = all.filter(([, text]) => {
      const words = readable(text);
      return (
        /\b[a-z]+_[a-z_]+\b/.test(words) || // lead_id, created_at, closed_won
        /→\s*(lost|disqualified|opportunity|mql|sql)\b/.test(words) || // "→ lost": a stage code after an arrow ("Lead → won" is English)
        /`/.test(words) ||
        /^(leads|deals|campaigns|targets)$/.test(text.trim()) // a table name as a label
      );
    });
    expect(codes).toEqual([]);
  });

  it('name each canonical column of every table in words, not by its code', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { [language]: { translation: messages } }, lng: language, interpolation: { escapeValue: false } });
    const t = (key: string, options?: { defaultValue: string }) => i18n.t(key, options ?? {});
    for (const kind of TABLE_KINDS) {
      for (const { name } of CANONICAL[kind]) {
        const label = canonicalColumnLabel(name, t);
        expect(label, `${kind}.${name}`).not.toBe(name);
        expect(label, `${kind}.${name}`).not.toMatch(/^(columns|importColumns)\./);
      }
    }
  });

  it('use one term per concept on every page', () => {
    const m = messages;
    // A filter, a table column and an explorer column of the same lead column read alike.
    for (const dimension of ['medium', 'source', 'campaign_id', 'channel', 'sales_unit', 'region', 'owner', 'industry', '_source'] as const) {
      expect(m.columns[dimension], dimension).toBe(m.filters.dimension[dimension]);
    }
    expect(m.columns.stage).toBe(m.funnel.stage);
    expect([m.table.won, m.kpi.won]).toEqual([m.stage.won, m.stage.won]);
    expect(m.table.revenue).toBe(m.kpi.revenue);
    expect(m.table.rate).toBe(m.kpi.leadToWon);
    expect(m.funnel.leadToWon).toBe(m.kpi.leadToWon);
    expect(m.columns.opportunity_at.startsWith(m.stage.opportunity)).toBe(true);
    // The KPI is the plural of the stage's name (Opportunities, Verkaufschancen).
    expect(m.kpi.opportunity.startsWith(m.stage.opportunity.slice(0, -1))).toBe(true);
  });
});

describe('German terms', () => {
  it('call an opportunity "Verkaufschance" everywhere, a stage "Stufe", an owner "Verantwortlich"', () => {
    const all = texts(de).map(([key, text]) => [key, readable(text)] as const);
    expect(de.stage.opportunity).toBe('Verkaufschance');
    expect(all.filter(([, text]) => /Opportunit/i.test(text))).toEqual([]);
    expect(all.filter(([, text]) => /\bPhasen?\b/.test(text))).toEqual([]);
    expect(all.filter(([, text]) => /Vertriebsmitarbeiter/.test(text))).toEqual([]);
    // German capitalises nouns: a lower-case "leads" or "deals" is a table name shown raw.
    expect(all.filter(([, text]) => /\b(leads|deals)\b/.test(text))).toEqual([]);
  });
});
