/**
 * The cheapest extra leads that close a revenue gap at the plan's current rates, deal sizes and
 * costs, within per-medium caps on extra leads.
 *
 * Extra leads of a medium are spread over its segments like its planned leads (equally when it has
 * none planned), so one extra lead of medium m earns v_m = Σ L_s·r_s·D_s / Σ L_s in expectation and
 * costs c_m. The problem is the linear programme
 *     minimise Σ c_m x_m   subject to   Σ v_m x_m ≥ G,   0 ≤ x_m ≤ cap_m.
 *
 * Why greedy by cost per expected revenue euro (ρ_m = c_m / v_m, ascending) is optimal: write
 * y_m = v_m x_m for the revenue bought from m; the cost is Σ ρ_m y_m with Σ y_m ≥ G and
 * 0 ≤ y_m ≤ v_m cap_m. Take any optimal y. If it buys some revenue from j while a cheaper medium i
 * (ρ_i < ρ_j) is below its cap, moving ε = min(y_j, room left at i) of revenue from j to i keeps
 * Σ y_m unchanged and every bound satisfied, and changes the cost by ε(ρ_i − ρ_j) < 0, contradicting
 * optimality. So an optimum fills media in ascending ρ, each to its cap before the next is touched,
 * and stops as soon as Σ y_m = G (buying more only adds cost ≥ 0): exactly the greedy solution.
 * Ties in ρ cost the same either way. The answer is fractional leads (the LP optimum); the page
 * rounds for display.
 */
import { plannedLeads, revenuePerLead, type Plan } from './plan';

export interface MediumOffer {
  readonly medium: string;
  /** Expected revenue of one extra lead. */
  readonly revenuePerLead: number;
  /** null: unknown, the medium is not used. */
  readonly costPerLead: number | null;
  /** Most extra leads; null: not capped. */
  readonly cap: number | null;
}

export interface MixAllocation {
  readonly medium: string;
  readonly leads: number;
  readonly cost: number;
  readonly revenue: number;
}

export interface CheapestMix {
  /** Media used, cheapest per revenue euro first. */
  readonly allocations: readonly MixAllocation[];
  readonly cost: number;
  readonly revenueAdded: number;
  /** Revenue gap the caps leave open (0 when closed). */
  readonly gapLeft: number;
  /** Media that cannot help: no cost per lead known, or no expected revenue per lead. */
  readonly unusable: readonly { readonly medium: string; readonly reason: 'noCostPerLead' | 'noRevenue' }[];
}

/**
 * What one extra lead of each medium brings and costs, over the segments of `unit` (all units when
 * omitted). A medium's cost per lead is its segments' cost per lead weighted like its revenue (null
 * if any of them is unknown).
 */
export function mediumOffers(plan: Plan, unit?: string): MediumOffer[] {
  const byMedium = new Map<string, { weight: number; revenue: number; cost: number; costKnown: boolean; segments: number }>();
  const segments = plan.segments.filter((s) => unit === undefined || s.unit === unit);
  const mediumLeads = new Map<string, number>();
  for (const s of segments) mediumLeads.set(s.medium, (mediumLeads.get(s.medium) ?? 0) + plannedLeads(s));
  for (const s of segments) {
    const total = mediumLeads.get(s.medium) ?? 0;
    // Weight of this segment in one extra lead of its medium: its planned share, or equal shares when nothing is planned.
    const weight = total > 0 ? plannedLeads(s) : 1;
    const entry = byMedium.get(s.medium) ?? { weight: 0, revenue: 0, cost: 0, costKnown: true, segments: 0 };
    entry.weight += weight;
    entry.revenue += weight * revenuePerLead(s);
    if (s.costPerLead === null) entry.costKnown = entry.costKnown && weight === 0;
    else entry.cost += weight * s.costPerLead;
    entry.segments += 1;
    byMedium.set(s.medium, entry);
  }
  return [...byMedium].map(([medium, e]) => ({
    medium,
    revenuePerLead: e.weight > 0 ? e.revenue / e.weight : 0,
    costPerLead: e.costKnown && e.weight > 0 ? e.cost / e.weight : null,
    cap: plan.extraLeadCaps[medium] ?? null,
  }));
}

export function cheapestMix(offers: readonly MediumOffer[], gap: number): CheapestMix {
  const unusable: CheapestMix['unusable'][number][] = [];
  const usable: (MediumOffer & { costPerLead: number; perEuro: number })[] = [];
  for (const offer of offers) {
    if (offer.costPerLead === null) unusable.push({ medium: offer.medium, reason: 'noCostPerLead' });
    else if (!(offer.revenuePerLead > 0)) unusable.push({ medium: offer.medium, reason: 'noRevenue' });
    else usable.push({ ...offer, costPerLead: offer.costPerLead, perEuro: offer.costPerLead / offer.revenuePerLead });
  }
  usable.sort((a, b) => a.perEuro - b.perEuro);
  const allocations: MixAllocation[] = [];
  let left = Math.max(0, gap);
  let cost = 0;
  for (const offer of usable) {
    if (left <= 0) break;
    const needed = left / offer.revenuePerLead;
    const leads = offer.cap === null ? needed : Math.min(needed, Math.max(0, offer.cap));
    if (leads <= 0) continue;
    const revenue = leads === needed ? left : leads * offer.revenuePerLead;
    allocations.push({ medium: offer.medium, leads, cost: leads * offer.costPerLead, revenue });
    cost += leads * offer.costPerLead;
    left -= revenue;
  }
  const gapLeft = Math.max(0, left);
  return { allocations, cost, revenueAdded: Math.max(0, gap) - gapLeft, gapLeft, unusable };
}

/** The cheapest mix for a plan's gap (e.g. reverseFunnel(plan).total.gapRevenue), optionally within one unit. */
export function cheapestMixForPlan(plan: Plan, gap: number, unit?: string): CheapestMix {
  return cheapestMix(mediumOffers(plan, unit), gap);
}
