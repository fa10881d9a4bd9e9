/**
 * Revenue phased by month through the lag distribution (DESIGN.md "Planning"): the expected revenue
 * of the leads planned for month m lands in month m + k with the segment's lag probability of k.
 * What lands after the last plan month is kept in its own bucket, so in-horizon months plus that
 * bucket always add up to the reverse funnel's expected revenue.
 */
import { leadToWonRate, planUnits, type Plan } from './plan';

export interface PhasedRevenue {
  /** Expected revenue landing in each plan month (aligned with plan.months). */
  readonly months: readonly number[];
  /** Expected revenue of the plan's leads that lands after the last plan month. */
  readonly afterHorizon: number;
}

export interface Phasing {
  readonly months: readonly string[];
  readonly units: readonly ({ readonly unit: string } & PhasedRevenue)[];
  readonly total: PhasedRevenue;
}

/**
 * A lag as probabilities that sum to 1: an edited lag that does not sum to 1 is rescaled (so totals
 * are conserved whatever the planner typed); an empty or all-zero lag means "same month".
 */
export function normalisedLag(lag: readonly number[]): number[] {
  const total = lag.reduce((a, b) => a + (b > 0 ? b : 0), 0);
  return total > 0 ? lag.map((p) => (p > 0 ? p / total : 0)) : [1];
}

export function phaseRevenue(plan: Plan): Phasing {
  const horizon = plan.months.length;
  const units = planUnits(plan);
  const unitIndex = new Map(units.map((u, i) => [u, i]));
  const byUnit = units.map(() => ({ months: new Array<number>(horizon).fill(0), afterHorizon: 0 }));
  for (const segment of plan.segments) {
    const target = byUnit[unitIndex.get(segment.unit) as number]!;
    const perLead = leadToWonRate(segment) * segment.dealSize;
    const lag = normalisedLag(segment.lag);
    for (let m = 0; m < horizon; m++) {
      const revenue = (segment.leads[m] ?? 0) * perLead;
      if (revenue === 0) continue;
      for (let k = 0; k < lag.length; k++) {
        const landing = m + k;
        if (landing < horizon) target.months[landing]! += revenue * lag[k]!;
        else target.afterHorizon += revenue * lag[k]!;
      }
    }
  }
  const total = { months: new Array<number>(horizon).fill(0), afterHorizon: 0 };
  for (const u of byUnit) {
    u.months.forEach((v, i) => (total.months[i]! += v));
    total.afterHorizon += u.afterHorizon;
  }
  return { months: plan.months, units: units.map((unit, i) => ({ unit, ...byUnit[i]! })), total };
}
