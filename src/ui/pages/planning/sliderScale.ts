/**
 * Range and step of the Planning page's sliders, from the data's default: room to try three times
 * the default (a typed-in value beyond stretches the slider), in steps of 1, 2 or 5 × 10^k so a
 * slider has a few hundred positions and moves by round numbers. Pure.
 */
export interface SliderScale {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** The round step (1, 2 or 5 × 10^k, at least `smallest`) nearest above range / positions. */
export function niceStep(range: number, positions = 300, smallest = 1): number {
  if (!(range > 0)) return smallest;
  const raw = range / positions;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return Math.max(smallest, step);
}

/** An amount or a count: 0 … max(3 × default, value, floor). */
export function amountScale(defaultValue: number | null, value: number | null, floor: number, smallest = 1): SliderScale {
  const max = Math.max(3 * (defaultValue ?? 0), value ?? 0, floor);
  const step = niceStep(max, 300, smallest);
  return { min: 0, max: Math.ceil(max / step) * step, step };
}

/** A rate in percent: 0 … 100 in tenths. */
export const RATE_SCALE: SliderScale = { min: 0, max: 100, step: 0.1 };

/** Whole months the lag may move: half a year earlier to a year later. */
export const LAG_SHIFT_SCALE: SliderScale = { min: -6, max: 12, step: 1 };
