/**
 * PlanningHistory (measured) → Plan (editable defaults), and for every default how much data it
 * rests on and where it came from, so the Planning page can say "shrunk toward the medium", "from
 * last year's volumes" or "no cost known" next to each input (DESIGN.md "Planning": defaults are
 * measured from mature historical cohorts, per medium, and the page says so).
 */
import { DEFAULT_PIPELINE } from '../pipeline';
import type { CampaignRow, PlanningHistory, SegmentHistory } from './history';
import { monthOfYear, monthsBetween, monthsOfYear, periodMonths, yearOf } from './calendar';
import { lagMonthProbabilities, mergeHistograms } from './lag';
import { NO_UNIT, type Plan, type PlanSegment, type RateEvidence } from './plan';
import { estimateBetaPrior, shrink, type BetaPrior, type Counts, type ShrinkageOptions } from './shrinkage';

export type PlannedLeadsSource = 'targets' | 'campaigns' | 'lastYear';

export interface PlanDefaultsOptions {
  /** Pipeline stages (default: DEFAULT_PIPELINE's). */
  readonly stages?: readonly string[];
  /** Plan year (default: the year of history.asOf, the running year). */
  readonly year?: number;
  /** Rates per (medium, unit) shrunk toward the medium (true, default) or the medium's pooled rate for every unit. */
  readonly byUnit?: boolean;
  /** Where planned leads come from; 'auto' (default): targets, else campaigns, else last year. */
  readonly plannedLeadsFrom?: 'auto' | PlannedLeadsSource;
  readonly shrinkage?: ShrinkageOptions;
  /**
   * Deal size credibility k, in wins: a segment's deal size is (Σ amounts + k × medium mean)/(wins + k),
   * and it resamples its own amounts only with at least k wins (else the medium's). Default 5.
   */
  readonly dealSizeCredibility?: number;
  /** A medium needs this many won leads for its own lag distribution, else the overall one is used. Default 20. */
  readonly minLagWins?: number;
  readonly maxLagMonths?: number;
  /** Default cap on extra leads per medium as a share of its planned leads (default 1: at most double). */
  readonly extraLeadCapShare?: number;
  readonly margin?: number;
}

export interface RateProvenance {
  /** The segment's own trials (leads that reached the step's start) and successes, from mature cohorts. */
  readonly trials: number;
  readonly successes: number;
  /** Pulled toward the medium rate (or taken from it, or from the overall rate). */
  readonly shrunk: boolean;
  /** Share of the rate that comes from the prior, M/(n + M); 0 when not shrunk. */
  readonly priorWeight: number;
  /** What the rate is centred on: the segment itself, the medium, all media, or nothing (rate 0). */
  readonly source: 'segment' | 'medium' | 'overall' | 'none';
}

export interface SegmentProvenance {
  readonly medium: string;
  readonly unit: string;
  /** Leads of the mature cohorts the segment's rates rest on. */
  readonly leads: number;
  readonly rates: readonly RateProvenance[];
  readonly dealSize: { readonly wins: number; readonly priorWeight: number; readonly source: 'segment' | 'medium' | 'overall' | 'none'; readonly pool: 'segment' | 'medium' | 'overall' | 'none' };
  readonly lag: { readonly wins: number; readonly source: 'medium' | 'overall' | 'none' };
  readonly plannedLeads: PlannedLeadsSource;
  readonly costPerLead: { readonly campaigns: number; readonly campaignLeads: number; readonly source: 'campaigns' | 'none' };
}

/** A note on the data behind the defaults, as data: the page words it in the user's language. */
export type PlanWarning =
  | { readonly kind: 'campaignUndated'; readonly campaign: string }
  | { readonly kind: 'plannedLeadsNowhere'; readonly by: 'unit' | 'medium'; readonly key: string; readonly leads: number }
  | { readonly kind: 'plannedLeadsPartial'; readonly key: string; readonly covered: number; readonly months: number }
  | { readonly kind: 'targetPeriodUnreadable'; readonly unit: string; readonly period: string };

export interface PlanDefaults {
  readonly plan: Plan;
  readonly year: number;
  /** The source chosen for planned leads (segments not covered by it fall back to last year, see segments[]). */
  readonly plannedLeadsSource: PlannedLeadsSource;
  /** Aligned with plan.segments. */
  readonly segments: readonly SegmentProvenance[];
  /** Things the page should show: periods it could not read, planned leads with nowhere to go, … */
  readonly warnings: readonly PlanWarning[];
}

const sum = (values: Iterable<number>): number => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};
const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : sum(values) / values.length);

function planYear(history: PlanningHistory, option: number | undefined): number {
  if (option !== undefined) return option;
  if (history.asOf) return yearOf(history.asOf);
  const months = [...history.targets.map((t) => t.period), ...history.matureMonths].filter((p) => /^\d{4}/.test(p)).sort();
  const latest = months[months.length - 1];
  if (latest === undefined) throw new Error('No plan year: the data has no dates and no targets; pass options.year');
  return yearOf(latest);
}

/** Rates of one step for every segment (same order as history.segments). */
function stepRates(
  segments: readonly SegmentHistory[],
  step: number,
  byUnit: boolean,
  options: ShrinkageOptions,
): { rate: number; evidence: RateEvidence; provenance: RateProvenance }[] {
  const countsOf = (s: SegmentHistory): Counts => s.steps[step] ?? { trials: 0, successes: 0 };
  const overall = estimateBetaPrior(segments.map(countsOf), options);
  const overallPrior: BetaPrior | null = overall && { mean: overall.mean, strength: options.fallbackStrength ?? 20 };
  const byMedium = new Map<string, SegmentHistory[]>();
  for (const s of segments) byMedium.set(s.medium, [...(byMedium.get(s.medium) ?? []), s]);
  return segments.map((segment) => {
    const own = countsOf(segment);
    const siblings = byMedium.get(segment.medium) ?? [segment];
    const mediumCounts = siblings.map(countsOf);
    const mediumTrials = sum(mediumCounts.map((c) => c.trials));
    const base = { trials: own.trials, successes: own.successes };
    if (mediumTrials === 0) {
      // The medium never reached this step's start: borrow the rate of all media, with the fallback strength as evidence.
      if (!overallPrior) return { rate: 0, evidence: { successes: 0, trials: 0 }, provenance: { ...base, shrunk: false, priorWeight: 0, source: 'none' } };
      const shrunk = shrink(own, overallPrior);
      return { rate: shrunk.rate, evidence: shrunk.evidence, provenance: { ...base, shrunk: true, priorWeight: shrunk.priorWeight, source: 'overall' } };
    }
    if (!byUnit || siblings.length < 2) {
      // One rate for the medium (a medium with a single unit has nothing to shrink toward but itself).
      const pooled = { successes: sum(mediumCounts.map((c) => c.successes)), trials: mediumTrials };
      const fromMedium = siblings.length >= 2;
      return {
        rate: pooled.successes / pooled.trials,
        evidence: pooled,
        provenance: { ...base, shrunk: fromMedium, priorWeight: fromMedium ? 1 - own.trials / mediumTrials : 0, source: fromMedium ? 'medium' : 'segment' },
      };
    }
    const prior = estimateBetaPrior(mediumCounts, options) as BetaPrior;
    const shrunk = shrink(own, prior);
    return { rate: shrunk.rate, evidence: shrunk.evidence, provenance: { ...base, shrunk: true, priorWeight: shrunk.priorWeight, source: own.trials > 0 ? 'segment' : 'medium' } };
  });
}

function dealSizes(
  segments: readonly SegmentHistory[],
  k: number,
  byUnit: boolean,
): { dealSize: number; pool: readonly number[]; provenance: SegmentProvenance['dealSize'] }[] {
  const all = segments.flatMap((s) => s.wonAmounts);
  const overallMean = mean(all);
  const mediumAmounts = new Map<string, number[]>();
  for (const s of segments) mediumAmounts.set(s.medium, [...(mediumAmounts.get(s.medium) ?? []), ...s.wonAmounts]);
  return segments.map((segment) => {
    const medium = mediumAmounts.get(segment.medium) ?? [];
    const mediumMean = mean(medium);
    const centre = mediumMean ?? overallMean;
    const centreSource: 'medium' | 'overall' | 'none' = mediumMean !== null ? 'medium' : overallMean !== null ? 'overall' : 'none';
    const centrePool = mediumMean !== null ? medium : all;
    const wins = segment.wonAmounts.length;
    if (centre === null) return { dealSize: 0, pool: [] as number[], provenance: { wins, priorWeight: 0, source: 'none' as const, pool: 'none' as const } };
    if (!byUnit || wins === 0) return { dealSize: centre, pool: centrePool, provenance: { wins, priorWeight: 1, source: centreSource, pool: centreSource } };
    // Credibility-weighted mean: continuous in the number of wins (no jump at a threshold).
    const priorWeight = k / (wins + k);
    const dealSize = (sum(segment.wonAmounts) + k * centre) / (wins + k);
    const ownPool = wins >= k;
    return {
      dealSize,
      pool: ownPool ? [...segment.wonAmounts] : centrePool,
      provenance: { wins, priorWeight, source: 'segment' as const, pool: ownPool ? ('segment' as const) : centreSource },
    };
  });
}

function lags(segments: readonly SegmentHistory[], minWins: number, maxOffset: number) {
  const overallBins = mergeHistograms(segments.map((s) => s.lagDays));
  const overallWins = sum(overallBins.map((b) => b.count));
  const cache = new Map<string, { lag: number[]; provenance: SegmentProvenance['lag'] }>();
  return segments.map((segment) => {
    const cached = cache.get(segment.medium);
    if (cached) return cached;
    const bins = mergeHistograms(segments.filter((s) => s.medium === segment.medium).map((s) => s.lagDays));
    const wins = sum(bins.map((b) => b.count));
    const result =
      wins >= minWins
        ? { lag: lagMonthProbabilities(bins, maxOffset), provenance: { wins, source: 'medium' as const } }
        : overallWins > 0
          ? { lag: lagMonthProbabilities(overallBins, maxOffset), provenance: { wins, source: 'overall' as const } }
          : { lag: [1], provenance: { wins, source: 'none' as const } };
    cache.set(segment.medium, result);
    return result;
  });
}

/** Shares of each segment within a group of segments by last-12-month leads (equal shares when the group has none). */
function shares(indices: readonly number[], last12: readonly number[]): Map<number, number> {
  const total = sum(indices.map((i) => last12[i] ?? 0));
  return new Map(indices.map((i) => [i, total > 0 ? (last12[i] ?? 0) / total : 1 / indices.length]));
}

function campaignMonths(campaign: CampaignRow, months: readonly string[]): string[] {
  const start = campaign.start ?? campaign.end;
  const end = campaign.end ?? campaign.start;
  return start && end ? monthsBetween(start, end) : [...months];
}

export function planDefaults(history: PlanningHistory, options: PlanDefaultsOptions = {}): PlanDefaults {
  const stages = options.stages ?? DEFAULT_PIPELINE.stages;
  const stepCount = stages.length - 1;
  const byUnit = options.byUnit ?? true;
  const year = planYear(history, options.year);
  const months = monthsOfYear(year);
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const warnings: PlanWarning[] = [];
  const segments = history.segments;
  const unitOf = (s: { unit: string | null }): string => s.unit ?? NO_UNIT;

  // Rates, step by step (shrinkage works across the units of a medium within one step).
  const perStep = Array.from({ length: stepCount }, (_, step) => stepRates(segments, step, byUnit, options.shrinkage ?? {}));
  const deals = dealSizes(segments, options.dealSizeCredibility ?? 5, byUnit);
  const lagOf = lags(segments, options.minLagWins ?? 20, options.maxLagMonths ?? 36);

  // Planned leads: start from last year's volumes by calendar month, then overwrite what the chosen source covers.
  const last12 = segments.map((s) => sum(Object.values(s.leadsLast12Months)));
  const leads = segments.map((s) => {
    const row = new Array<number>(months.length).fill(0);
    for (const [month, n] of Object.entries(s.leadsLast12Months)) row[monthOfYear(month) - 1]! += n;
    return row;
  });
  const leadsSource: PlannedLeadsSource[] = segments.map(() => 'lastYear');
  const inYear = (ms: readonly string[]) => ms.filter((m) => monthIndex.has(m));
  const targetsWithLeads = history.targets.filter((t) => t.plannedLeads !== null && inYear(periodMonths(t.period) ?? []).length > 0);
  const campaignsWithLeads = history.campaigns.filter((c) => c.plannedLeads !== null && inYear(campaignMonths(c, months)).length > 0);
  const choice = options.plannedLeadsFrom ?? 'auto';
  const source: PlannedLeadsSource =
    choice !== 'auto' ? choice : targetsWithLeads.length > 0 ? 'targets' : campaignsWithLeads.length > 0 ? 'campaigns' : 'lastYear';

  // Per (group key, plan month): planned leads to split over the group's segments.
  const planned = new Map<string, number[]>();
  const add = (key: string, month: string, n: number) => {
    const row = planned.get(key) ?? new Array<number>(months.length).fill(0);
    const i = monthIndex.get(month);
    if (i !== undefined) row[i]! += n;
    planned.set(key, row);
  };
  const covered = new Map<string, Set<number>>();
  if (source === 'targets') {
    for (const t of targetsWithLeads) {
      const ms = periodMonths(t.period) ?? [];
      for (const m of ms) {
        add(t.unit, m, (t.plannedLeads as number) / ms.length);
        if (monthIndex.has(m)) covered.set(t.unit, (covered.get(t.unit) ?? new Set()).add(monthIndex.get(m) as number));
      }
    }
  } else if (source === 'campaigns') {
    for (const c of campaignsWithLeads) {
      if (c.start === null && c.end === null) warnings.push({ kind: 'campaignUndated', campaign: c.campaignId });
      const ms = campaignMonths(c, months);
      for (const m of ms) {
        add(c.medium, m, (c.plannedLeads as number) / ms.length);
        if (monthIndex.has(m)) covered.set(c.medium, (covered.get(c.medium) ?? new Set()).add(monthIndex.get(m) as number));
      }
    }
  }
  for (const [key, row] of planned) {
    const members = segments.map((s, i) => ((source === 'targets' ? unitOf(s) : s.medium) === key ? i : -1)).filter((i) => i >= 0);
    if (members.length === 0) {
      warnings.push({ kind: 'plannedLeadsNowhere', by: source === 'targets' ? 'unit' : 'medium', key, leads: sum(row) });
      continue;
    }
    const share = shares(members, last12);
    const monthsCovered = covered.get(key) ?? new Set<number>();
    if (monthsCovered.size < months.length) warnings.push({ kind: 'plannedLeadsPartial', key, covered: monthsCovered.size, months: months.length });
    for (const i of members) {
      for (const m of monthsCovered) leads[i]![m] = (row[m] ?? 0) * (share.get(i) ?? 0);
      leadsSource[i] = source;
    }
  }

  // Cost per lead per medium from the campaigns.
  const cost = new Map<string, { cost: number; leads: number; campaigns: number }>();
  for (const c of history.campaigns) {
    const entry = cost.get(c.medium) ?? { cost: 0, leads: 0, campaigns: 0 };
    cost.set(c.medium, { cost: entry.cost + c.cost, leads: entry.leads + c.leads, campaigns: entry.campaigns + 1 });
  }

  // Targets of the plan year per unit (and per month).
  const targets: Record<string, number> = {};
  const monthlyTargets: Record<string, Record<string, number>> = {};
  for (const t of history.targets) {
    const ms = periodMonths(t.period);
    if (!ms) {
      warnings.push({ kind: 'targetPeriodUnreadable', unit: t.unit, period: t.period });
      continue;
    }
    for (const m of inYear(ms)) {
      const share = t.revenue / ms.length;
      targets[t.unit] = (targets[t.unit] ?? 0) + share;
      const byMonth = (monthlyTargets[t.unit] ??= {});
      byMonth[m] = (byMonth[m] ?? 0) + share;
    }
  }

  const planSegments: PlanSegment[] = segments.map((s, i) => {
    const c = cost.get(s.medium);
    return {
      medium: s.medium,
      unit: unitOf(s),
      rates: perStep.map((step) => step[i]!.rate),
      evidence: perStep.map((step) => step[i]!.evidence),
      dealSize: deals[i]!.dealSize,
      dealSizePool: deals[i]!.pool,
      lag: lagOf[i]!.lag,
      leads: leads[i]!,
      costPerLead: c && c.leads > 0 ? c.cost / c.leads : null,
    };
  });

  const capShare = options.extraLeadCapShare ?? 1;
  const extraLeadCaps: Record<string, number> = {};
  for (const s of planSegments) extraLeadCaps[s.medium] = (extraLeadCaps[s.medium] ?? 0) + capShare * sum(s.leads);

  const provenance: SegmentProvenance[] = segments.map((s, i) => {
    const c = cost.get(s.medium);
    return {
      medium: s.medium,
      unit: unitOf(s),
      leads: s.leads,
      rates: perStep.map((step) => step[i]!.provenance),
      dealSize: deals[i]!.provenance,
      lag: lagOf[i]!.provenance,
      plannedLeads: leadsSource[i]!,
      costPerLead: { campaigns: c?.campaigns ?? 0, campaignLeads: c?.leads ?? 0, source: c && c.leads > 0 ? 'campaigns' : 'none' },
    };
  });

  return {
    plan: { stages: [...stages], months, segments: planSegments, targets, monthlyTargets, extraLeadCaps, margin: options.margin ?? 1 },
    year,
    plannedLeadsSource: source,
    segments: provenance,
    warnings,
  };
}
