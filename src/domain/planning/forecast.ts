/**
 * Pipeline forecast for the running year (issue 15 item 5, DESIGN.md "Planning"): what is already
 * booked, what the open pipeline will still bring, and what the plan for the months left adds, per
 * sales unit, per medium and in total, set against the revenue target. A unit whose forecast falls
 * short of its target is flagged: its planning cycle is due again.
 *
 * Three parts, each in revenue of the data's currency:
 * - **Actual to date**: won revenue of history.actuals in the plan months up to asOf's month.
 * - **Pipeline**: every live open row (history.openPipeline) carried to won with the probability of
 *   its furthest stage — the product of the remaining step rates of its segment in the plan (so
 *   edited rates move it) — at its known amount, or leads × the segment's deal size where none is known.
 *   Live or stale: an open row whose created month is mature by the Funnel's own rule (funnel.ts
 *   isMature with history.maturityDays and history.asOf: at least the p90 of the lead→won lag has
 *   passed since the end of its month) has had the time nearly every won lead needed and did not
 *   close; it is *stale*, not pipeline. So is a row without a created date (its age, and so its
 *   timing, is unknown: counting it live would be the very "every open lead is pipeline" error; it is
 *   counted apart, `staleUndated`, so the screen can say so), and a row so old that its segment's lag
 *   leaves no mass at its age (below). Stale rows are reported (`staleLeads`, `staleValue`,
 *   unweighted) and are in no other figure: not in openLeads, pipelineValue, the weighted pipeline,
 *   the forecast or the coverage.
 *   Timing, conditional on age: a lead created k months before asOf's month has not been won in its
 *   first k months, so its revenue lands at lag offset j ≥ k with P(lag = j | lag ≥ k) = lag[j] ÷
 *   Σ_{i≥k} lag[i], in calendar month created + j (= asOf's month + j − k; offset k is the rest of
 *   asOf's month). Its probability is conditioned on its age too (wonGivenStillOpen): an old lead still
 *   open is likelier a loser than the step rates of all leads say. The stated approximation: a lead
 *   that will be lost stays open (CRMs close lost leads late or never), and the lag of the leads won
 *   from its stage is the segment's lead→won lag.
 *   What lands after the plan year is reported apart (`pipelineAfterYear`), never in the forecast.
 *   An open row whose (medium, unit) has no segment takes the mean of its medium's segments
 *   (probability, deal size and lag); a medium with no segment at all is counted in `unmatched`
 *   and adds nothing to the weighted figures.
 *   A row's `amount` is the sum of the amounts known among its leads; where only some are known,
 *   the rest add nothing (the history does not say how many are known), so such a row is low.
 * - **Remaining plan**: the plan's leads of the months after asOf's month, phased through the lag
 *   exactly as phasing.ts does; what lands after the year is reported apart.
 *
 * forecast = actual to date + pipeline in year + remaining plan in year.
 * remaining target = target − actual to date.
 * coverage (unweighted) = value of the live open leads at the last stage before won (the opportunities:
 * the sales pipeline of the usual "3× coverage" rule) ÷ remaining target;
 * coverageWeighted = the probability-weighted pipeline expected inside the year (all live open leads,
 * each × its probability of being won, landing by December) ÷ remaining target: the share of what is
 * left that the pipeline is expected to bring this year. Both null when there is no target or
 * nothing of it remains. All live open leads unweighted (`pipelineValue`) and weighted whenever they land
 * (`pipelineWeighted`) are reported too, but rate no coverage: early-stage leads at a won deal's size,
 * or revenue of next year, would make this year look many times better covered than it is.
 */
import { isMature } from '../funnel';
import type { OpenPipelineRow, PlanningHistory } from './history';
import { NO_UNIT, planMedia, planUnits, totalTarget, type Plan, type PlanSegment } from './plan';
import { normalisedLag, phaseRevenue } from './phasing';

export interface ForecastFigures {
  /** Revenue target over the plan months; null for a medium row or a unit without a target. */
  readonly target: number | null;
  /** The full plan's revenue phased into the months up to asOf's month (what the plan expected by now). */
  readonly planToDate: number;
  /** The full plan's revenue landing inside the plan year. */
  readonly planYear: number;
  readonly actualToDate: number;
  /** Live open leads (all stages before won; the stale ones not). */
  readonly openLeads: number;
  /**
   * Open leads that are not live pipeline: created in a mature month (at least the p90 lead→won lag
   * ago), without a created date, or older than their segment's lag reaches. In no other figure.
   */
  readonly staleLeads: number;
  /** Their value, unweighted (known amounts, else leads × deal size; 0 where no segment gives one). */
  readonly staleValue: number;
  /** Of staleLeads, those without a created date. */
  readonly staleUndated: number;
  /** Live open pipeline at its value (known amounts, else leads × deal size), unweighted. */
  readonly pipelineValue: number;
  /** The part of pipelineValue at the last stage before won (open opportunities), unweighted. */
  readonly opportunityValue: number;
  /** Open pipeline value × probability of being won from its stage, whenever it lands. */
  readonly pipelineWeighted: number;
  /** The weighted pipeline landing inside the plan year … */
  readonly pipelineInYear: number;
  /** … after it … */
  readonly pipelineAfterYear: number;
  /** … and before it (only when the plan year lies after asOf's year). */
  readonly pipelineBeforeYear: number;
  /** Revenue of the plan's leads of the months after asOf's month, landing inside the year … */
  readonly remainingPlanInYear: number;
  /** … and after it. */
  readonly remainingPlanAfterYear: number;
  /** actualToDate + pipelineInYear + remainingPlanInYear. */
  readonly forecast: number;
  /** target − actualToDate; null without target. */
  readonly remainingTarget: number | null;
  /** target − forecast (positive: revenue missing); null without target. */
  readonly gap: number | null;
  /** opportunityValue ÷ remainingTarget (unweighted); null without target or with none remaining. */
  readonly coverage: number | null;
  /** pipelineInYear ÷ remainingTarget (probability-weighted, landing this year); null likewise. */
  readonly coverageWeighted: number | null;
  /** forecast < target: the unit will miss, re-plan; null without target. */
  readonly willMiss: boolean | null;
}

export interface MonthForecast {
  readonly month: string;
  /** Sum of the units' monthly targets (see monthTargets); null when no unit has a target. */
  readonly target: number | null;
  /** The full plan's revenue phased into this month. */
  readonly plan: number;
  /** Booked revenue; null for months after asOf's month. */
  readonly actual: number | null;
  readonly pipeline: number;
  readonly remainingPlan: number;
  /** (actual ?? 0) + pipeline + remainingPlan. */
  readonly forecast: number;
}

export interface Forecast {
  readonly asOf: string;
  readonly asOfMonth: string;
  /** Plan months up to and including asOf's month ("to date"); the rest are "left". */
  readonly monthsDone: number;
  readonly units: readonly ({ readonly unit: string } & ForecastFigures)[];
  readonly media: readonly ({ readonly medium: string } & ForecastFigures)[];
  /** All units together; target = sum of the unit targets (units without one still add their revenue). */
  readonly total: ForecastFigures;
  readonly months: readonly MonthForecast[];
  /** Live open rows whose medium has no segment in the plan: no probability, nothing weighted. */
  readonly unmatched: { readonly leads: number; readonly value: number };
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const monthIndex = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/**
 * Probability that a lead still open at age k is won, by Bayes: p·S ÷ (1 − p + p·S), with p the
 * probability from its stage and S = P(lag ≥ k | won) the share of the won leads' lag it has not yet
 * lived through. Age 0 (S = 1) gives p; a lead older than nearly every win gives nearly 0.
 */
export function wonGivenStillOpen(p: number, survival: number): number {
  const won = p * survival;
  return won > 0 ? won / (1 - p + won) : 0;
}

/** Probability that a lead at stage `stageIndex` (furthest reached) is won: Π of the step rates from there on. */
export function probabilityFromStage(rates: readonly number[], stageIndex: number): number {
  let p = 1;
  for (let j = Math.max(0, Math.trunc(stageIndex)); j < rates.length; j++) p *= rates[j]!;
  return p;
}

interface SegmentTerms {
  readonly rates: readonly number[];
  readonly dealSize: number;
  readonly lag: readonly number[];
}

/** Mean rates, deal size and (normalised) lag of several segments, for an open row without its own segment. */
function meanTerms(segments: readonly PlanSegment[], stageIndex: number): { probability: number; dealSize: number; lag: number[] } {
  const probability = sum(segments.map((s) => probabilityFromStage(s.rates, stageIndex))) / segments.length;
  const dealSize = sum(segments.map((s) => s.dealSize)) / segments.length;
  const lags = segments.map((s) => normalisedLag(s.lag));
  const lag = new Array<number>(Math.max(...lags.map((l) => l.length))).fill(0);
  for (const l of lags) l.forEach((p, k) => (lag[k]! += p / lags.length));
  return { probability, dealSize, lag };
}

/** Unit month targets scaled to the (possibly edited) unit target; a target without months is spread evenly. */
export function monthTargets(plan: Plan): Record<string, number[]> {
  const result: Record<string, number[]> = {};
  for (const [unit, target] of Object.entries(plan.targets)) {
    const byMonth = plan.monthlyTargets[unit] ?? {};
    const row = plan.months.map((m) => byMonth[m] ?? 0);
    const total = sum(row);
    result[unit] = total > 0 ? row.map((v) => (v * target) / total) : plan.months.map(() => target / plan.months.length);
  }
  return result;
}

interface Accumulator {
  actualToDate: number;
  openLeads: number;
  staleLeads: number;
  staleValue: number;
  staleUndated: number;
  pipelineValue: number;
  opportunityValue: number;
  pipelineWeighted: number;
  pipelineInYear: number;
  pipelineAfterYear: number;
  pipelineBeforeYear: number;
  planToDate: number;
  planYear: number;
  remainingPlanInYear: number;
  remainingPlanAfterYear: number;
}

const emptyAccumulator = (): Accumulator => ({
  actualToDate: 0,
  openLeads: 0,
  staleLeads: 0,
  staleValue: 0,
  staleUndated: 0,
  pipelineValue: 0,
  opportunityValue: 0,
  pipelineWeighted: 0,
  pipelineInYear: 0,
  pipelineAfterYear: 0,
  pipelineBeforeYear: 0,
  planToDate: 0,
  planYear: 0,
  remainingPlanInYear: 0,
  remainingPlanAfterYear: 0,
});

function figures(a: Accumulator, target: number | null): ForecastFigures {
  const forecast = a.actualToDate + a.pipelineInYear + a.remainingPlanInYear;
  const remainingTarget = target === null ? null : target - a.actualToDate;
  const covers = remainingTarget !== null && remainingTarget > 0;
  return {
    target,
    planToDate: a.planToDate,
    planYear: a.planYear,
    actualToDate: a.actualToDate,
    openLeads: a.openLeads,
    staleLeads: a.staleLeads,
    staleValue: a.staleValue,
    staleUndated: a.staleUndated,
    pipelineValue: a.pipelineValue,
    opportunityValue: a.opportunityValue,
    pipelineWeighted: a.pipelineWeighted,
    pipelineInYear: a.pipelineInYear,
    pipelineAfterYear: a.pipelineAfterYear,
    pipelineBeforeYear: a.pipelineBeforeYear,
    remainingPlanInYear: a.remainingPlanInYear,
    remainingPlanAfterYear: a.remainingPlanAfterYear,
    forecast,
    remainingTarget,
    gap: target === null ? null : target - forecast,
    coverage: covers ? a.opportunityValue / remainingTarget : null,
    coverageWeighted: covers ? a.pipelineInYear / remainingTarget : null,
    // A hair of floating-point noise must not flag a unit that meets its target exactly.
    willMiss: target === null ? null : forecast < target - 1e-9 * Math.max(1, Math.abs(target)),
  };
}

/** The plan with the leads of the first `done` months taken out (those months are history now). */
function remainingPlan(plan: Plan, done: number): Plan {
  return { ...plan, segments: plan.segments.map((s) => ({ ...s, leads: s.leads.map((n, i) => (i < done ? 0 : n)) })) };
}

/**
 * The forecast of the plan year (plan.months) as of history.asOf; null when the data has no dates
 * (no asOf: nothing is "to date"). `plan` is the plan after the planner's edits.
 */
export function pipelineForecast(history: PlanningHistory, plan: Plan): Forecast | null {
  if (!history.asOf) return null;
  const asOfMonth = history.asOf.slice(0, 7);
  const months = plan.months;
  const horizon = months.length;
  const inYear = new Map(months.map((m, i) => [m, i]));
  const done = months.filter((m) => m <= asOfMonth).length;
  // Plan-month index of asOf's month (may lie outside 0..horizon − 1).
  const asOfIndex = months.length ? monthIndex(asOfMonth) - monthIndex(months[0]!) : 0;

  const units = planUnits(plan);
  const media = planMedia(plan);
  const unitAcc = new Map<string, Accumulator>(units.map((u) => [u, emptyAccumulator()]));
  const mediumAcc = new Map<string, Accumulator>(media.map((m) => [m, emptyAccumulator()]));
  const accOf = (map: Map<string, Accumulator>, key: string): Accumulator => {
    let a = map.get(key);
    if (!a) map.set(key, (a = emptyAccumulator()));
    return a;
  };
  const both = (unit: string, medium: string, add: (a: Accumulator) => void) => {
    add(accOf(unitAcc, unit));
    add(accOf(mediumAcc, medium));
  };

  const monthActual = new Array<number>(horizon).fill(0);
  const monthPipeline = new Array<number>(horizon).fill(0);

  // Actuals of the plan months up to asOf's month.
  for (const row of history.actuals) {
    const i = inYear.get(row.month);
    if (i === undefined || i >= done) continue;
    monthActual[i]! += row.revenue;
    both(row.unit ?? NO_UNIT, row.medium, (a) => (a.actualToDate += row.revenue));
  }

  // Open pipeline.
  const segmentOf = new Map<string, PlanSegment>(plan.segments.map((s) => [JSON.stringify([s.medium, s.unit]), s]));
  const mediumSegments = new Map<string, PlanSegment[]>();
  for (const s of plan.segments) mediumSegments.set(s.medium, [...(mediumSegments.get(s.medium) ?? []), s]);
  const unmatched = { leads: 0, value: 0 };
  const opportunityStage = plan.stages.length - 2;
  const asOf = history.asOf;
  const stale = (unit: string, row: OpenPipelineRow, value: number) =>
    both(unit, row.medium, (a) => {
      a.staleLeads += row.leads;
      a.staleValue += value;
      if (row.month === null) a.staleUndated += row.leads;
    });
  for (const row of history.openPipeline) {
    const unit = row.unit ?? NO_UNIT;
    const atOpportunity = row.stageIndex >= opportunityStage;
    const own: SegmentTerms | undefined = segmentOf.get(JSON.stringify([row.medium, unit]));
    const siblings = mediumSegments.get(row.medium);
    const terms = own
      ? { probability: probabilityFromStage(own.rates, row.stageIndex), dealSize: own.dealSize, lag: normalisedLag(own.lag) }
      : siblings
        ? meanTerms(siblings, row.stageIndex)
        : null;
    // Mature by the Funnel's rule (one definition: funnel.ts isMature), or of unknown age: not live.
    const notLive = row.month === null || isMature(row.month, asOf, history.maturityDays);
    if (notLive) {
      stale(unit, row, row.amount ?? (terms ? row.leads * terms.dealSize : 0));
      continue;
    }
    if (!terms) {
      unmatched.leads += row.leads;
      unmatched.value += row.amount ?? 0;
      both(unit, row.medium, (a) => {
        a.openLeads += row.leads;
        a.pipelineValue += row.amount ?? 0;
        if (atOpportunity) a.opportunityValue += row.amount ?? 0;
      });
      continue;
    }
    const value = row.amount ?? row.leads * terms.dealSize;
    // Age in whole months (created month → asOf's month); the lag offsets it has already lived through are gone.
    const age = Math.max(0, monthIndex(asOfMonth) - monthIndex(row.month!));
    const rest = terms.lag.slice(age);
    const restMass = sum(rest);
    if (!(restMass > 0)) {
      // Older than any lag its segment has seen, though not mature by the overall p90: stale all the same.
      stale(unit, row, value);
      continue;
    }
    const weighted = value * wonGivenStillOpen(terms.probability, Math.min(1, restMass));
    let inside = 0;
    let after = 0;
    let before = 0;
    // Offset age + i of the lag is asOf's month + i: P(lag = age + i | lag ≥ age) = rest[i] / restMass.
    rest.forEach((p, i) => {
      const share = (weighted * p) / restMass;
      const landing = asOfIndex + i;
      if (landing < 0) before += share;
      else if (landing >= horizon) after += share;
      else {
        inside += share;
        monthPipeline[landing]! += share;
      }
    });
    both(unit, row.medium, (a) => {
      a.openLeads += row.leads;
      a.pipelineValue += value;
      if (atOpportunity) a.opportunityValue += value;
      a.pipelineWeighted += weighted;
      a.pipelineInYear += inside;
      a.pipelineAfterYear += after;
      a.pipelineBeforeYear += before;
    });
  }

  // The full plan phased (plan to date and plan of the year) and the plan of the months left.
  const full = phaseRevenue(plan);
  const left = phaseRevenue(remainingPlan(plan, done));
  const toDate = (values: readonly number[]) => sum(values.slice(0, done));
  for (const u of full.units) {
    const a = accOf(unitAcc, u.unit);
    a.planToDate += toDate(u.months);
    a.planYear += sum(u.months);
  }
  for (const u of left.units) {
    const a = accOf(unitAcc, u.unit);
    a.remainingPlanInYear += sum(u.months);
    a.remainingPlanAfterYear += u.afterHorizon;
  }
  for (const medium of media) {
    const only = (p: Plan): Plan => ({ ...p, segments: p.segments.filter((s) => s.medium === medium), targets: {} });
    const f = phaseRevenue(only(plan)).total;
    const l = phaseRevenue(only(remainingPlan(plan, done))).total;
    const a = accOf(mediumAcc, medium);
    a.planToDate += toDate(f.months);
    a.planYear += sum(f.months);
    a.remainingPlanInYear += sum(l.months);
    a.remainingPlanAfterYear += l.afterHorizon;
  }

  const total = emptyAccumulator();
  for (const a of unitAcc.values()) for (const key of Object.keys(total) as (keyof Accumulator)[]) total[key] += a[key];

  const targetsByMonth = monthTargets(plan);
  const hasTargets = Object.keys(targetsByMonth).length > 0;
  const monthRows: MonthForecast[] = months.map((month, i) => {
    const actual = i < done ? monthActual[i]! : null;
    const pipeline = monthPipeline[i]!;
    const remaining = left.total.months[i]!;
    return {
      month,
      target: hasTargets ? sum(Object.values(targetsByMonth).map((row) => row[i] ?? 0)) : null,
      plan: full.total.months[i]!,
      actual,
      pipeline,
      remainingPlan: remaining,
      forecast: (actual ?? 0) + pipeline + remaining,
    };
  });

  return {
    asOf: history.asOf,
    asOfMonth,
    monthsDone: done,
    units: [...unitAcc].map(([unit, a]) => ({ unit, ...figures(a, plan.targets[unit] ?? null) })),
    media: [...mediumAcc].map(([medium, a]) => ({ medium, ...figures(a, null) })),
    total: figures(total, totalTarget(plan)),
    months: monthRows,
    unmatched,
  };
}
