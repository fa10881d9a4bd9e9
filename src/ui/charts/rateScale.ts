/**
 * The rate that fills a bar track: the highest rate or interval end, rounded up to 5 percentage
 * points (at most 100 %), so bars side by side compare on one scale and whiskers fit.
 */
export function rateScaleEnd(rates: Iterable<number | null>): number {
  let highest = 0;
  for (const rate of rates) if (rate !== null && rate > highest) highest = rate;
  return Math.min(1, Math.max(0.05, Math.ceil(highest / 0.05 - 1e-9) * 0.05));
}
