/** Statistics shared by every screen: Wilson intervals, quantiles. Pure functions. */

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/**
 * Wilson score interval for a binomial proportion (default 95 %).
 * Chosen over the normal approximation because funnel rates are often near 0 and counts small.
 */
export function wilsonInterval(successes: number, trials: number, z = 1.959963984540054): Interval | null {
  if (!(trials > 0) || successes < 0 || successes > trials) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** A rate and its interval; null rate when there is no denominator (shown as "–", never NaN). */
export function rate(successes: number, trials: number): { value: number | null; interval: Interval | null } {
  return { value: trials > 0 ? successes / trials : null, interval: wilsonInterval(successes, trials) };
}
