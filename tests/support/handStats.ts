/**
 * The statistics the app shows, written again from their textbook definitions for the tests, with
 * none of the app's code: if src/domain/stats.ts or the SQL quantiles drift, the e2e figures stop
 * matching these.
 */

/** z for a two-sided 95 % interval: the 0.975 quantile of the standard normal. */
const Z95 = 1.959963984540054;

/**
 * Wilson score interval for k successes in n trials:
 * (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n), with p = k/n.
 */
export function wilson95(k: number, n: number): { low: number; high: number } {
  const p = k / n;
  const z2 = Z95 * Z95;
  const centre = p + z2 / (2 * n);
  const spread = Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const scale = 1 + z2 / n;
  return { low: (centre - spread) / scale, high: (centre + spread) / scale };
}

/**
 * The q-quantile by linear interpolation between order statistics (DuckDB's quantile_cont, R's
 * type 7): position (n − 1)·q in the sorted values. The median is q = 0.5.
 */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) throw new Error('quantile of no values');
  const position = (sorted.length - 1) * q;
  const below = sorted[Math.floor(position)]!;
  const above = sorted[Math.ceil(position)]!;
  return below + (position - Math.floor(position)) * (above - below);
}

/** Whole days from one ISO date (yyyy-mm-dd) to another, as calendar days in UTC. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}
