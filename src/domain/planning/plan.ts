/**
 * The editable plan of the Planning page (DESIGN.md "Planning"): what the planner sees and changes
 * in a what-if scenario. Plain JSON-serialisable data (numbers, strings, arrays, records; no
 * Infinity, no Map, no class), because it is posted to the simulation's web worker and saved in
 * scenarios and links. Every calculation (reverse funnel, phasing, mix, sensitivity, simulation)
 * reads a Plan and nothing else.
 */

/** The unit of a segment whose leads carry no sales unit (history's `unit: null`). */
export const NO_UNIT = '(none)';

/**
 * Evidence behind one step rate, as effective counts: `trials` leads reached the step's start,
 * `successes` of them the next stage. "Effective" because a shrunk rate's evidence includes the
 * prior's pseudo-counts (see shrinkage.ts). The simulation's rate uncertainty is a Beta centred on
 * the plan's (possibly edited) rate whose strength is `trials`; 0 trials means "no evidence": the
 * rate is taken as fixed.
 */
export interface RateEvidence {
  readonly successes: number;
  readonly trials: number;
}

/** One medium in one sales unit. */
export interface PlanSegment {
  readonly medium: string;
  readonly unit: string;
  /** One rate per forward step of the pipeline (lead→mql, mql→sql, sql→opportunity, opportunity→won), each in [0, 1]. */
  readonly rates: readonly number[];
  /** Same length as `rates`. */
  readonly evidence: readonly RateEvidence[];
  /** Mean revenue of one won lead, in the data's currency. */
  readonly dealSize: number;
  /** Historical won amounts the simulation resamples (scaled to `dealSize`); empty: every deal is `dealSize`. */
  readonly dealSizePool: readonly number[];
  /** lag[k]: probability that a lead's revenue lands k months after the month the lead arises (sums to 1). */
  readonly lag: readonly number[];
  /** Planned leads per plan month, aligned with Plan.months (may be fractional: quarter totals are spread evenly). */
  readonly leads: readonly number[];
  /** Cost of one lead; null when unknown (no campaign data and nothing typed in). */
  readonly costPerLead: number | null;
}

export interface Plan {
  /** Pipeline stages, entry first and success ('won') last: rates.length === stages.length − 1. */
  readonly stages: readonly string[];
  /** Plan months 'yyyy-mm' in order, e.g. the 12 months of the plan year. */
  readonly months: readonly string[];
  readonly segments: readonly PlanSegment[];
  /** Revenue target per unit over the plan months; a unit without a target is absent. */
  readonly targets: Readonly<Record<string, number>>;
  /** unit → month → revenue target, where the targets table says so (quarters spread evenly over their months). */
  readonly monthlyTargets: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** medium → the most extra leads the cheapest mix may add over the plan months; an absent medium is not capped. */
  readonly extraLeadCaps: Readonly<Record<string, number>>;
  /** Share of revenue that is profit, for ROI (DESIGN.md: default 1.0). */
  readonly margin: number;
}

/** Product of the step rates: the probability that one lead of the segment is won. */
export function leadToWonRate(segment: PlanSegment): number {
  let p = 1;
  for (const r of segment.rates) p *= r;
  return p;
}

/** Planned leads of a segment over all plan months. */
export function plannedLeads(segment: PlanSegment): number {
  let sum = 0;
  for (const n of segment.leads) sum += n;
  return sum;
}

/** Expected revenue of one planned lead of the segment: lead→won rate × deal size. */
export function revenuePerLead(segment: PlanSegment): number {
  return leadToWonRate(segment) * segment.dealSize;
}

/** Units in first-seen order of the segments, then units that have a target but no segment. */
export function planUnits(plan: Plan): string[] {
  const units = new Set<string>(plan.segments.map((s) => s.unit));
  for (const unit of Object.keys(plan.targets)) units.add(unit);
  return [...units];
}

/** Media in first-seen order of the segments. */
export function planMedia(plan: Plan): string[] {
  return [...new Set(plan.segments.map((s) => s.medium))];
}

/** Total revenue target of the plan (sum over the units that have one); null when no unit has one. */
export function totalTarget(plan: Plan): number | null {
  const values = Object.values(plan.targets);
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
}
