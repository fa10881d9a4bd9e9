/**
 * Empirical-Bayes shrinkage of unit rates toward their medium's rate (beta-binomial model).
 *
 * Model: unit u's true rate p_u ~ Beta(a, b) around the medium rate μ = a/(a + b); its successes
 * s_u ~ Binomial(n_u, p_u). The prior's strength M = a + b is estimated from how far the observed
 * unit rates spread around μ beyond what binomial noise alone explains (method of moments); each
 * unit's posterior mean is then (s_u + a)/(n_u + M): a unit with few trials moves most of the way
 * to μ, a unit with many trials barely moves.
 */

export interface Counts {
  readonly successes: number;
  readonly trials: number;
}

export interface BetaPrior {
  /** Prior mean μ (the pooled rate). */
  readonly mean: number;
  /** M = a + b, in pseudo-trials. */
  readonly strength: number;
}

export interface ShrinkageOptions {
  /** Strength used when the spread cannot be estimated (fewer than 2 groups with trials). Default 20. */
  readonly fallbackStrength?: number;
  /** Upper bound on M: groups that look identical are still not forced to one rate. Default 1000. */
  readonly maxStrength?: number;
  /** Lower bound on M (M = 0 would mean "no pooling at all"). Default 1. */
  readonly minStrength?: number;
}

/**
 * Method-of-moments estimate of the Beta prior from groups' counts.
 *
 * With weights w_u = n_u/N and μ̂ = Σ w_u p̂_u, under the model Var(p̂_u) = μ(1 − μ)(ρ + (1 − ρ)/n_u),
 * ρ = 1/(M + 1), so E[S] = μ(1 − μ)(ρ(A − B) + B) for S = Σ w_u (p̂_u − μ̂)², A = Σ (w_u − w_u²),
 * B = Σ (w_u − w_u²)/n_u. Solving for ρ gives ρ̂ = (S/(μ(1 − μ)) − B)/(A − B), and M = 1/ρ̂ − 1,
 * clamped to [minStrength, maxStrength] (ρ̂ ≤ 0, i.e. no spread beyond noise, gives maxStrength).
 * μ̂ of 0 or 1 leaves nothing to shrink (every group has the same rate): strength is then moot.
 */
export function estimateBetaPrior(groups: readonly Counts[], options: ShrinkageOptions = {}): BetaPrior | null {
  const fallback = options.fallbackStrength ?? 20;
  const maxStrength = options.maxStrength ?? 1000;
  const minStrength = options.minStrength ?? 1;
  const withTrials = groups.filter((g) => g.trials > 0);
  const total = withTrials.reduce((sum, g) => sum + g.trials, 0);
  if (total === 0) return null;
  const mean = withTrials.reduce((sum, g) => sum + g.successes, 0) / total;
  if (withTrials.length < 2 || mean <= 0 || mean >= 1) return { mean, strength: fallback };
  let s = 0;
  let a = 0;
  let b = 0;
  for (const g of withTrials) {
    const w = g.trials / total;
    const p = g.successes / g.trials;
    s += w * (p - mean) ** 2;
    a += w - w * w;
    b += (w - w * w) / g.trials;
  }
  if (!(a - b > 0)) return { mean, strength: fallback };
  const rho = (s / (mean * (1 - mean)) - b) / (a - b);
  const strength = rho <= 0 ? maxStrength : 1 / rho - 1;
  return { mean, strength: Math.min(maxStrength, Math.max(minStrength, strength)) };
}

export interface ShrunkRate {
  /** Posterior mean (s + a)/(n + M). */
  readonly rate: number;
  /** Effective counts (s + a, n + M): the posterior Beta(s + a, n − s + b) the simulation draws from. */
  readonly evidence: Counts;
  /** M/(n + M): how much of the rate comes from the prior (0 = all the group's own data). */
  readonly priorWeight: number;
}

export function shrink(counts: Counts, prior: BetaPrior): ShrunkRate {
  const a = prior.mean * prior.strength;
  const successes = counts.successes + a;
  const trials = counts.trials + prior.strength;
  return {
    rate: trials > 0 ? successes / trials : prior.mean,
    evidence: { successes, trials },
    priorWeight: trials > 0 ? prior.strength / trials : 1,
  };
}
