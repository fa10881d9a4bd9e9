/**
 * Binomial variates. Hand-written on purpose: @stdlib/random-base-binomial 0.2.2 (the latest on npm
 * when this was written) was measured biased in its BTPE branch (n·p ≥ 10): 200,000 draws of
 * Binomial(960, 0.015) averaged 14.91 instead of 14.40, Binomial(100, 0.2) 20.47 with variance 14.8
 * instead of 16 — far outside sampling error, and exactly the range planning uses.
 *
 * Two textbook algorithms, as numpy, TensorFlow, JAX and PyTorch use them:
 * - n·p < 10: inversion (BINV, Kachitvichyanukul & Schmeiser 1988): walk the CDF from 0 with the
 *   recurrence f(x) = f(x − 1)·(n − x + 1)p/(x·q); expected cost ≈ n·p steps.
 * - n·p ≥ 10: BTRS, transformed rejection with squeeze (Hörmann 1993, "The generation of binomial
 *   random variates", J. Stat. Comput. Simul. 46): about 1.15 pairs of uniforms per variate, a log
 *   only when the squeeze fails.
 * p > 0.5 is drawn as n − Binomial(n, 1 − p).
 */

/** Stirling series tail log(k!) − [(k + ½)log(k + 1) − (k + 1) + ½log(2π)], tabulated for small k. */
const STIRLING_TAIL = [
  0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211, 0.0138761288230707, 0.0118967099458917,
  0.010411265261972, 0.00925546218271273, 0.00833056343336287,
];

function stirlingTail(k: number): number {
  if (k <= 9) return STIRLING_TAIL[k]!;
  const kp1sq = (k + 1) * (k + 1);
  return (1 / 12 - (1 / 360 - 1 / 1260 / kp1sq) / kp1sq) / (k + 1);
}

function inversion(uniform: () => number, n: number, p: number): number {
  const q = 1 - p;
  const qn = Math.exp(n * Math.log1p(-p));
  const np = n * p;
  // Restart far in the tail where rounding in the recurrence could otherwise loop (numpy's guard).
  const bound = Math.min(n, np + 10 * Math.sqrt(np * q + 1));
  for (;;) {
    let x = 0;
    let px = qn;
    let u = uniform();
    while (u > px) {
      x++;
      if (x > bound) break;
      u -= px;
      px = ((n - x + 1) * p * px) / (x * q);
    }
    if (x <= bound) return x;
  }
}

function btrs(uniform: () => number, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const r = p / q;
  const alpha = (2.83 + 5.1 / b) * spq;
  // The mode's terms are needed only when the squeeze fails (~15 % of tries): computed then, once.
  let m = -1;
  let lpq = 0;
  let h = 0;
  for (;;) {
    const u = uniform() - 0.5;
    let v = uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    if (m < 0) {
      m = Math.floor((n + 1) * p);
      lpq = Math.log(r);
      h = stirlingTail(m) + stirlingTail(n - m);
    }
    const bound =
      h -
      stirlingTail(k) -
      stirlingTail(n - k) +
      (m + 0.5) * Math.log((m + 1) / (n - m + 1)) +
      (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * Math.log((n - k + 1) / (k + 1)) +
      (k - m) * lpq;
    if (v <= bound) return k;
  }
}

/** Binomial(n, p) from a uniform [0, 1) source; n a non-negative integer. */
export function binomialVariate(uniform: () => number, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomialVariate(uniform, n, 1 - p);
  return n * p < 10 ? inversion(uniform, n, p) : btrs(uniform, n, p);
}
