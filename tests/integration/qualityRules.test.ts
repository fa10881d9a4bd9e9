import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows } from '../../src/db/arrowRows';
import type { Db } from '../../src/db/types';
import { DEFAULT_PIPELINE } from '../../src/domain/pipeline';
import { DEFAULT_QUALITY_SETTINGS, QUALITY_RULES, type QualityRuleId } from '../../src/domain/quality/rules';
import { qualityHitsSql, type QualityInputTables } from '../../src/sql/quality';
import { placeholderValueSql } from '../../src/sql/placeholderValues';
import { PLACEHOLDER_EMAIL_DOMAINS, PLACEHOLDER_EMAIL_NAMES, PLACEHOLDER_TEXTS, RESERVED_TOP_LEVEL_DOMAINS } from '../../src/domain/quality/placeholderValues';
import path from 'node:path';
import { isBlankCell, isImplausiblePhone, isMalformedEmail, readCsv } from '../support/expectedFigures';
import { ENGINES, loadEnglish, REPO } from './helpers/engines';
import { judgedOutside } from './helpers/quality';
import { inFileOrder } from './helpers/rows';

/**
 * Each data-quality rule on a fixture where one lead is made to fail it and the others pass it
 * (tests/integration/fixtures/quality-leads.csv), as of 2025-06-30 with a dead file after 30 days.
 * Q0, Q12 and Q15 (a dotted name at a subdomain) pass every rule; Q11 became an MQL 15 days ago without a contact: not yet a
 * dead file; Q16 is a raw lead nobody contacted in three months: marketing's to nurture, no dead file either
 * (it fails only the country's code).
 */
const EXPECTED: Record<QualityRuleId, string[]> = {
  email_missing: ['Q1'],
  email_invalid: ['Q2', 'Q13', 'Q14'],
  // A letter O for a zero. Q21's Swiss number is plausible by its own calling code, whatever the lead's country.
  phone_implausible: ['Q17'],
  // A company "unbekannt", an e-mail at test.de, a phone counted 1 to 9.
  placeholder_value: ['Q18', 'Q19', 'Q20'],
  // "Deutschland" is no ISO code; "deu" (Q12) and "ch" (Q15) are, in any case.
  country_invalid: ['Q16'],
  company_missing: ['Q3'],
  phone_missing: ['Q3'],
  contact_missing: ['Q4'],
  country_missing: ['Q4'],
  date_in_future: ['Q5'],
  stage_dates_out_of_order: ['Q6'],
  closed_before_created: ['Q7'],
  won_without_amount: ['Q8'],
  stage_behind_dates: ['Q9'],
  never_contacted: ['Q10'],
  // Every lead here is somebody else (tests/integration/duplicates.test.ts has the duplicates).
  duplicate: [],
};

describe.each(ENGINES)('data-quality rules on $name', ({ open }) => {
  let db: Db;
  let rows: Record<string, unknown>[];
  let phones: QualityInputTables;
  beforeAll(async () => {
    db = await open();
    await loadEnglish(db, { leads: 'tests/integration/fixtures/quality-leads.csv' });
    phones = await judgedOutside(db);
    rows = inFileOrder(toRows(await db.query(qualityHitsSql(DEFAULT_PIPELINE, DEFAULT_QUALITY_SETTINGS, '2025-06-30', phones))));
  });
  afterAll(() => db.close());

  it.each(QUALITY_RULES.map((r) => r.id))('%s flags exactly the lead made to fail it', (rule) => {
    expect(rows.filter((r) => r[rule] === true).map((r) => r.lead_id)).toEqual(EXPECTED[rule]);
    expect(rows.every((r) => typeof r[rule] === 'boolean')).toBe(true);
  });

  it('scores a lead 100 minus the points of what it fails, each traced to its file and line', () => {
    const by = new Map(rows.map((r) => [r.lead_id, r]));
    expect(by.get('Q0')).toMatchObject({ score: 100, _source: 'quality-leads.csv', _line: 2 });
    expect(by.get('Q12')!.score).toBe(100);
    // Five dimensions with rules share 100 points: 20 each. Completeness weighs 2+2+1+1+1 = 7:
    // company (2) and phone (1) cost 20 × 3 / 7. Validity weighs 2+1+1+1+1+1+1 = 8: an invalid e-mail costs 20 × 2 / 8.
    expect(by.get('Q3')!.score).toBeCloseTo(100 - (20 * 3) / 7, 9);
    expect(by.get('Q2')!.score).toBeCloseTo(100 - 40 / 8, 9);
    expect(by.get('Q17')!.score).toBeCloseTo(100 - 20 / 8, 9);
    // Timeliness has one rule: a dead file loses the whole dimension.
    expect(by.get('Q10')!.score).toBeCloseTo(80, 9);
  });

  it('refuses the phone and duplicate rules without their tables, and scores without them when they are off', async () => {
    expect(() => qualityHitsSql(DEFAULT_PIPELINE, DEFAULT_QUALITY_SETTINGS, '2025-06-30', { duplicates: 'test_duplicates' })).toThrow(/phone/);
    expect(() => qualityHitsSql(DEFAULT_PIPELINE, DEFAULT_QUALITY_SETTINGS, '2025-06-30', { implausiblePhones: 'test_implausible_phones' })).toThrow(/duplicate/);
    const off = { ...DEFAULT_QUALITY_SETTINGS, rules: { phone_implausible: { enabled: false }, duplicate: { enabled: false } } };
    const rows = toRows(await db.query(qualityHitsSql(DEFAULT_PIPELINE, off, '2025-06-30')));
    expect(rows.find((r) => r.lead_id === 'Q17')!.score).toBe(100);
  });

  it('leaves a switched-off rule out and takes a weight and the dead-file days from the settings', async () => {
    const settings = { rules: { never_contacted: { enabled: false }, email_missing: { weight: 5 } }, dimensions: { completeness: 3 }, deadFileDays: 10 };
    const custom = toRows(await db.query(qualityHitsSql(DEFAULT_PIPELINE, settings, '2025-06-30', phones)));
    expect(Object.keys(custom[0]!)).not.toContain('never_contacted');
    // Completeness 3 of 3 + 1 + 1 + 1 = 6 dimension weights: 50 points; the e-mail 5 of 5+2+1+1+1 = 10: 25.
    expect(custom.find((r) => r.lead_id === 'Q1')!.score).toBeCloseTo(75, 9);
    const tenDays = inFileOrder(toRows(await db.query(qualityHitsSql(DEFAULT_PIPELINE, { ...DEFAULT_QUALITY_SETTINGS, deadFileDays: 10 }, '2025-06-30', phones))));
    expect(tenDays.filter((r) => r.never_contacted === true).map((r) => r.lead_id)).toEqual(['Q10', 'Q11']);
  });
});

/**
 * A placeholder phone, read independently of the rule's SQL: one of the placeholder words, or its
 * digits once the usual separators are out one digit repeated (4 or more) or counted up or down
 * through 0123456789(0) (6 to 11).
 */
function isPlaceholderPhone(phone: string): boolean {
  if (PLACEHOLDER_TEXTS.includes(phone.toLowerCase())) return true;
  const digits = phone.replace(/[ ()+./-]/g, '');
  if (!/^\d+$/.test(digits)) return false;
  const repeated = digits.length >= 4 && [...digits].every((d) => d === digits[0]);
  const counted = digits.length >= 6 && digits.length <= 11 && ('01234567890'.includes(digits) || '9876543210'.includes(digits));
  return repeated || counted;
}

/**
 * A placeholder e-mail address read independently of the rule's SQL: its name (before the first @),
 * its domain (after the last; all of it without an @) or the domain's last part is a placeholder.
 */
function isPlaceholderEmail(email: string): boolean {
  const lower = email.toLowerCase();
  const parts = lower.split('@');
  const domain = parts.at(-1)!;
  return PLACEHOLDER_EMAIL_NAMES.includes(parts[0]!) || PLACEHOLDER_EMAIL_DOMAINS.includes(domain) || RESERVED_TOP_LEVEL_DOMAINS.includes(domain.split('.').at(-1)!);
}

/** The values of one column the placeholder rule flags (the other columns empty). */
async function placeholdersAmong(db: Db, column: 'phone' | 'email' | 'company', values: readonly string[]): Promise<string[]> {
  const inputs = ['company', 'contact_name', 'email', 'phone'].map((c) => (c === column ? `v AS ${c}` : `NULL::VARCHAR AS ${c}`));
  const rows = toRows(
    await db.query({ sql: `SELECT v, (${placeholderValueSql()}) AS hit FROM (SELECT v, ${inputs.join(', ')} FROM (VALUES ${values.map(() => '(?)').join(', ')}) t(v))`, params: [...values] }),
  );
  return rows.filter((r) => r.hit === true).map((r) => String(r.v));
}

describe.each(ENGINES)('placeholders on $name', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  /** The rule flags exactly the values the independent reading does, and a good many of them. */
  async function expectFlagged(column: 'phone' | 'email' | 'company', values: readonly string[], isPlaceholder: (value: string) => boolean) {
    const flagged = await placeholdersAmong(db, column, values);
    expect(flagged.sort()).toEqual(values.filter(isPlaceholder).sort());
    expect(flagged.length).toBeGreaterThan(15);
  }

  it('flag a digit repeated or counted, with separators anywhere, and no real number', async () => {
    const made = [
      '0000', '000', '0 0 0 0', '+49 (0) 000 000', '9999999999999999999999', '1111-1111', '11112', '2222.', '(3)3/3-3',
      '123456', '12345', '0123456789', '01234567890', '1234567890', '012345678901', '234567', '987654', '9876543210', '98765', '876543210',
      '9-8-7-6-5-4', '210', '+49 30 1234567', '030 121655', '0711 234567', '+41 44 668 18 01', '12 34 56 78 90', '01234 56789 0',
      '456789', '4567890', '67890', '7890123', '0000 0001', 'ext. 1111', '1111 ext', 'aaaa', 'xxxx', '',
    ];
    // Numbers of every length up to 13 digits, in the shapes exports write them, for the counter-examples.
    let seed = 7;
    const digit = () => String((seed = (seed * 1103515245 + 12345) % 2147483648) % 10);
    const random = Array.from({ length: 400 }, (_, i) => {
      const digits = Array.from({ length: 3 + (i % 11) }, digit).join('');
      return [digits, `+${digits}`, `(${digits.slice(0, 3)}) ${digits.slice(3)}`, `${digits.slice(0, 2)}-${digits.slice(2)}`][i % 4]!;
    });
    await expectFlagged('phone', [...made, ...random], isPlaceholderPhone);
  });

  it('flag an e-mail address by its name before the first @, its domain after the last, or a reserved top-level domain', async () => {
    const emails = [
      'test@firma.de', 'TEST@Firma.de', 'testing@firma.de', 'mytest@firma.de', 'no-reply@firma.de', 'noreply@firma.de', 'no.email@firma.de', 'noxemail@firma.de',
      'max.mustermann@firma.de', 'max@mustermann.de', 'x@example.com', 'x@sub.example.com', 'x@myexample.com', 'x@example.com.de', 'x@Example.ORG',
      'x@foo.test', 'x@test', 'x@.test', 'x@test.', 'x@localhost', 'x@invalid.de', 'test', 'foo.invalid', 'a@b@example.de', 'test@b@c.de',
      'a\nb@example.com', 'test\n@firma.de', 'anna.berg@acme.de', 'dummy@', '@example.net', 'x@beispiel.de', 'x@beispiel.com', '',
    ];
    await expectFlagged('email', emails, isPlaceholderEmail);
  });

  it('flag a company written as a placeholder in any case, its dots and signs meant literally', async () => {
    const companies = [
      'unbekannt', 'Unbekannt', 'UNBEKANNT', 'k.a.', 'K.A.', 'k. a.', 'kxa.', 'k.a', 'n.n.', 'NN', 'nxnx', 'x', 'X', 'xy', 'xxxx', 'xxxxx',
      '?', '??', '???', '.', '..', '...', '....', 'a.', 'Test GmbH', 'test gmbh', 'Testfirma', 'Testfirma AG', 'Max Mustermann', 'John Doe',
      'Keine Angabe', 'keine angabe ', 'Firma', 'Firma Müller', 'siehe Zentrale', 'folgt', 'Folgt noch', 'tbd', 'TBA', 'Acme GmbH', '',
    ];
    await expectFlagged('company', companies, (v) => PLACEHOLDER_TEXTS.includes(v.toLowerCase()));
  });
});

/**
 * The rules on the sample against counts of its CSV read with PapaParse, none of the app's code: blank
 * and malformed e-mails (the generator's malformations: the @ lost, or a dot doubled), blank
 * companies, blank contact fields (a placeholder counts as blank, as the import empties it).
 */
describe.each(ENGINES)('data-quality rules on the sample, on $name', ({ open }) => {
  it('count the blank and malformed e-mails and the leads without a company as the export holds them', async () => {
    const db = await open();
    try {
      await loadEnglish(db, { leads: 'data-samples/en/leads.csv' });
      const flagged = toRows(await db.query(qualityHitsSql(DEFAULT_PIPELINE, DEFAULT_QUALITY_SETTINGS, '2026-12-04', await judgedOutside(db))));
      const count = (rule: QualityRuleId) => flagged.filter((r) => r[rule] === true).length;
      const leads = readCsv(path.join(REPO, 'data-samples/en/leads.csv'));
      const blank = (column: string) => leads.filter((l) => isBlankCell(l[column])).length;
      const malformed = leads.filter((l) => isMalformedEmail(l.Email)).length;
      expect(blank('Email')).toBeGreaterThan(100);
      expect(malformed).toBeGreaterThan(100);
      expect(count('email_missing')).toBe(blank('Email'));
      expect(count('email_invalid')).toBe(malformed);
      expect(count('company_missing')).toBe(blank('Company'));
      expect(count('phone_missing')).toBe(blank('Phone'));
      expect(count('country_missing')).toBe(blank('Country'));
      // Phones by the library itself, on the export's cells.
      const implausible = leads.filter(isImplausiblePhone).length;
      expect(implausible).toBeGreaterThan(100);
      expect(count('phone_implausible')).toBe(implausible);
      // The sample's placeholders are the generator's words for a phone ("folgt", "unbekannt"): a phone without a digit.
      const wordPhones = leads.filter((l) => !isBlankCell(l.Phone) && !/\d/.test(l.Phone!)).length;
      expect(wordPhones).toBeGreaterThan(10);
      expect(count('placeholder_value')).toBe(wordPhones);
    } finally {
      await db.close();
    }
  });
});
