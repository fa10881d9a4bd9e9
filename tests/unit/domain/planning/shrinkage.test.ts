import { describe, expect, it } from 'vitest';
import { estimateBetaPrior, shrink } from '../../../../src/domain/planning/shrinkage';

describe('shrink', () => {
  // Fixed prior: mean 0.1, strength 20 → a = 2, b = 18.
  const prior = { mean: 0.1, strength: 20 };

  it('gives the posterior mean (s + a)/(n + a + b)', () => {
    expect(shrink({ successes: 1, trials: 5 }, prior)).toEqual({
      rate: expect.closeTo(3 / 25, 12),
      evidence: { successes: expect.closeTo(3, 12), trials: 25 },
      priorWeight: expect.closeTo(20 / 25, 12),
    });
    expect(shrink({ successes: 300, trials: 1000 }, prior).rate).toBeCloseTo(302 / 1020, 12);
  });

  it('moves a segment with few leads most of the way to the medium rate and one with many barely', () => {
    const few = shrink({ successes: 1, trials: 5 }, prior).rate; // raw 0.2
    const many = shrink({ successes: 200, trials: 1000 }, prior).rate; // raw 0.2
    expect((0.2 - few) / (0.2 - 0.1)).toBeCloseTo(0.8, 9); // 80 % of the way
    expect((0.2 - many) / (0.2 - 0.1)).toBeCloseTo(20 / 1020, 9); // 2 %
  });

  it('falls back to the prior mean without trials', () => {
    expect(shrink({ successes: 0, trials: 0 }, prior).rate).toBeCloseTo(0.1, 12);
  });
});

describe('estimateBetaPrior', () => {
  it('solves the method-of-moments equation (hand-computed)', () => {
    // μ = 40/200 = 0.2; w = ½, ½; S = ½·0.1² + ½·0.1² = 0.01; A = 0.5; B = 2·0.25/100 = 0.005;
    // ρ = (0.01/0.16 − 0.005)/(0.5 − 0.005) = 0.0575/0.495; M = 1/ρ − 1.
    const prior = estimateBetaPrior([
      { successes: 10, trials: 100 },
      { successes: 30, trials: 100 },
    ]);
    expect(prior?.mean).toBeCloseTo(0.2, 12);
    expect(prior?.strength).toBeCloseTo(0.495 / 0.0575 - 1, 9);
  });

  it('caps the strength when groups spread no more than binomial noise', () => {
    expect(estimateBetaPrior([{ successes: 10, trials: 100 }, { successes: 10, trials: 100 }], { maxStrength: 500 })?.strength).toBe(500);
  });

  it('uses the fallback strength with a single group, and has no prior without trials', () => {
    expect(estimateBetaPrior([{ successes: 3, trials: 10 }], { fallbackStrength: 7 })).toEqual({ mean: 0.3, strength: 7 });
    expect(estimateBetaPrior([{ successes: 0, trials: 0 }])).toBeNull();
  });
});
