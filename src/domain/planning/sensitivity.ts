/**
 * Tornado chart data: which input moves expected revenue most. Each input group is set δ below and
 * above its plan value (default ±10 %), all else fixed, and the expected revenue recomputed; bars
 * are sorted by swing (high − low), largest first.
 *
 * Because expected revenue is Σ L·Π r·D, every step rate and the deal size scale revenue by the
 * same factor (1 ± δ), so they tie; a medium's volume moves only that medium's share of revenue.
 * Rates are capped at 1 (a rate cannot exceed 100 %), which can make a bar asymmetric.
 */
import type { Plan, PlanSegment } from './plan';

export type SensitivityInput =
  | { readonly kind: 'volume'; readonly medium: string }
  | { readonly kind: 'rate'; readonly step: number; readonly from: string; readonly to: string }
  | { readonly kind: 'dealSize' };

export interface SensitivityBar {
  readonly input: SensitivityInput;
  /** Expected revenue with the input at (1 − δ) × its value. */
  readonly low: number;
  /** Expected revenue with the input at (1 + δ) × its value. */
  readonly high: number;
  /** high − low. */
  readonly swing: number;
}

export interface Sensitivity {
  readonly base: number;
  readonly delta: number;
  readonly bars: readonly SensitivityBar[];
}

export interface SensitivityOptions {
  readonly delta?: number;
  /** Only this unit's segments (default: all). */
  readonly unit?: string;
}

interface Tweak {
  readonly medium?: string;
  readonly volume: number;
  readonly step: number;
  readonly rate: number;
  readonly dealSize: number;
}

function expectedRevenue(segments: readonly PlanSegment[], tweak: Tweak | null): number {
  let total = 0;
  for (const s of segments) {
    let leads = 0;
    for (const n of s.leads) leads += n;
    if (tweak && tweak.medium === s.medium) leads *= tweak.volume;
    let p = 1;
    for (let i = 0; i < s.rates.length; i++) {
      const r = s.rates[i]!;
      p *= tweak && tweak.step === i ? Math.min(1, r * tweak.rate) : r;
    }
    total += leads * p * s.dealSize * (tweak ? tweak.dealSize : 1);
  }
  return total;
}

export function sensitivity(plan: Plan, options: SensitivityOptions = {}): Sensitivity {
  const delta = options.delta ?? 0.1;
  const segments = plan.segments.filter((s) => options.unit === undefined || s.unit === options.unit);
  const neutral: Tweak = { volume: 1, step: -1, rate: 1, dealSize: 1 };
  const inputs: { input: SensitivityInput; at: (factor: number) => Tweak }[] = [
    ...[...new Set(segments.map((s) => s.medium))].map((medium) => ({
      input: { kind: 'volume', medium } as const,
      at: (factor: number): Tweak => ({ ...neutral, medium, volume: factor }),
    })),
    ...plan.stages.slice(0, -1).map((from, step) => ({
      input: { kind: 'rate', step, from, to: plan.stages[step + 1]! } as const,
      at: (factor: number): Tweak => ({ ...neutral, step, rate: factor }),
    })),
    { input: { kind: 'dealSize' } as const, at: (factor: number): Tweak => ({ ...neutral, dealSize: factor }) },
  ];
  const bars = inputs.map(({ input, at }) => {
    const low = expectedRevenue(segments, at(1 - delta));
    const high = expectedRevenue(segments, at(1 + delta));
    return { input, low, high, swing: high - low };
  });
  // Stable sort; swings equal up to rounding (every rate and the deal size scale revenue alike) count
  // as ties and keep the order volumes, rates, deal size.
  bars.sort((a, b) => {
    const difference = Math.abs(b.swing) - Math.abs(a.swing);
    return Math.abs(difference) <= 1e-9 * Math.max(Math.abs(a.swing), Math.abs(b.swing)) ? 0 : difference;
  });
  return { base: expectedRevenue(segments, null), delta, bars };
}
