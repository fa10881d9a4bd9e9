/**
 * Seeded random variates for the planning simulation. One Mersenne Twister (MT19937, stdlib-js)
 * drives every variate, so one seed gives one result on every machine and JavaScript engine. The
 * generator and the normal come from stdlib-js (well-tested, documented); the binomial and the gamma
 * are textbook algorithms written here, for the measured reasons below.
 *
 * - uniform: one 32-bit MT19937 output, (k + 0.5)/2^32, in (0, 1): 2^-32 is far finer than any
 *   probability the simulation draws against, and it costs half of stdlib's 53-bit `normalized`.
 * - binomial: binomial.ts (inversion and BTRS) on the same uniform source; stdlib's binomial is not
 *   used because its 0.2.2 BTPE branch was measured biased (see binomial.ts).
 * - beta: X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b), the gammas by Marsaglia & Tsang (2000, "A simple
 *   method for generating gamma variables", ACM TOMS 26) on stdlib's normal and uniform. stdlib's beta
 *   and gamma samplers are exact too but measured 2–3 times slower per call here (argument checks and
 *   a rejection step that rarely accepts for the skewed Betas of funnel rates, a ≪ b); the beta is
 *   the hot path of the simulation, and Marsaglia–Tsang is a dozen lines.
 * - normal: stdlib's improved ziggurat.
 * - index(n): a uniform integer in [0, n) from one 32-bit MT19937 output (n ≪ 2^32, so the bias of
 *   ⌊u32·n/2^32⌋ is below n/2^32, far under sampling error), for resampling deal sizes.
 */
import mt19937 from '@stdlib/random-base-mt19937';
import normal from '@stdlib/random-base-normal';
import { binomialVariate } from './binomial';

export interface Random {
  /** Uniform on (0, 1). */
  readonly uniform: () => number;
  /** Gamma(shape, scale 1), shape > 0. */
  readonly gamma: (shape: number) => number;
  /** Beta(a, b), a, b > 0. */
  readonly beta: (a: number, b: number) => number;
  /** Binomial(n, p): successes of n trials; n a non-negative integer, p in [0, 1]. */
  readonly binomial: (n: number, p: number) => number;
  /** Normal(mean, sd). */
  readonly normal: (mean: number, sd: number) => number;
  /** Uniform integer in [0, n). */
  readonly index: (n: number) => number;
}

/** Gamma(shape, 1) by Marsaglia–Tsang; shape < 1 through Gamma(shape + 1)·U^(1/shape). */
function gammaVariate(uniform: () => number, standardNormal: () => number, shape: number): number {
  if (shape < 1) return gammaVariate(uniform, standardNormal, shape + 1) * Math.pow(uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = standardNormal();
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = uniform();
    const x2 = x * x;
    // Squeeze first (accepts ~98 %), then the exact log test.
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A generator seeded with any integer in [0, 2^32). The seed goes through MT19937's init_by_array
 * with a fixed second word, which (unlike the scalar seed) also accepts 0.
 */
export function seededRandom(seed: number): Random {
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) throw new Error(`Seed ${seed} is not an integer in [0, 2^32)`);
  const generator = mt19937.factory({ seed: Uint32Array.of(seed, 0x9e3779b9) });
  // One 32-bit output per uniform, centred in its cell so it lies in (0, 1): log(u) stays finite.
  // stdlib's 53-bit `normalized` costs two outputs; the generator was a quarter of the simulation's time.
  const uniform = () => (generator() + 0.5) * 2.3283064365386963e-10;
  const normalOf = normal.factory({ prng: uniform });
  // Parameters bound once: the hot path skips stdlib's per-call argument checks.
  const standardNormal = normal.factory(0, 1, { prng: uniform });
  return {
    uniform,
    gamma: (shape) => gammaVariate(uniform, standardNormal, shape),
    beta: (a, b) => {
      const x = gammaVariate(uniform, standardNormal, a);
      const y = gammaVariate(uniform, standardNormal, b);
      return x / (x + y);
    },
    binomial: (n, p) => binomialVariate(uniform, n, p),
    normal: (mean, sd) => (sd > 0 ? normalOf(mean, sd) : mean),
    index: (n) => Math.floor((generator() * n) / 4294967296),
  };
}
