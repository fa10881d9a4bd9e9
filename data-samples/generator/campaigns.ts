/**
 * Campaigns and the daily lead plan. Each campaign belongs to one medium and a date range and
 * produces leads with a medium-typical profile over its range (a trade fair peaks on the fair
 * days, a mailing decays after the drop, web and ads run steadily). Leads without a campaign come
 * from a steady per-medium baseline. The plan fixes how many leads arise on each day, so leads can
 * be streamed day by day in order of creation.
 */
import { Rng } from './prng';
import { FIRST_LEAD_DAY, LAST_LEAD_DAY, dayOf, isWeekend, ymdOf } from './dates';
import { MEDIA, type Medium, type MediumProfile } from './story';

type Profile =
  | { readonly kind: 'steady' }
  | { readonly kind: 'decay'; readonly halfLife: number }
  | { readonly kind: 'peak'; readonly from: number; readonly to: number; readonly halfLife: number };

interface Template {
  readonly medium: Medium;
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly profile: Profile;
  /** Relative size among the medium's campaigns. */
  readonly size: number;
}

export interface Campaign {
  readonly id: string;
  readonly name: string;
  readonly medium: Medium;
  readonly start: number;
  readonly end: number;
  /** Leads the plan expects from this campaign (the basis of cost and planned_leads). */
  readonly expectedLeads: number;
  readonly cost: number;
  readonly plannedLeads: number;
}

export interface LeadSource {
  readonly profile: MediumProfile;
  readonly campaign: Campaign | null;
}

export interface DailyPlan {
  readonly firstDay: number;
  /** Leads created on firstDay + i; sums to the requested number of leads. */
  readonly counts: Int32Array;
  readonly sources: readonly LeadSource[];
  /** For day i: indices into sources and their weights (the day's source mix). */
  readonly active: readonly { readonly sources: Int32Array; readonly weights: Float64Array; readonly total: number }[];
}

const d = dayOf;
const steady: Profile = { kind: 'steady' };
const mailing: Profile = { kind: 'decay', halfLife: 10 };
const peak = (from: number, to: number, halfLife: number): Profile => ({ kind: 'peak', from, to, halfLife });

function templates(): Template[] {
  const t: Template[] = [];
  const add = (medium: Medium, name: string, start: number, end: number, profile: Profile, size = 1): void => {
    t.push({ medium, name, start, end, profile, size });
  };

  // Telemarketing: quarterly call waves of six weeks.
  const tmTopics = ['ISDN-Abschaltung', 'Cloud-PBX Bestandskunden', 'UC-Migration', 'SD-WAN Filialisten'];
  const tmStarts = [d(2024, 11, 11), d(2025, 2, 3), d(2025, 5, 5), d(2025, 9, 1), d(2025, 11, 3), d(2026, 2, 2), d(2026, 5, 4), d(2026, 9, 7)];
  tmStarts.forEach((start, i) => {
    const { year, month } = ymdOf(start);
    const q = Math.floor((month - 1) / 3) + 1;
    add('telemarketing', `Telefonaktion ${tmTopics[i % tmTopics.length]} Q${q}/${year}`, start, start + 41, steady);
  });

  // Direct mail: drops with a response window of seven weeks.
  const mailings: [string, number][] = [
    ['Weihnachtsmailing 2024', d(2024, 11, 18)],
    ['Frühjahrs-Mailing 2025 – 5 € Gutschein', d(2025, 3, 10)],
    ['Sommer-Mailing 2025 „Glasfaser jetzt“', d(2025, 6, 2)],
    ['Herbst-Mailing 2025 – ISDN-Abschaltung', d(2025, 9, 15)],
    ['Weihnachtsmailing 2025', d(2025, 11, 17)],
    ['Frühjahrs-Mailing 2026 – 10 € Gutschein', d(2026, 3, 9)],
    ['Sommer-Mailing 2026', d(2026, 6, 8)],
    ['Herbst-Mailing 2026 – SD-WAN', d(2026, 9, 14)],
  ];
  for (const [name, drop] of mailings) add('direct_mail', name, drop, drop + 49, mailing);

  // Events: registrations before, contacts on the day, follow-up entries afterwards.
  const events: [string, number, number, number][] = [
    ['Roadshow UC 2025 – München', d(2025, 3, 19), d(2025, 3, 19), 1],
    ['Roadshow UC 2025 – Köln', d(2025, 3, 26), d(2025, 3, 26), 1],
    ['Roadshow UC 2025 – Berlin', d(2025, 4, 2), d(2025, 4, 2), 1],
    ['Kundentag Nordwind 2025, Hamburg', d(2025, 5, 14), d(2025, 5, 15), 2],
    ['Partner- und Kundenabend Düsseldorf 2025', d(2025, 11, 20), d(2025, 11, 20), 0.8],
    ['Roadshow UC 2026 – Frankfurt', d(2026, 3, 18), d(2026, 3, 18), 1],
    ['Roadshow UC 2026 – Wien', d(2026, 3, 25), d(2026, 3, 25), 0.8],
    ['Roadshow UC 2026 – Zürich', d(2026, 4, 1), d(2026, 4, 1), 0.8],
    ['Kundentag Nordwind 2026, Hamburg', d(2026, 5, 13), d(2026, 5, 14), 2],
  ];
  for (const [name, from, to, size] of events) add('event', name, from - 14, to + 21, peak(from, to, 5), size);
  add('event', 'Webinar-Reihe Cloud-Telefonie 2025', d(2025, 1, 15), d(2025, 6, 30), steady, 1.6);
  add('event', 'Webinar-Reihe Security 2025/26', d(2025, 9, 10), d(2026, 2, 28), steady, 1.6);
  add('event', 'Webinar-Reihe „KI im Contact Center“ 2026', d(2026, 4, 15), d(2026, 10, 15), steady, 1.6);

  // Trade fairs: the fair days and four weeks of business cards being typed in.
  const fairs: [string, number, number][] = [
    ['CCW Berlin 2025', d(2025, 2, 25), d(2025, 2, 27)],
    ['Hannover Messe 2025', d(2025, 3, 31), d(2025, 4, 4)],
    ['DMEA Berlin 2025', d(2025, 4, 8), d(2025, 4, 10)],
    ['it-sa Nürnberg 2025', d(2025, 10, 7), d(2025, 10, 9)],
    ['CCW Berlin 2026', d(2026, 2, 24), d(2026, 2, 26)],
    ['Hannover Messe 2026', d(2026, 4, 20), d(2026, 4, 24)],
    ['DMEA Berlin 2026', d(2026, 4, 21), d(2026, 4, 23)],
    ['it-sa Nürnberg 2026', d(2026, 10, 6), d(2026, 10, 8)],
  ];
  for (const [name, from, to] of fairs) add('trade_fair', name, from, to + 28, peak(from, to, 5), name.startsWith('Hannover') ? 1.4 : 1);

  // Web: landing pages and content offers running for months.
  const web: [string, number, number][] = [
    ['Whitepaper Cloud-Telefonie', d(2024, 11, 1), d(2025, 4, 30)],
    ['Landingpage ISDN-Abschaltung', d(2024, 11, 1), d(2025, 6, 30)],
    ['Kostenrechner UC', d(2025, 2, 1), d(2025, 9, 30)],
    ['Landingpage SD-WAN', d(2025, 5, 1), d(2025, 12, 31)],
    ['Whitepaper Managed Security', d(2025, 8, 1), d(2026, 2, 28)],
    ['Webformular Rückrufservice', d(2025, 10, 1), d(2026, 10, 31)],
    ['Checkliste Contact Center', d(2026, 1, 1), d(2026, 6, 30)],
    ['Landingpage Glasfaser Business', d(2026, 3, 1), d(2026, 10, 31)],
    ['E-Book KI-Telefonie', d(2026, 5, 1), d(2026, 10, 31)],
    ['Produktvergleich Cloud-PBX', d(2026, 7, 1), d(2026, 10, 31)],
  ];
  for (const [name, start, end] of web) add('web', name, start, end, steady, (end - start + 1) / 180);

  // Ads: search, social and print; the 2026 "lead offensive" buys volume (quantity over quality).
  const ads: [string, number, number, number][] = [
    ['Google Ads Winter 2024/25', d(2024, 11, 1), d(2025, 2, 28), 1],
    ['Google Ads Frühjahr 2025', d(2025, 3, 1), d(2025, 6, 30), 1],
    ['Google Ads Sommer/Herbst 2025', d(2025, 7, 1), d(2025, 10, 31), 1],
    ['Google Ads Winter 2025/26', d(2025, 11, 1), d(2026, 2, 28), 1.1],
    ['Google Ads Frühjahr 2026', d(2026, 3, 1), d(2026, 6, 30), 1.2],
    ['Google Ads Herbst 2026 – Lead-Offensive', d(2026, 7, 1), d(2026, 10, 31), 2],
    ['LinkedIn Ads Frühjahr 2025', d(2025, 3, 1), d(2025, 5, 31), 0.5],
    ['LinkedIn Ads Herbst 2025', d(2025, 9, 1), d(2025, 11, 30), 0.5],
    ['LinkedIn Ads Frühjahr 2026', d(2026, 3, 1), d(2026, 5, 31), 0.6],
    ['LinkedIn Ads Lead-Offensive 2026', d(2026, 7, 1), d(2026, 10, 31), 1.2],
    ['Anzeigenserie funkschau 2025', d(2025, 1, 1), d(2025, 12, 31), 0.6],
    ['Anzeige Handelsblatt Mittelstand 2026', d(2026, 2, 1), d(2026, 7, 31), 0.4],
  ];
  for (const [name, start, end, size] of ads) add('ad', name, start, end, steady, size);

  add('Podcast', 'Podcast „Nordwind Funk“ Staffel 1', d(2025, 3, 1), d(2025, 8, 31), steady);
  add('Podcast', 'Podcast „Nordwind Funk“ Staffel 2', d(2026, 1, 15), d(2026, 7, 15), steady, 1.2);
  return t;
}

/** Holiday and summer dips. */
function season(day: number): number {
  const { month, day: dom } = ymdOf(day);
  if (month === 12 && dom >= 20) return 0.25;
  if (month === 1 && dom <= 6) return 0.4;
  if (month === 8) return 0.7;
  if (month === 7) return 0.9;
  return 1;
}

/** Slow growth of the lead programme over the two years. */
function growth(day: number): number {
  return 1 + 0.3 * ((day - FIRST_LEAD_DAY) / (LAST_LEAD_DAY - FIRST_LEAD_DAY));
}

function profileWeight(profile: Profile, start: number, day: number): number {
  switch (profile.kind) {
    case 'steady':
      return 1;
    case 'decay':
      return Math.pow(0.5, (day - start) / profile.halfLife);
    case 'peak':
      if (day < profile.from) return 0.15;
      if (day <= profile.to) return 6;
      return 3 * Math.pow(0.5, (day - profile.to) / profile.halfLife);
  }
}

function dayWeight(profile: MediumProfile, day: number): number {
  return season(day) * (isWeekend(day) ? profile.weekendFactor : 1);
}

export interface CampaignPlan {
  readonly campaigns: readonly Campaign[];
  readonly plan: DailyPlan;
}

export function planCampaigns(rng: Rng, leads: number): CampaignPlan {
  const firstDay = FIRST_LEAD_DAY;
  const days = LAST_LEAD_DAY - FIRST_LEAD_DAY + 1;
  const totalShare = MEDIA.reduce((s, m) => s + m.share, 0);
  const profileOf = new Map(MEDIA.map((m) => [m.medium, m]));

  // Campaigns: sizes within each medium, expected leads, cost and plan.
  const all = templates().sort((a, b) => a.start - b.start || a.name.localeCompare(b.name));
  const sizeNoise = all.map((t) => t.size * rng.lognormal(1, 0.25) * growth(Math.min(LAST_LEAD_DAY, (t.start + t.end) >> 1)));
  const sizeByMedium = new Map<Medium, number>();
  all.forEach((t, i) => sizeByMedium.set(t.medium, (sizeByMedium.get(t.medium) ?? 0) + sizeNoise[i]!));
  const perYear = new Map<number, number>();
  const campaigns: Campaign[] = all.map((t, i) => {
    const profile = profileOf.get(t.medium)!;
    const share = (profile.share / totalShare) * (1 - profile.noCampaign) * (sizeNoise[i]! / sizeByMedium.get(t.medium)!);
    const expectedLeads = leads * share;
    const year = ymdOf(t.start).year;
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    const cost = Math.round(expectedLeads * profile.costPerLead * rng.lognormal(1, 0.2) * 100) / 100;
    const plannedLeads = Math.max(1, Math.round(expectedLeads * rng.range(0.8, 1.3)));
    return { id: `CMP-${year}-${String(n).padStart(3, '0')}`, name: t.name, medium: t.medium, start: t.start, end: t.end, expectedLeads, cost, plannedLeads };
  });

  // Sources: every campaign plus one campaign-less baseline per medium.
  const sources: LeadSource[] = [];
  const raw: Float64Array[] = [];
  campaigns.forEach((c, i) => {
    const profile = profileOf.get(c.medium)!;
    const w = new Float64Array(days);
    let sum = 0;
    for (let day = Math.max(c.start, firstDay); day <= Math.min(c.end, LAST_LEAD_DAY); day++) {
      const v = profileWeight(all[i]!.profile, c.start, day) * dayWeight(profile, day);
      w[day - firstDay] = v;
      sum += v;
    }
    if (sum > 0) for (let k = 0; k < days; k++) w[k] = (w[k]! / sum) * c.expectedLeads;
    sources.push({ profile, campaign: c });
    raw.push(w);
  });
  for (const profile of MEDIA) {
    if (profile.noCampaign <= 0) continue;
    const target = leads * (profile.share / totalShare) * profile.noCampaign;
    const w = new Float64Array(days);
    let sum = 0;
    for (let k = 0; k < days; k++) {
      const v = growth(firstDay + k) * dayWeight(profile, firstDay + k);
      w[k] = v;
      sum += v;
    }
    for (let k = 0; k < days; k++) w[k] = (w[k]! / sum) * target;
    sources.push({ profile, campaign: null });
    raw.push(w);
  }

  // Whole leads per day by cumulative rounding, so the days add up to exactly `leads`.
  const counts = new Int32Array(days);
  const active: DailyPlan['active'][number][] = [];
  let cumulative = 0;
  let assigned = 0;
  let grandTotal = 0;
  for (const w of raw) for (let k = 0; k < days; k++) grandTotal += w[k]!;
  for (let k = 0; k < days; k++) {
    const idx: number[] = [];
    const ws: number[] = [];
    let total = 0;
    raw.forEach((w, s) => {
      const v = w[k]!;
      if (v > 0) {
        idx.push(s);
        ws.push(v);
        total += v;
      }
    });
    cumulative += total;
    const upTo = k === days - 1 ? leads : Math.round((cumulative / grandTotal) * leads);
    counts[k] = upTo - assigned;
    assigned = upTo;
    active.push({ sources: Int32Array.from(idx), weights: Float64Array.from(ws), total });
  }
  return { campaigns, plan: { firstDay, counts, sources, active } };
}

/** Index into plan.sources of the source of one lead created on day index k. */
export function drawSource(rng: Rng, plan: DailyPlan, k: number): number {
  const a = plan.active[k]!;
  let u = rng.next() * a.total;
  for (let i = 0; i < a.weights.length; i++) {
    u -= a.weights[i]!;
    if (u < 0) return a.sources[i]!;
  }
  return a.sources[a.sources.length - 1]!;
}
