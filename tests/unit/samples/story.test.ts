/**
 * The story the committed 20k sample tells, checked from the rows themselves (the committed files
 * are the generator's output for the defaults, see committed.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalValue, STANDARD_MEDIA } from '../../../src/domain/vocabulary';
import { canonicalOutcome, groupCount, readTable, SAMPLES_DIR, TODAY_ISO, type Column, type Row } from './sampleFiles';

let leads: Row[];
let deals: Row[];
let campaigns: Row[];
let targets: Row[];

const stageOf = (r: Row): string => canonicalValue('stage', r.stage)!;
const mediumOf = (r: Row): string => canonicalValue('medium', r.medium)!;
const channelOf = (r: Row): string => canonicalValue('channel', r.channel)!;
const isWon = (r: Row): boolean => stageOf(r) === 'won';
const wonRate = (rows: readonly Row[]): number => rows.filter(isWon).length / rows.length;
const share = (rows: readonly Row[], pred: (r: Row) => boolean): number => rows.filter(pred).length / rows.length;
const quarterOf = (iso: string): string => `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
const DECAY_START = '2026-05-01';

beforeAll(async () => {
  [leads, deals, campaigns, targets] = await Promise.all([
    readTable(SAMPLES_DIR, 'en', 'leads'),
    readTable(SAMPLES_DIR, 'en', 'deals'),
    readTable(SAMPLES_DIR, 'en', 'campaigns'),
    readTable(SAMPLES_DIR, 'en', 'targets'),
  ]);
});

describe('shape of the sample', () => {
  it('has 20,000 leads from 2024-11-01 to 2026-10-31, ~60 campaigns, 45 targets', () => {
    expect(leads).toHaveLength(20_000);
    const created = leads.map((r) => r.created_at).sort();
    expect(created[0]).toBe('2024-11-01');
    expect(created[created.length - 1]! <= '2026-10-31').toBe(true);
    expect(created[created.length - 1]! >= '2026-10-25').toBe(true);
    expect(campaigns.length).toBeGreaterThanOrEqual(55);
    expect(campaigns.length).toBeLessThanOrEqual(65);
    expect(targets).toHaveLength(45);
    expect(new Set(targets.map((t) => t.period))).toEqual(
      new Set(['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']),
    );
  });

  it('has 5 sales units, ~40 reps with umlauts, ~10 partners, ~25 % partner leads', () => {
    expect(new Set(leads.map((r) => r.sales_unit)).size).toBe(5);
    const owners = new Set(leads.map((r) => r.owner).filter(Boolean));
    expect(owners.size).toBeGreaterThanOrEqual(38);
    expect(owners.size).toBeLessThanOrEqual(42);
    expect(owners).toContain('Jürgen Weiß');
    expect(owners).toContain('Sören Müller');
    expect(new Set(leads.map((r) => r.partner_name).filter(Boolean)).size).toBe(10);
    const partnerShare = share(leads, (r) => channelOf(r) === 'partner');
    expect(partnerShare).toBeGreaterThan(0.2);
    expect(partnerShare).toBeLessThan(0.3);
    for (const r of leads) expect(channelOf(r) === 'partner').toBe(r.partner_name !== '');
  });

  it('has every standard medium, ~1 % unknown media kept as their own, ~10 % leads without campaign', () => {
    const media = groupCount(leads, mediumOf);
    for (const m of STANDARD_MEDIA) expect(media.get(m) ?? 0, m).toBeGreaterThan(500);
    const unknown = leads.filter((r) => !(STANDARD_MEDIA as readonly string[]).includes(mediumOf(r)));
    expect(unknown.length / leads.length).toBeGreaterThan(0.005);
    expect(unknown.length / leads.length).toBeLessThan(0.015);
    expect(new Set(unknown.map(mediumOf))).toEqual(new Set(['Podcast', 'Partner-Empfehlung']));
    // volumes: web and ad largest, telemarketing smallest
    const standard = STANDARD_MEDIA.map((m) => media.get(m) ?? 0);
    expect(Math.min(...standard)).toBe(media.get('telemarketing'));
    expect([...standard].sort((a, b) => b - a).slice(0, 2).sort()).toEqual([media.get('ad'), media.get('web')].sort());
    const noCampaign = share(leads, (r) => r.campaign_id === '');
    expect(noCampaign).toBeGreaterThan(0.07);
    expect(noCampaign).toBeLessThan(0.13);
  });
});

describe('funnel', () => {
  it('lead→won decreases along the media order telemarketing > direct_mail > event > trade_fair > web > ad', () => {
    const rates = STANDARD_MEDIA.map((m) => wonRate(leads.filter((r) => mediumOf(r) === m)));
    for (let i = 1; i < rates.length; i++) expect(rates[i]!, `${STANDARD_MEDIA[i]} vs ${STANDARD_MEDIA[i - 1]}`).toBeLessThan(rates[i - 1]!);
    expect(rates[0]).toBeGreaterThan(0.09);
    expect(rates[5]).toBeLessThan(0.03);
  });

  it('partner leads convert worse than direct leads', () => {
    const direct = wonRate(leads.filter((r) => channelOf(r) === 'direct'));
    const partner = wonRate(leads.filter((r) => channelOf(r) === 'partner'));
    expect(partner).toBeLessThan(direct * 0.85);
    expect(partner).toBeGreaterThan(direct * 0.3);
  });

  it('lead score is correlated with conversion', () => {
    const mean = (rows: Row[]): number => rows.reduce((s, r) => s + Number(r.lead_score), 0) / rows.length;
    const scored = leads.filter((r) => r.lead_score !== '');
    expect(mean(scored.filter(isWon))).toBeGreaterThan(mean(scored.filter((r) => !isWon(r))) + 5);
    for (const r of scored) {
      expect(Number(r.lead_score)).toBeGreaterThanOrEqual(0);
      expect(Number(r.lead_score)).toBeLessThanOrEqual(100);
    }
  });

  it('recent cohorts are immature: more leads still open', () => {
    const open = (r: Row): boolean => ['lead', 'mql', 'sql', 'opportunity'].includes(stageOf(r));
    const firstYear = leads.filter((r) => r.created_at < '2025-11-01');
    const lastTwoMonths = leads.filter((r) => r.created_at >= '2026-09-01');
    expect(share(lastTwoMonths, open)).toBeGreaterThan(share(firstYear, open) + 0.1);
    expect(share(lastTwoMonths, isWon)).toBeLessThan(share(firstYear, isWon) / 3);
  });

  it('a few reps get more and better leads than the others', () => {
    const direct = leads.filter((r) => r.owner !== '');
    const byOwner = groupCount(direct, (r) => r.owner);
    const counts = [...byOwner.values()].sort((a, b) => a - b);
    const median = counts[Math.floor(counts.length / 2)]!;
    const [top, topCount] = [...byOwner].sort((a, b) => b[1] - a[1])[0]!;
    expect(topCount).toBeGreaterThan(1.5 * median);
    expect(wonRate(direct.filter((r) => r.owner === top))).toBeGreaterThan(wonRate(direct) * 1.2);
  });
});

describe('consistency', () => {
  it('lead_id and deal_id are unique', () => {
    expect(new Set(leads.map((r) => r.lead_id)).size).toBe(leads.length);
    expect(new Set(deals.map((r) => r.deal_id)).size).toBe(deals.length);
  });

  it('stage dates are in order, match the stage, and nothing lies after 2026-11-15', () => {
    const dateColumns: Column[] = ['created_at', 'mql_at', 'sql_at', 'opportunity_at', 'closed_at', 'first_contact_at', 'last_activity_at'];
    for (const r of leads) {
      const chain = [r.created_at, r.mql_at, r.sql_at, r.opportunity_at, r.closed_at].filter(Boolean);
      for (let i = 1; i < chain.length; i++) if (chain[i - 1]! > chain[i]!) throw new Error(`${r.lead_id}: stage dates out of order`);
      for (const c of dateColumns) {
        if (r[c] > TODAY_ISO) throw new Error(`${r.lead_id}: ${c} ${r[c]} after today`);
        if (r[c] && r[c] < r.created_at) throw new Error(`${r.lead_id}: ${c} before created_at`);
        if (r[c] && r[c] > r.last_activity_at) throw new Error(`${r.lead_id}: ${c} after last_activity_at`);
      }
      if (r.first_contact_at) {
        if (!r.mql_at || r.first_contact_at < r.mql_at) throw new Error(`${r.lead_id}: first contact before mql`);
        if (r.sql_at && r.first_contact_at > r.sql_at) throw new Error(`${r.lead_id}: first contact after sql`);
      }
      if (r.sql_at && !r.first_contact_at) throw new Error(`${r.lead_id}: sql without first contact`);
      // intermediate stamps: a later stamp implies the earlier ones
      if (r.opportunity_at && !r.sql_at) throw new Error(`${r.lead_id}: opportunity without sql`);
      if (r.sql_at && !r.mql_at) throw new Error(`${r.lead_id}: sql without mql`);
      const stage = stageOf(r);
      expect(r.closed_at !== '', r.lead_id).toBe(stage === 'won' || stage === 'lost');
      expect(r.disqualify_reason !== '', r.lead_id).toBe(stage === 'disqualified');
      if (stage === 'won' || stage === 'opportunity') expect(r.opportunity_at, r.lead_id).not.toBe('');
      if (stage === 'sql') expect(r.sql_at).not.toBe('');
      if (stage === 'mql') expect(r.mql_at).not.toBe('');
      if (stage === 'lead') expect(r.mql_at).toBe('');
    }
    for (const d of deals) for (const c of ['created_at', 'closed_at'] as const) expect(d[c] <= TODAY_ISO).toBe(true);
    for (const c of campaigns) {
      expect(c.start_date <= c.end_date).toBe(true);
      expect(c.end_date <= TODAY_ISO).toBe(true);
    }
  });

  it('every lead that reached opportunity has one deal whose outcome matches; every won lead has a won deal', () => {
    const dealsByLead = groupCount(deals, (d) => d.lead_id);
    const leadById = new Map(leads.map((r) => [r.lead_id, r]));
    for (const d of deals) {
      const lead = leadById.get(d.lead_id);
      if (!lead) throw new Error(`deal ${d.deal_id} points to unknown lead ${d.lead_id}`);
      expect(d.created_at).toBe(lead.opportunity_at);
      expect(d.closed_at).toBe(lead.closed_at);
      expect(d.currency).toBe('EUR');
      const expected = { won: 'won', lost: 'lost', opportunity: 'open' }[stageOf(lead)];
      expect(canonicalOutcome(d.outcome), d.deal_id).toBe(expected);
    }
    for (const r of leads) expect(dealsByLead.get(r.lead_id) ?? 0, r.lead_id).toBe(r.opportunity_at ? 1 : 0);
    const won = leads.filter(isWon);
    expect(won.length).toBeGreaterThan(500);
    const wonDeals = new Set(deals.filter((d) => canonicalOutcome(d.outcome) === 'won').map((d) => d.lead_id));
    for (const r of won) expect(wonDeals.has(r.lead_id)).toBe(true);
  });

  it('deal amounts are plausible; about half of the opportunities carry an amount on the lead', () => {
    const amounts = deals.map((d) => Number(d.amount)).sort((a, b) => a - b);
    const median = amounts[Math.floor(amounts.length / 2)]!;
    expect(median).toBeGreaterThan(20_000);
    expect(median).toBeLessThan(45_000);
    const opps = leads.filter((r) => r.opportunity_at !== '');
    const withAmount = share(opps, (r) => r.amount !== '');
    expect(withAmount).toBeGreaterThan(0.4);
    expect(withAmount).toBeLessThan(0.6);
    expect(leads.filter((r) => r.amount !== '' && r.opportunity_at === '')).toEqual([]);
  });

  it('every campaign_id referenced exists and has the lead\'s medium', () => {
    const byId = new Map(campaigns.map((c) => [c.campaign_id, c]));
    expect(byId.size).toBe(campaigns.length);
    for (const r of leads) {
      if (r.campaign_id === '') continue;
      const c = byId.get(r.campaign_id);
      if (!c) throw new Error(`${r.lead_id}: unknown campaign ${r.campaign_id}`);
      expect(canonicalValue('medium', c.medium)).toBe(mediumOf(r));
    }
    for (const c of campaigns) expect(Number(c.cost)).toBeGreaterThan(0);
  });

  it('targets are plausible against the revenue: some units hit, some miss', () => {
    const leadById = new Map(leads.map((r) => [r.lead_id, r]));
    const revenue = new Map<string, number>();
    for (const d of deals) {
      if (canonicalOutcome(d.outcome) !== 'won') continue;
      const key = `${leadById.get(d.lead_id)!.sales_unit}|${quarterOf(d.closed_at)}`;
      revenue.set(key, (revenue.get(key) ?? 0) + Number(d.amount));
    }
    const settled = targets.filter((t) => t.period >= '2025-Q2' && t.period <= '2026-Q2');
    const ratios = settled.map((t) => (revenue.get(`${t.sales_unit}|${t.period}`) ?? 0) / Number(t.revenue_target));
    expect(ratios.filter((x) => x >= 1).length).toBeGreaterThan(3);
    expect(ratios.filter((x) => x < 1).length).toBeGreaterThan(3);
    for (const x of ratios) {
      expect(x).toBeGreaterThan(0.5);
      expect(x).toBeLessThan(2);
    }
  });
});

describe('data quality issues', () => {
  const foldCompany = (s: string): string =>
    s
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .replace(/\b(gmbh & co\.? kg|gmbh|aktiengesellschaft|ag|kg|ohg|gbr|se|og|e\.k\.|e\.u\.|eg|mbb|ug)\b/g, '')
      .replace(/\(haftungsbeschraenkt\)/g, '')
      .replace(/\bund\b/g, '&')
      .replace(/[^a-z0-9&]+/g, '');

  it('~3 % duplicates: a second lead_id for the same person (same e-mail in any case, or same name at a fuzzy-equal company)', () => {
    const seenEmail = new Set<string>();
    const seenPerson = new Set<string>();
    let duplicates = 0;
    const kinds = { caseOnly: 0, companyVariant: 0 };
    const firstEmail = new Map<string, string>();
    const firstCompany = new Map<string, string>();
    for (const r of leads) {
      const email = r.email.toLowerCase();
      const person = r.company ? `${r.contact_name}|${foldCompany(r.company)}` : '';
      const dup = (email.includes('@') && seenEmail.has(email)) || (person !== '' && seenPerson.has(person));
      if (dup) {
        duplicates += 1;
        if (email && firstEmail.has(email) && firstEmail.get(email) !== r.email) kinds.caseOnly += 1;
        if (person && firstCompany.has(person) && firstCompany.get(person) !== r.company) kinds.companyVariant += 1;
      }
      if (email.includes('@')) {
        seenEmail.add(email);
        if (!firstEmail.has(email)) firstEmail.set(email, r.email);
      }
      if (person) {
        seenPerson.add(person);
        if (!firstCompany.has(person)) firstCompany.set(person, r.company);
      }
    }
    const rate = duplicates / leads.length;
    expect(rate).toBeGreaterThanOrEqual(0.02);
    expect(rate).toBeLessThanOrEqual(0.04);
    expect(kinds.caseOnly).toBeGreaterThan(50);
    expect(kinds.companyVariant).toBeGreaterThan(50);
    // e.g. "Müller GmbH" / "Mueller GmbH": umlaut spelt out in the second record
    const company = new Set(leads.map((r) => r.company));
    const transliterated = [...company].filter(
      (c) => /[äöü]/.test(c) && company.has(c.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')),
    );
    expect(transliterated.length).toBeGreaterThan(10);
  });

  it('has missing and malformed e-mails and phones, missing companies and countries', () => {
    const malformedEmail = (e: string): boolean => e !== '' && (!e.includes('@') || e.includes('..'));
    const malformedPhone = (p: string): boolean => p !== '' && (/[A-Za-z]/.test(p) || p.replace(/\D/g, '').length < 6);
    expect(share(leads, (r) => r.email === '')).toBeGreaterThan(0.02);
    expect(share(leads, (r) => malformedEmail(r.email))).toBeGreaterThan(0.01);
    expect(share(leads, (r) => r.phone === '')).toBeGreaterThan(0.05);
    expect(share(leads, (r) => malformedPhone(r.phone))).toBeGreaterThan(0.01);
    expect(share(leads, (r) => r.company === '')).toBeGreaterThan(0.005);
    expect(share(leads, (r) => r.country === '')).toBeGreaterThan(0.01);
    expect(new Set(leads.map((r) => r.country))).toEqual(new Set(['DE', 'AT', 'CH', '']));
  });

  it('~8 % of distributed leads are never followed up, more in the last ~6 months; quality decays then', () => {
    const deadFile = (r: Row): boolean => r.mql_at !== '' && r.first_contact_at === '' && r.last_activity_at === r.mql_at && stageOf(r) === 'mql';
    const distributed = (rows: Row[]): Row[] => rows.filter((r) => r.mql_at !== '' && r.mql_at < '2026-10-15');
    const before = distributed(leads.filter((r) => r.created_at < DECAY_START));
    const after = distributed(leads.filter((r) => r.created_at >= DECAY_START));
    expect(share(before, deadFile)).toBeGreaterThan(0.05);
    expect(share(before, deadFile)).toBeLessThan(0.11);
    expect(share(after, deadFile)).toBeGreaterThan(share(before, deadFile) * 1.3);
    const missingEmail = (rows: Row[]): number => share(rows, (r) => r.email === '');
    expect(missingEmail(leads.filter((r) => r.created_at >= DECAY_START))).toBeGreaterThan(
      missingEmail(leads.filter((r) => r.created_at < DECAY_START)) * 1.3,
    );
  });
});
