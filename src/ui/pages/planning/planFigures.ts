/**
 * The Planning page's deterministic figures, recomputed from the plan on every change of an input
 * (a few milliseconds: no database, no worker): reverse funnel, revenue by month through the lag,
 * sensitivity and the cheapest mix for the total gap. The benchmark (npm run bench:planning) times
 * exactly this function. Pure; no React.
 */
import type { LeadFilter } from '../../../domain/leadFilter';
import {
  cheapestMixForPlan,
  phaseRevenue,
  planUnits,
  reverseFunnel,
  sensitivity,
  type CheapestMix,
  type Phasing,
  type Plan,
  type ReverseFunnel,
  type Sensitivity,
} from '../../../domain/planning';

export interface PlanFigures {
  readonly funnel: ReverseFunnel;
  readonly phasing: Phasing;
  readonly sensitivity: Sensitivity;
  /** The cheapest extra leads that close the total revenue gap (empty when there is none). */
  readonly mix: CheapestMix;
  /** Revenue target per plan month over all units (see monthlyTargets); null without any target. */
  readonly monthlyTarget: readonly number[] | null;
}

export function planFigures(plan: Plan): PlanFigures {
  const funnel = reverseFunnel(plan);
  const gap = funnel.total.gapRevenue ?? 0;
  return {
    funnel,
    phasing: phaseRevenue(plan),
    sensitivity: sensitivity(plan),
    mix: cheapestMixForPlan(plan, Math.max(0, gap)),
    monthlyTarget: monthlyTargets(plan),
  };
}

/**
 * The revenue target of each plan month, summed over units: a unit's months as the targets table
 * spreads them, scaled to its (possibly edited) target; a unit whose target was typed in (the data
 * has none by month) spreads it evenly over the plan months. null when no unit has a target.
 */
export function monthlyTargets(plan: Plan): number[] | null {
  const units = planUnits(plan).filter((unit) => plan.targets[unit] !== undefined);
  if (units.length === 0) return null;
  const months = plan.months.map(() => 0);
  for (const unit of units) {
    const target = plan.targets[unit]!;
    // applyEdits keeps the data's month-by-month targets; an edited total rescales them.
    const byMonth = plan.monthlyTargets[unit] ?? {};
    const shape = plan.months.map((m) => byMonth[m] ?? 0);
    const total = shape.reduce((a, b) => a + b, 0);
    plan.months.forEach((_, i) => (months[i]! += total > 0 ? (target * shape[i]!) / total : target / plan.months.length));
  }
  return months;
}

/** The media a global filter narrows the plan to (null: no medium filter). A blank medium is null in the list. */
export function mediumFilterOf(filter: LeadFilter): readonly (string | null)[] | null {
  const values = filter.filter((c) => c.kind === 'values' && c.dimension === 'medium').flatMap((c) => (c.kind === 'values' ? c.values : []));
  return values.length > 0 ? values : null;
}
