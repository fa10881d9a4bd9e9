import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import binomialQuantile from '@stdlib/stats-base-dists-binomial-quantile';
import { describe, expect, it } from 'vitest';
import { binomialVariate } from '../../../../src/domain/planning/binomial';
import { seededRandom } from '../../../../src/domain/planning/random';
import { reverseFunnel } from '../../../../src/domain/planning/reverseFunnel';
import { leadToWonBeta, simulate } from '../../../../src/domain/planning/simulation';
import { everyMonth, plan, segment } from './planFixtures';

const counts = (trials: number[], rates: number[]) => trials.map((t, i) => ({ trials: t, successes: t * rates[i]! }));

// Two units, rate uncertainty from evidence, skewed deal-size pools, fractional planned leads.
const uncertain = plan(
  [
    segment({
      medium: 'web',
      unit: 'A',
      rates: [0.5, 0.4, 0.5, 0.5],
      evidence: counts([400, 200, 80, 40], [0.5, 0.4, 0.5, 0.5]),
      dealSize: 10_000,
      dealSizePool: [2000, 3000, 5000, 8000, 32_000],
      leads: everyMonth(30.25),
    }),
    segment({
      medium: 'event',
      unit: 'A',
      rates: [0.8, 0.5, 0.6, 0.4],
      evidence: counts([50, 40, 20, 12], [0.8, 0.5, 0.6, 0.4]),
      dealSize: 20_000,
      dealSizePool: [10_000, 30_000],
      leads: everyMonth(5),
    }),
    segment({ medium: 'web', unit: 'B', rates: [0.3, 0.3, 0.5, 0.5], evidence: counts([90, 27, 9, 4], [0.3, 0.3, 0.5, 0.5]), dealSize: 5000, leads: everyMonth(200) }),
  ],
  { targets: { A: 500_000, B: 400_000 } },
);

describe('simulate', () => {
  it('gives one result for one seed (bitwise) and another for another seed', () => {
    const a = simulate(uncertain, { runs: 2000, seed: 42 });
    const b = simulate(uncertain, { runs: 2000, seed: 42 });
    expect(b).toStrictEqual(a);
    const c = simulate(uncertain, { runs: 2000, seed: 43 });
    expect(c.total.revenue.mean).not.toBe(a.total.revenue.mean);
  });

  it('matches the closed-form expected revenue within 3 standard errors, per unit and in total', () => {
    const result = simulate(uncertain, { runs: 20_000, seed: 7 });
    const expected = reverseFunnel(uncertain);
    for (const unit of result.units) {
      const closedForm = expected.units.find((u) => u.unit === unit.unit)!.expectedRevenue;
      expect(Math.abs(unit.revenue.mean - closedForm)).toBeLessThan(3 * unit.revenue.standardError);
    }
    expect(Math.abs(result.total.revenue.mean - expected.total.expectedRevenue)).toBeLessThan(3 * result.total.revenue.standardError);
    expect(result.total.revenue.p10).toBeLessThan(result.total.revenue.p50);
    expect(result.total.revenue.p50).toBeLessThan(result.total.revenue.p90);
    expect(result.total.revenue.histogram.reduce((n, bar) => n + bar.count, 0)).toBe(20_000);
  });

  it('also matches it when every deal-size sum uses the translated gamma approximation', () => {
    const result = simulate(uncertain, { runs: 20_000, seed: 9, exactDealSumUpTo: 0 });
    expect(Math.abs(result.total.revenue.mean - reverseFunnel(uncertain).total.expectedRevenue)).toBeLessThan(3 * result.total.revenue.standardError);
  });

  it('approximates the resampled sum closely: spread and quantiles as with resampling every deal', () => {
    // Fixed rates, one skewed pool: revenue is the sum of Binomial(600, 0.05) resampled deals.
    const skewed = plan([
      segment({ medium: 'web', unit: 'A', rates: [0.5, 0.5, 0.4, 0.5], dealSize: 4000, dealSizePool: [1000, 1000, 2000, 2000, 3000, 15_000], leads: everyMonth(50) }),
    ]);
    const exact = simulate(skewed, { runs: 20_000, seed: 21, exactDealSumUpTo: 1e9 }).total.revenue;
    const approximate = simulate(skewed, { runs: 20_000, seed: 22, exactDealSumUpTo: 0 }).total.revenue;
    // Closed form of the compound sum: Var = E[N]·Var(X) + Var(N)·E[X]² with N ~ Bin(600, 0.05), X the pool.
    const poolVariance = [1000, 1000, 2000, 2000, 3000, 15_000].reduce((v, x) => v + (x - 4000) ** 2, 0) / 6;
    const sd = Math.sqrt(30 * poolVariance + 28.5 * 4000 ** 2);
    expect(exact.sd / sd).toBeCloseTo(1, 1);
    expect(approximate.sd / sd).toBeCloseTo(1, 1);
    for (const q of ['p10', 'p50', 'p90'] as const) expect(Math.abs(approximate[q] - exact[q]) / exact[q]).toBeLessThan(0.02);
  });

  // Fixed rates (no evidence), constant deal size: won ~ Binomial(600, 0.05), revenue = 1000 × won.
  const fixed = plan([segment({ medium: 'web', unit: 'A', rates: [0.5, 0.5, 0.4, 0.5], dealSize: 1000, leads: everyMonth(50) })], {
    targets: { A: 35_000 },
  });
  const runs = 20_000;

  it('draws binomial won counts when rates are fixed: quantiles match the binomial quantiles', () => {
    const won = simulate(fixed, { runs, seed: 3 }).units[0]!.won;
    // The sample quantile of 20,000 integer draws is the binomial quantile or its neighbour.
    expect(Math.abs(won.p10 - binomialQuantile(0.1, 600, 0.05))).toBeLessThanOrEqual(1);
    expect(Math.abs(won.p50 - binomialQuantile(0.5, 600, 0.05))).toBeLessThanOrEqual(1);
    expect(Math.abs(won.p90 - binomialQuantile(0.9, 600, 0.05))).toBeLessThanOrEqual(1);
    expect(Math.abs(won.mean - 30)).toBeLessThan(3 * Math.sqrt(600 * 0.05 * 0.95) / Math.sqrt(runs));
    expect(won.sd).toBeCloseTo(Math.sqrt(600 * 0.05 * 0.95), 0);
  });

  it('gives the binomial tail as the probability of reaching the target', () => {
    const result = simulate(fixed, { runs, seed: 5 });
    const tail = 1 - binomialCdf(34, 600, 0.05); // P(won ≥ 35) = P(revenue ≥ 35,000)
    expect(Math.abs(result.units[0]!.probabilityOfTarget! - tail)).toBeLessThan(3 * Math.sqrt((tail * (1 - tail)) / runs));
    expect(result.total.probabilityOfTarget).toBe(result.units[0]!.probabilityOfTarget);
  });

  it('ignores the evidence when rate uncertainty is off', () => {
    const withEvidence = plan([{ ...fixed.segments[0]!, evidence: counts([20, 10, 5, 2], [0.5, 0.5, 0.4, 0.5]) }], { targets: fixed.targets });
    const off = simulate(withEvidence, { runs, seed: 3, rateUncertainty: false }).units[0]!.won;
    expect(off.sd).toBeCloseTo(Math.sqrt(600 * 0.05 * 0.95), 0);
    // With the (small) evidence on, the won count is beta-binomial: wider than the binomial.
    expect(simulate(withEvidence, { runs, seed: 3 }).units[0]!.won.sd).toBeGreaterThan(off.sd * 1.5);
  });
});

describe('leadToWonBeta', () => {
  it('is exactly Beta(won, leads − won) when the evidence chains down the funnel', () => {
    // 1000 leads → 500 MQL → 200 SQL → 100 opportunities → 50 won.
    const beta = leadToWonBeta([0.5, 0.4, 0.5, 0.5], [1000, 500, 200, 100], true);
    expect(beta.p).toBeCloseTo(0.05, 12);
    expect(beta.alpha).toBeCloseTo(50, 6);
    expect(beta.beta).toBeCloseTo(950, 6);
  });

  it('fixes the rate without evidence or uncertainty', () => {
    expect(leadToWonBeta([0.5, 0.4, 0.5, 0.5], [0, 0, 0, 0], true)).toEqual({ p: 0.05, alpha: 0, beta: 0 });
    expect(leadToWonBeta([0.5, 0.4, 0.5, 0.5], [1000, 500, 200, 100], false).alpha).toBe(0);
  });
});

describe('binomialVariate', () => {
  // Both algorithms (inversion for n·p < 10, BTRS above) and the p > ½ reflection: mean and variance.
  it.each([
    [40, 0.1],
    [960, 0.015],
    [100, 0.2],
    [30, 0.4],
    [200, 0.93],
    [100_000, 0.3],
  ])('Binomial(%i, %f) has mean n·p and variance n·p·q', (n, p) => {
    const { uniform } = seededRandom(11);
    const draws = 40_000;
    let sum = 0;
    let squares = 0;
    let outside = 0;
    for (let i = 0; i < draws; i++) {
      const x = binomialVariate(uniform, n, p);
      if (!(Number.isInteger(x) && x >= 0 && x <= n)) outside++;
      sum += x;
      squares += x * x;
    }
    expect(outside).toBe(0);
    const mean = sum / draws;
    const variance = squares / draws - mean * mean;
    const sd = Math.sqrt(n * p * (1 - p));
    expect(Math.abs(mean - n * p)).toBeLessThan((4 * sd) / Math.sqrt(draws));
    // The variance of a sample variance is about 2σ⁴/draws (near-normal counts).
    expect(Math.abs(variance - sd * sd)).toBeLessThan(4 * sd * sd * Math.sqrt(2 / draws));
  });

  it('matches the binomial distribution function at small n', () => {
    const { uniform } = seededRandom(12);
    const draws = 50_000;
    const histogram = new Array<number>(11).fill(0);
    for (let i = 0; i < draws; i++) histogram[binomialVariate(uniform, 10, 0.3)]! += 1;
    let cumulative = 0;
    for (let k = 0; k <= 10; k++) {
      cumulative += histogram[k]! / draws;
      const cdf = binomialCdf(k, 10, 0.3);
      expect(Math.abs(cumulative - cdf)).toBeLessThan(4 * Math.sqrt((cdf * (1 - cdf)) / draws) + 1e-12);
    }
  });
});
