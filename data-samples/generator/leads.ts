/**
 * Builds one lead (and its deal, if it reached opportunity) from the day it arose and the source
 * that produced it: who it is, who gets it, what happens to it, and what the CRM made of it.
 */
import { Rng } from './prng';
import type { LeadSource } from './campaigns';
import { simulateLifeCycle, type Stage } from './lifecycle';
import { companyAt, companyPoolSize, drawCompanyIndex, drawPerson, type Person } from './people';
import { RecentPeople, decayMultiplier, decayOf, duplicateOf, malformEmail, malformPhone, type DuplicateKind } from './quality';
import {
  DEAL_SIGMA,
  DECAY_QUALITY_SHIFT,
  NEVER_FOLLOW_UP_DIRECT,
  PARTNERS,
  PARTNER_SHARE,
  PARTNER_SKEW,
  PRODUCTS,
  QUALITY_RATES,
  REPS,
  SALES_UNITS,
  type Partner,
  type Rep,
  type SalesUnit,
} from './story';

export type Cell = string | number | null;

/** A leads row by canonical column name; dates are day numbers, vocabulary values canonical codes. */
export type LeadRow = {
  lead_id: string;
  created_at: number;
  medium: string;
  campaign_id: string | null;
  company: string | null;
  contact_name: string;
  email: string | null;
  phone: string | null;
  country: string | null;
  region: string;
  industry: string | null;
  owner: string | null;
  sales_unit: SalesUnit;
  channel: 'direct' | 'partner';
  partner_name: string | null;
  stage: Stage;
  mql_at: number | null;
  sql_at: number | null;
  opportunity_at: number | null;
  closed_at: number | null;
  first_contact_at: number | null;
  last_activity_at: number;
  amount: number | null;
  lead_score: number | null;
  disqualify_reason: string | null;
};

export type DealRow = {
  deal_id: string;
  lead_id: string;
  amount: number;
  currency: 'EUR';
  created_at: number;
  closed_at: number | null;
  outcome: 'won' | 'lost' | 'open';
  product: string;
};

export interface PlantedDuplicate {
  readonly duplicate: string;
  readonly original: string;
  readonly kind: DuplicateKind;
}

/** Injected data-quality issues, counted (printed in the summary, described in the README). */
export interface IssueCounts {
  duplicates: Record<DuplicateKind, number>;
  emailMissing: number;
  emailMalformed: number;
  phoneMissing: number;
  phoneMalformed: number;
  companyMissing: number;
  countryMissing: number;
  industryMissing: number;
  neverFollowedUp: number;
}

const HALF_SKEW2 = (PARTNER_SKEW * PARTNER_SKEW) / 2;
const PRODUCT_WEIGHTS = PRODUCTS.map((p) => p.weight);
const cents = (x: number): number => Math.round(x * 100) / 100;

export class LeadFactory {
  readonly issues: IssueCounts = {
    duplicates: { exact: 0, 'email-case': 0, 'company-variant': 0 },
    emailMissing: 0,
    emailMalformed: 0,
    phoneMissing: 0,
    phoneMalformed: 0,
    companyMissing: 0,
    countryMissing: 0,
    industryMissing: 0,
    neverFollowedUp: 0,
  };
  /** Every duplicate planted, with the lead it repeats (the ground truth duplicate detection is measured on). */
  readonly planted: PlantedDuplicate[] = [];
  private leadSeq = 0;
  private dealSeq = 0;
  private readonly idWidth: number;
  private readonly poolSize: number;
  private readonly people = new RecentPeople();
  private readonly reps: ReadonlyMap<SalesUnit, readonly Rep[]>;
  private readonly partners: ReadonlyMap<SalesUnit, readonly Partner[]>;
  private readonly partnerWeights: ReadonlyMap<SalesUnit, readonly number[]>;
  private readonly repWeights = new Float64Array(16);

  constructor(
    private readonly rng: Rng,
    private readonly seed: number,
    leads: number,
  ) {
    this.idWidth = Math.max(7, String(leads).length);
    this.poolSize = companyPoolSize(leads);
    this.reps = new Map(SALES_UNITS.map((u) => [u, REPS.filter((r) => r.unit === u)]));
    this.partners = new Map(SALES_UNITS.map((u) => [u, PARTNERS.filter((p) => p.units.includes(u))]));
    this.partnerWeights = new Map(SALES_UNITS.map((u) => [u, this.partners.get(u)!.map((p) => p.weight)]));
  }

  private pickRep(unit: SalesUnit, quality: number): Rep {
    const reps = this.reps.get(unit)!;
    let total = 0;
    for (let i = 0; i < reps.length; i++) {
      const r = reps[i]!;
      const w = r.weight * Math.exp(r.cherryPick * quality);
      this.repWeights[i] = w;
      total += w;
    }
    let u = this.rng.next() * total;
    for (let i = 0; i < reps.length; i++) {
      u -= this.repWeights[i]!;
      if (u < 0) return reps[i]!;
    }
    return reps[reps.length - 1]!;
  }

  make(day: number, source: LeadSource): { lead: LeadRow; deal: DealRow | null } {
    const rng = this.rng;
    const { profile, campaign } = source;
    const decay = decayOf(day);
    const worse = decayMultiplier(day);
    this.leadSeq += 1;
    const leadId = `L${String(this.leadSeq).padStart(this.idWidth, '0')}`;

    // Who: a new contact, or somebody who recently was a lead already (duplicate).
    let person: Person | null = null;
    let duplicate = false;
    if (rng.chance(QUALITY_RATES.duplicate * (1 + 0.5 * decay))) {
      const known = this.people.recall(rng);
      if (known) {
        const dup = duplicateOf(rng, known.person);
        person = dup.person;
        duplicate = true;
        this.issues.duplicates[dup.kind] += 1;
        this.planted.push({ duplicate: leadId, original: known.leadId, kind: dup.kind });
      }
    }
    if (!person) {
      person = drawPerson(rng, companyAt(this.seed, drawCompanyIndex(rng, this.poolSize)));
      this.people.remember({ person, leadId });
    }
    const company = person.company;

    // How good the lead is (latent), and who gets it.
    const quality = rng.normal() + DECAY_QUALITY_SHIFT * decay;
    const unit = company.unit;
    const toPartner =
      profile.medium === 'Partner-Empfehlung' ||
      rng.chance(Math.min(0.9, PARTNER_SHARE * Math.exp(-PARTNER_SKEW * quality - HALF_SKEW2)));
    let owner: string | null = null;
    let partnerName: string | null = null;
    let salesFactor: number;
    let neverFollowUp: number;
    if (toPartner) {
      const partner = this.partners.get(unit)![rng.weighted(this.partnerWeights.get(unit)!)]!;
      partnerName = partner.name;
      salesFactor = partner.quality;
      neverFollowUp = partner.neverFollowUp;
    } else {
      const rep = this.pickRep(unit, quality);
      owner = rep.name;
      salesFactor = rep.skill;
      neverFollowUp = NEVER_FOLLOW_UP_DIRECT;
    }
    neverFollowUp = Math.min(0.6, neverFollowUp * worse);

    const life = simulateLifeCycle(rng, {
      created: day,
      medium: profile,
      quality,
      salesFactor,
      partner: toPartner,
      neverFollowUp,
      duplicate,
    });
    if (life.neverFollowedUp) this.issues.neverFollowedUp += 1;

    // Marketing's score: a noisy view of the latent quality.
    let score: number | null = Math.round(Math.min(100, Math.max(0, 50 + 15 * quality + profile.scoreOffset + 9 * rng.normal())));
    if (rng.chance(QUALITY_RATES.scoreMissing * worse)) score = null;

    // What the CRM made of the contact data.
    let email: string | null = person.email;
    let phone: string | null = person.phone;
    let companyName: string | null = person.companyName;
    let country: string | null = company.country;
    let industry: string | null = company.industry;
    if (rng.chance(QUALITY_RATES.emailMissing * worse)) {
      email = null;
      this.issues.emailMissing += 1;
    } else if (rng.chance(QUALITY_RATES.emailMalformed * worse)) {
      email = malformEmail(rng, person.email);
      this.issues.emailMalformed += 1;
    }
    if (rng.chance(QUALITY_RATES.phoneMissing * worse)) {
      phone = null;
      this.issues.phoneMissing += 1;
    } else if (rng.chance(QUALITY_RATES.phoneMalformed * worse)) {
      phone = malformPhone(rng, person.phone);
      this.issues.phoneMalformed += 1;
    }
    if (rng.chance(QUALITY_RATES.companyMissing * worse)) {
      companyName = null;
      this.issues.companyMissing += 1;
    }
    if (rng.chance(QUALITY_RATES.countryMissing * worse)) {
      country = null;
      this.issues.countryMissing += 1;
    }
    if (rng.chance(QUALITY_RATES.industryMissing * worse)) {
      industry = null;
      this.issues.industryMissing += 1;
    }

    // The deal, for every lead that became an opportunity.
    let deal: DealRow | null = null;
    let leadAmount: number | null = null;
    if (life.opportunityAt !== null) {
      const product = PRODUCTS[rng.weighted(PRODUCT_WEIGHTS)]!;
      const amount = cents(product.median * rng.lognormal(1, DEAL_SIGMA) * Math.exp(0.1 * quality));
      this.dealSeq += 1;
      deal = {
        deal_id: `D${String(this.dealSeq).padStart(this.idWidth, '0')}`,
        lead_id: leadId,
        amount,
        currency: 'EUR',
        created_at: life.opportunityAt,
        closed_at: life.closedAt,
        outcome: life.stage === 'won' ? 'won' : life.stage === 'lost' ? 'lost' : 'open',
        product: product.name,
      };
      if (rng.chance(0.5)) leadAmount = rng.chance(0.7) ? amount : cents(amount * rng.range(0.9, 1.1));
    }

    const lead: LeadRow = {
      lead_id: leadId,
      created_at: day,
      medium: profile.medium,
      campaign_id: campaign ? campaign.id : null,
      company: companyName,
      contact_name: person.contactName,
      email,
      phone,
      country,
      region: company.region,
      industry,
      owner,
      sales_unit: unit,
      channel: toPartner ? 'partner' : 'direct',
      partner_name: partnerName,
      stage: life.stage,
      mql_at: life.mqlAt,
      sql_at: life.sqlAt,
      opportunity_at: life.opportunityAt,
      closed_at: life.closedAt,
      first_contact_at: life.firstContactAt,
      last_activity_at: life.lastActivityAt,
      amount: leadAmount,
      lead_score: score,
      disqualify_reason: life.disqualifyReason,
    };
    return { lead, deal };
  }
}
