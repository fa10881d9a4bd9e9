/**
 * The reverse funnel (DESIGN.md "Planning"): from the plan's leads, rates and deal sizes the
 * expected revenue, and from the revenue target the leads (and MQLs, SQLs, …) it needs.
 *
 * Expected revenue = Σ_segments leads × lead→won rate × deal size, lead→won = Π step rates.
 * Required leads = target ÷ (deal size × lead→won rate), where for a unit (or the total) deal size
 * and rate are its segments' blended by planned leads: rate = Σ L·r / Σ L, deal size =
 * Σ L·r·D / Σ L·r, so their product is the expected revenue per planned lead. Required leads are
 * therefore the planned mix scaled up or down until it meets the target; required counts per stage
 * and per segment scale the same way.
 */
import { leadToWonRate, plannedLeads, planUnits, totalTarget, type Plan, type PlanSegment } from './plan';

export interface SegmentFunnel {
  readonly medium: string;
  readonly unit: string;
  readonly leadToWon: number;
  readonly expectedRevenue: number;
  /** Planned count per stage (index 0 = leads, last = won). */
  readonly planned: readonly number[];
  /** Required count per stage; null when the unit has no target or its plan yields no revenue to scale. */
  readonly required: readonly number[] | null;
}

export interface FunnelSummary {
  /** Revenue target; null when there is none. */
  readonly target: number | null;
  readonly plannedLeads: number;
  readonly expectedWon: number;
  readonly expectedRevenue: number;
  /** Blended lead→won rate (Σ L·r / Σ L); null without planned leads. */
  readonly leadToWon: number | null;
  /** Blended deal size (Σ L·r·D / Σ L·r); null without expected wins. */
  readonly dealSize: number | null;
  /** Planned count per stage. */
  readonly planned: readonly number[];
  /** target ÷ (deal size × lead→won rate); null without target or without revenue per lead. */
  readonly requiredLeads: number | null;
  readonly required: readonly number[] | null;
  /** requiredLeads − plannedLeads (positive: more leads needed). */
  readonly gapLeads: number | null;
  /** target − expected revenue (positive: revenue missing). */
  readonly gapRevenue: number | null;
  /** Σ leads × cost per lead; null when a segment with planned leads has no cost per lead. */
  readonly cost: number | null;
  /** Planned leads of segments without a cost per lead (why cost is null). */
  readonly leadsWithoutCost: number;
  /** Cost of the required leads at the plan's blended cost per lead. */
  readonly requiredCost: number | null;
  /** (revenue × margin − cost)/cost; null when cost is unknown or 0. */
  readonly roi: number | null;
}

export interface ReverseFunnel {
  readonly stages: readonly string[];
  readonly units: readonly ({ readonly unit: string } & FunnelSummary)[];
  /** All segments together, target = sum of the unit targets (the same formulas at total level). */
  readonly total: FunnelSummary;
  /** Aligned with plan.segments. */
  readonly segments: readonly SegmentFunnel[];
}

/** Counts reaching each stage from `leads` leads: leads × Π_{i<k} rates[i]. */
export function stageCounts(leads: number, rates: readonly number[]): number[] {
  const counts = [leads];
  let n = leads;
  for (const r of rates) {
    n *= r;
    counts.push(n);
  }
  return counts;
}

function summarise(segments: readonly PlanSegment[], stageCount: number, target: number | null, margin: number): FunnelSummary {
  let leads = 0;
  let won = 0;
  let revenue = 0;
  let cost = 0;
  let leadsWithoutCost = 0;
  const planned = new Array<number>(stageCount).fill(0);
  for (const s of segments) {
    const l = plannedLeads(s);
    const r = leadToWonRate(s);
    leads += l;
    won += l * r;
    revenue += l * r * s.dealSize;
    stageCounts(l, s.rates).forEach((n, k) => (planned[k]! += n));
    if (s.costPerLead === null) leadsWithoutCost += l;
    else cost += l * s.costPerLead;
  }
  const perLead = leads > 0 ? revenue / leads : 0;
  const requiredLeads = target === null ? null : target === 0 ? 0 : perLead > 0 ? target / perLead : null;
  const scale = requiredLeads === null || leads === 0 ? null : requiredLeads / leads;
  const knownCost = leadsWithoutCost > 0 ? null : cost;
  return {
    target,
    plannedLeads: leads,
    expectedWon: won,
    expectedRevenue: revenue,
    leadToWon: leads > 0 ? won / leads : null,
    dealSize: won > 0 ? revenue / won : null,
    planned,
    requiredLeads,
    required: scale === null ? null : planned.map((n) => n * scale),
    gapLeads: requiredLeads === null ? null : requiredLeads - leads,
    gapRevenue: target === null ? null : target - revenue,
    cost: knownCost,
    leadsWithoutCost,
    requiredCost: knownCost === null || scale === null ? null : knownCost * scale,
    roi: knownCost === null || knownCost === 0 ? null : (revenue * margin - knownCost) / knownCost,
  };
}

export function reverseFunnel(plan: Plan): ReverseFunnel {
  const stageCount = plan.stages.length;
  const units = planUnits(plan).map((unit) => ({
    unit,
    ...summarise(
      plan.segments.filter((s) => s.unit === unit),
      stageCount,
      plan.targets[unit] ?? null,
      plan.margin,
    ),
  }));
  const byUnit = new Map(units.map((u) => [u.unit, u]));
  const segments = plan.segments.map((s): SegmentFunnel => {
    const l = plannedLeads(s);
    const planned = stageCounts(l, s.rates);
    const unit = byUnit.get(s.unit);
    const scale = unit && unit.requiredLeads !== null && unit.plannedLeads > 0 ? unit.requiredLeads / unit.plannedLeads : null;
    return {
      medium: s.medium,
      unit: s.unit,
      leadToWon: leadToWonRate(s),
      expectedRevenue: l * leadToWonRate(s) * s.dealSize,
      planned,
      required: scale === null ? null : planned.map((n) => n * scale),
    };
  });
  return { stages: plan.stages, units, total: summarise(plan.segments, stageCount, totalTarget(plan), plan.margin), segments };
}
