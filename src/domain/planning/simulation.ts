/**
 * Monte Carlo of the plan's revenue (DESIGN.md "Planning": binomial conversions with rate
 * uncertainty from the historical counts, deal sizes resampled from history; P10/P50/P90 and the
 * probability of reaching the target). Seeded and reproducible: one seed, one result.
 *
 * One run, per segment:
 * 1. Leads: the planned total N over all plan months (a fractional N is floor(N) plus one more lead
 *    with probability frac(N), which keeps the mean exact). Months do not matter for the year's
 *    revenue, so there is one draw per segment, not per month.
 * 2. Lead→won probability p. Each step rate is uncertain: Beta(r·κ, (1 − r)·κ), centred on the
 *    plan's (possibly edited) rate r with the evidence's trials κ as strength; with unedited
 *    measured rates that is the posterior Beta(s, n − s) (Beta(s + a, n − s + b) for a shrunk rate).
 *    The four steps are independent, so p's mean and variance are known in closed form
 *    (E p = Π r_i, E p² = Π E r_i²) and p is drawn as ONE Beta with that mean and variance. That is
 *    exact, not an approximation, when the evidence chains (each step's successes are the next
 *    step's trials, as in measured cohorts): Beta(n₂, n₁ − n₂) · Beta(n₃, n₂ − n₃) is
 *    Beta(n₃, n₁ − n₃) and so on down the funnel. For shrunk or edited evidence it matches mean and
 *    variance exactly. One Beta instead of four per segment and run is what fits the time budget.
 * 3. Won ~ Binomial(N, p). A chain of binomials thinned step by step (MQLs ~ Bin(N, r₁), SQLs ~
 *    Bin(MQLs, r₂), …) is in law one binomial with the product of the rates, so one draw suffices.
 * 4. Revenue = sum of `won` deal sizes resampled from the segment's pool (rescaled so its mean is
 *    the plan's deal size). Exact for up to `exactDealSumUpTo` wins (default 10). Above that, one
 *    draw from the translated gamma approximation of the resampled sum (Seal 1977, standard for
 *    aggregate claims in actuarial work): x₀ + Gamma(α, θ) with the sum's exact mean won·μ,
 *    variance won·σ² and skewness γ/√won (γ the pool's skewness), i.e. α = 4/skew², θ = sd·skew/2,
 *    x₀ = mean − 2·sd/skew. It keeps the right skew of deal sizes that a normal would drop, and
 *    costs one gamma draw instead of `won` index draws (resampling was half the run time of the
 *    48-segment benchmark). A pool without right skew uses the normal with the same mean and
 *    variance. Without a pool every deal is the deal size.
 *
 * Revenue counts every deal the plan's leads bring, whenever it lands (as the reverse funnel does);
 * phasing.ts shows how much of it lands after the plan year.
 *
 * Performance: typed arrays allocated once per simulation, no allocation per run; per segment and
 * run one uniform, one Beta, one binomial, and up to `exactDealSumUpTo` index draws or one gamma.
 */
import { planUnits, type Plan } from './plan';
import { seededRandom } from './random';

export interface SimulationOptions {
  /** Number of runs (default 10,000). */
  readonly runs?: number;
  /** Integer in [0, 2^32) (default 1). */
  readonly seed?: number;
  /** Draw step rates from their evidence (default true); false: rates fixed at the plan's values. */
  readonly rateUncertainty?: boolean;
  /** Wins per segment up to which deal sizes are resampled one by one (default 10); above, the translated gamma. */
  readonly exactDealSumUpTo?: number;
  /** Bins of each distribution's histogram (default 40). */
  readonly histogramBins?: number;
}

export interface HistogramBar {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

export interface Distribution {
  readonly mean: number;
  readonly sd: number;
  /** sd / √runs: the Monte Carlo error of the mean. */
  readonly standardError: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly min: number;
  readonly max: number;
  readonly histogram: readonly HistogramBar[];
}

export interface SimulationSummary {
  readonly target: number | null;
  /** Share of runs whose revenue reaches the target (≥); null without target. */
  readonly probabilityOfTarget: number | null;
  readonly revenue: Distribution;
  /** Won deals per run. */
  readonly won: Distribution;
}

export interface Simulation {
  readonly runs: number;
  readonly seed: number;
  readonly units: readonly ({ readonly unit: string } & SimulationSummary)[];
  readonly total: SimulationSummary;
}

/** Lead→won probability as one Beta(alpha, beta), or fixed at `p` when alpha is 0. */
interface WonProbability {
  readonly p: number;
  readonly alpha: number;
  readonly beta: number;
}

/** Mean and variance of the product of independent step rates, matched by one Beta (see the module comment). */
export function leadToWonBeta(rates: readonly number[], evidenceTrials: readonly number[], uncertain: boolean): WonProbability {
  let mean = 1;
  let secondMoment = 1;
  for (let i = 0; i < rates.length; i++) {
    const r = Math.min(1, Math.max(0, rates[i]!));
    const kappa = evidenceTrials[i] ?? 0;
    // Var of Beta(rκ, (1 − r)κ) is r(1 − r)/(κ + 1); no evidence or a rate of 0 or 1: no spread.
    const variance = uncertain && kappa > 0 ? (r * (1 - r)) / (kappa + 1) : 0;
    mean *= r;
    secondMoment *= variance + r * r;
  }
  const variance = secondMoment - mean * mean;
  if (!(mean > 0 && mean < 1) || !(variance > 1e-15 * mean)) return { p: mean, alpha: 0, beta: 0 };
  const strength = (mean * (1 - mean)) / variance - 1;
  if (!(strength > 0)) return { p: mean, alpha: 0, beta: 0 };
  return { p: mean, alpha: mean * strength, beta: (1 - mean) * strength };
}

/** Quantile of sorted values, interpolated like DuckDB's quantile_cont (same as quantileFromHistogram). */
function sortedQuantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (position - low) * (sorted[high]! - sorted[low]!);
}

function distribution(values: Float64Array, bins: number): Distribution {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i]! - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  const sorted = Float64Array.from(values).sort();
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  const width = max > min ? (max - min) / bins : 0;
  const counts = new Array<number>(width > 0 ? bins : 1).fill(0);
  if (width > 0) for (let i = 0; i < n; i++) counts[Math.min(bins - 1, Math.floor((sorted[i]! - min) / width))]! += 1;
  else counts[0] = n;
  return {
    mean,
    sd,
    standardError: sd / Math.sqrt(n),
    p10: sortedQuantile(sorted, 0.1),
    p50: sortedQuantile(sorted, 0.5),
    p90: sortedQuantile(sorted, 0.9),
    min,
    max,
    histogram: counts.map((count, i) => ({ from: min + i * width, to: width > 0 ? min + (i + 1) * width : max, count })),
  };
}

function summary(revenue: Float64Array, won: Float64Array, target: number | null, bins: number): SimulationSummary {
  let reached = 0;
  if (target !== null) for (let i = 0; i < revenue.length; i++) if (revenue[i]! >= target) reached++;
  return {
    target,
    probabilityOfTarget: target === null ? null : reached / revenue.length,
    revenue: distribution(revenue, bins),
    won: distribution(won, bins),
  };
}

export function simulate(plan: Plan, options: SimulationOptions = {}): Simulation {
  const runs = options.runs ?? 10_000;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`Runs ${runs} is not a positive integer`);
  const exactUpTo = options.exactDealSumUpTo ?? 10;
  const bins = options.histogramBins ?? 40;
  const random = seededRandom(seed);
  const { uniform, gamma, beta, binomial, normal, index } = random;

  const units = planUnits(plan);
  const unitIndex = new Map(units.map((u, i) => [u, i]));
  const segmentCount = plan.segments.length;
  // Per-segment constants, in flat typed arrays.
  const leadsFloor = new Float64Array(segmentCount);
  const leadsFrac = new Float64Array(segmentCount);
  const pFixed = new Float64Array(segmentCount);
  const alpha = new Float64Array(segmentCount);
  const betaParam = new Float64Array(segmentCount);
  const dealMean = new Float64Array(segmentCount);
  const dealSd = new Float64Array(segmentCount);
  const dealSkew = new Float64Array(segmentCount);
  const segmentUnit = new Int32Array(segmentCount);
  const poolStart = new Int32Array(segmentCount);
  const poolLength = new Int32Array(segmentCount);
  const pool = new Float64Array(plan.segments.reduce((n, s) => n + s.dealSizePool.length, 0));
  let offset = 0;
  plan.segments.forEach((s, j) => {
    let leads = 0;
    for (const n of s.leads) leads += Math.max(0, n);
    leadsFloor[j] = Math.floor(leads);
    leadsFrac[j] = leads - Math.floor(leads);
    const won = leadToWonBeta(s.rates, s.evidence.map((e) => e.trials), options.rateUncertainty ?? true);
    pFixed[j] = won.p;
    alpha[j] = won.alpha;
    betaParam[j] = won.beta;
    segmentUnit[j] = unitIndex.get(s.unit) as number;
    dealMean[j] = s.dealSize;
    const poolMean = s.dealSizePool.length > 0 ? s.dealSizePool.reduce((a, b) => a + b, 0) / s.dealSizePool.length : 0;
    if (poolMean > 0) {
      // Rescale the historical amounts so their mean is the plan's (possibly edited) deal size; keeps their shape.
      const scale = s.dealSize / poolMean;
      let squares = 0;
      let cubes = 0;
      poolStart[j] = offset;
      poolLength[j] = s.dealSizePool.length;
      for (const amount of s.dealSizePool) {
        pool[offset++] = amount * scale;
        squares += (amount * scale - s.dealSize) ** 2;
        cubes += (amount * scale - s.dealSize) ** 3;
      }
      // Moments of one draw from the pool (the population's, as resampling draws from exactly these values).
      const variance = squares / s.dealSizePool.length;
      dealSd[j] = Math.sqrt(variance);
      dealSkew[j] = variance > 0 ? cubes / s.dealSizePool.length / variance ** 1.5 : 0;
    }
  });

  const unitCount = units.length;
  const revenue = new Float64Array(unitCount * runs);
  const won = new Float64Array(unitCount * runs);
  for (let run = 0; run < runs; run++) {
    for (let j = 0; j < segmentCount; j++) {
      const n = leadsFloor[j]! + (leadsFrac[j]! > 0 && uniform() < leadsFrac[j]! ? 1 : 0);
      if (n === 0) continue;
      const p = alpha[j]! > 0 ? beta(alpha[j]!, betaParam[j]!) : pFixed[j]!;
      const w = binomial(n, p);
      if (w === 0) continue;
      let amount: number;
      const length = poolLength[j]!;
      if (length === 0) amount = w * dealMean[j]!;
      else if (w <= exactUpTo) {
        amount = 0;
        const start = poolStart[j]!;
        for (let d = 0; d < w; d++) amount += pool[start + index(length)]!;
      } else {
        const mean = w * dealMean[j]!;
        const sd = Math.sqrt(w) * dealSd[j]!;
        const skew = dealSkew[j]! / Math.sqrt(w);
        amount = skew > 1e-3 ? mean - (2 * sd) / skew + ((sd * skew) / 2) * gamma(4 / (skew * skew)) : normal(mean, sd);
      }
      const cell = segmentUnit[j]! * runs + run;
      revenue[cell]! += amount;
      won[cell]! += w;
    }
  }

  const totalRevenue = new Float64Array(runs);
  const totalWon = new Float64Array(runs);
  for (let u = 0; u < unitCount; u++) {
    for (let run = 0; run < runs; run++) {
      totalRevenue[run]! += revenue[u * runs + run]!;
      totalWon[run]! += won[u * runs + run]!;
    }
  }
  const targetsKnown = Object.keys(plan.targets).length > 0;
  const totalTarget = targetsKnown ? Object.values(plan.targets).reduce((a, b) => a + b, 0) : null;
  return {
    runs,
    seed,
    units: units.map((unit, u) => ({
      unit,
      ...summary(revenue.subarray(u * runs, (u + 1) * runs), won.subarray(u * runs, (u + 1) * runs), plan.targets[unit] ?? null, bins),
    })),
    total: summary(totalRevenue, totalWon, totalTarget, bins),
  };
}
