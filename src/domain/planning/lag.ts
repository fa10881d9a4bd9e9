/**
 * Lead→won lag in days (a histogram) → probability that the revenue lands k months after the lead's
 * month, k = 0, 1, …
 *
 * A lead arises at a uniformly random point u ∈ [0, 1) of its month; months are taken as
 * DAYS_PER_MONTH long. A lag of d days, x = d / DAYS_PER_MONTH, then lands at month offset
 * ⌊u + x⌋, which is ⌊x⌋ with probability 1 − frac(x) and ⌊x⌋ + 1 with probability frac(x). So
 * 0 days stays in the month, 30 days is mostly next month, and the split is exact under the
 * uniform-arrival assumption rather than a rounding of the median.
 */
import type { HistogramBin } from '../funnel';

/** Mean Gregorian month: 365.25 / 12. */
export const DAYS_PER_MONTH = 30.4375;

/**
 * Probabilities per month offset 0..K (sum 1); offsets beyond maxOffset are folded into the last
 * one. No lag data (or only zero counts): everything in month 0, flagged by the caller.
 */
export function lagMonthProbabilities(bins: readonly HistogramBin[], maxOffset = 36): number[] {
  const total = bins.reduce((sum, b) => sum + (b.count > 0 ? b.count : 0), 0);
  if (total === 0) return [1];
  const probabilities = new Array<number>(maxOffset + 1).fill(0);
  for (const bin of bins) {
    if (!(bin.count > 0)) continue;
    const x = Math.max(0, bin.value) / DAYS_PER_MONTH;
    const whole = Math.floor(x);
    const frac = x - whole;
    const weight = bin.count / total;
    probabilities[Math.min(whole, maxOffset)]! += weight * (1 - frac);
    if (frac > 0) probabilities[Math.min(whole + 1, maxOffset)]! += weight * frac;
  }
  let last = probabilities.length - 1;
  while (last > 0 && probabilities[last] === 0) last--;
  return probabilities.slice(0, last + 1);
}

/** Bins of several histograms added up (same day values merge). */
export function mergeHistograms(histograms: readonly (readonly HistogramBin[])[]): HistogramBin[] {
  const byValue = new Map<number, number>();
  for (const bins of histograms) for (const b of bins) byValue.set(b.value, (byValue.get(b.value) ?? 0) + b.count);
  return [...byValue].sort((a, b) => a[0] - b[0]).map(([value, count]) => ({ value, count }));
}
