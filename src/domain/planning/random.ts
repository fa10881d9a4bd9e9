/**
 * Seeded random variates for the planning simulation, from stdlib-js (well-tested, documented
 * algorithms) rather than hand-written samplers: one Mersenne Twister (MT19937) drives every
 * variate, so one seed gives one result on every machine and JavaScript engine.
 *
 * - uniform: MT19937's 53-bit `normalized` output in [0, 1).
 * - binomial: stdlib's inversion for n·p < 10 and BTPE (Kachitvichyanukul & Schmeiser) above.
 * - beta: X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b) from stdlib's Marsaglia–Tsang gamma. stdlib's own
 *   beta sampler is exact too, but for the skewed Betas of funnel rates (a ≪ b) its normal-proposal
 *   rejection step accepts rarely; the gamma route measured about twice as fast here.
 * - normal: stdlib's improved ziggurat.
 */
import gamma from '@stdlib/random-base-gamma';
import binomial from '@stdlib/random-base-binomial';
import mt19937 from '@stdlib/random-base-mt19937';
import normal from '@stdlib/random-base-normal';

export interface Random {
  /** Uniform on [0, 1). */
  readonly uniform: () => number;
  /** Beta(a, b), a, b > 0. */
  readonly beta: (a: number, b: number) => number;
  /** Binomial(n, p): successes of n trials; n a non-negative integer, p in [0, 1]. */
  readonly binomial: (n: number, p: number) => number;
  /** Normal(mean, sd). */
  readonly normal: (mean: number, sd: number) => number;
}

/**
 * A generator seeded with any integer in [0, 2^32). The seed goes through MT19937's init_by_array
 * with a fixed second word, which (unlike the scalar seed) also accepts 0.
 */
export function seededRandom(seed: number): Random {
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) throw new Error(`Seed ${seed} is not an integer in [0, 2^32)`);
  const generator = mt19937.factory({ seed: Uint32Array.of(seed, 0x9e3779b9) });
  // `normalized` is documented in stdlib's README (mt19937.normalized()) but missing from its typings.
  const uniform = (generator as unknown as { normalized: () => number }).normalized;
  const gammaOf = gamma.factory({ prng: uniform });
  const binomialOf = binomial.factory({ prng: uniform });
  const normalOf = normal.factory({ prng: uniform });
  return {
    uniform,
    beta: (a, b) => {
      const x = gammaOf(a, 1);
      const y = gammaOf(b, 1);
      return x / (x + y);
    },
    binomial: (n, p) => (n <= 0 || p <= 0 ? 0 : p >= 1 ? n : binomialOf(n, p)),
    normal: (mean, sd) => (sd > 0 ? normalOf(mean, sd) : mean),
  };
}
