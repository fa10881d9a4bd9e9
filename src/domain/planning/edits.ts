/**
 * What a planner changed on top of the defaults the data gives (defaults.ts): the what-if state of
 * the Planning page, and what a saved scenario and a scenario link carry. Edits, not whole plans,
 * because a link must stay short and a scenario must follow the data it was made on: opened again,
 * the defaults are measured afresh and the same edits applied, so the same data gives the same figures
 * (the fingerprint tells when it is not the same data).
 */
import { NO_UNIT, type Plan, type PlanSegment } from './plan';

/** Changes to one medium in one sales unit; an absent field keeps the default. */
export interface SegmentEdit {
  /** Per forward step; null (or a missing entry) keeps that step's default rate. */
  readonly rates?: readonly (number | null)[];
  readonly dealSize?: number;
  /** Planned leads over the plan months; the default's month-by-month shape is kept (scaled). */
  readonly leadsTotal?: number;
  readonly costPerLead?: number;
  /** Whole months the lag distribution is moved later (positive) or earlier (negative, never before month 0). */
  readonly lagShiftMonths?: number;
}

export interface PlanEdits {
  /** segmentKey(medium, unit) → edit. */
  readonly segments: Readonly<Record<string, SegmentEdit>>;
  /** unit → revenue target over the plan months (typed in where the data has none, or changed). */
  readonly targets: Readonly<Record<string, number>>;
  /** medium → cap on extra leads the cheapest mix may add. */
  readonly extraLeadCaps: Readonly<Record<string, number>>;
  readonly margin?: number;
}

export const NO_EDITS: PlanEdits = { segments: {}, targets: {}, extraLeadCaps: {} };

/** The key of a segment in PlanEdits.segments (a unit-less segment has NO_UNIT as its unit). */
export function segmentKey(medium: string, unit: string): string {
  return JSON.stringify([medium, unit || NO_UNIT]);
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const nonNegative = (x: number) => Math.max(0, x);

/** Moves a lag distribution by whole months, piling what would fall before month 0 onto month 0. */
export function shiftLag(lag: readonly number[], months: number): number[] {
  const k = Math.trunc(months);
  if (k === 0) return [...lag];
  const shifted = new Array<number>(Math.max(1, lag.length + Math.max(0, k))).fill(0);
  lag.forEach((p, i) => {
    const to = Math.max(0, i + k);
    shifted[to] = (shifted[to] ?? 0) + p;
  });
  return shifted;
}

function editSegment(segment: PlanSegment, edit: SegmentEdit | undefined): PlanSegment {
  if (!edit) return segment;
  const rates = segment.rates.map((rate, i) => {
    const edited = edit.rates?.[i];
    return edited === null || edited === undefined || !Number.isFinite(edited) ? rate : clamp01(edited);
  });
  let leads = segment.leads;
  if (edit.leadsTotal !== undefined && Number.isFinite(edit.leadsTotal)) {
    const total = nonNegative(edit.leadsTotal);
    const current = segment.leads.reduce((a, b) => a + b, 0);
    // A segment planned at zero has no shape to keep: the total is spread evenly.
    leads = current > 0 ? segment.leads.map((n) => (n * total) / current) : segment.leads.map(() => total / segment.leads.length);
  }
  return {
    ...segment,
    rates,
    leads,
    dealSize: edit.dealSize !== undefined && Number.isFinite(edit.dealSize) ? nonNegative(edit.dealSize) : segment.dealSize,
    costPerLead: edit.costPerLead !== undefined && Number.isFinite(edit.costPerLead) ? nonNegative(edit.costPerLead) : segment.costPerLead,
    lag: edit.lagShiftMonths ? shiftLag(segment.lag, edit.lagShiftMonths) : segment.lag,
  };
}

/** The plan the page shows and computes: the defaults with the planner's edits applied. Edits for segments the data no longer has are ignored. */
export function applyEdits(defaults: Plan, edits: PlanEdits): Plan {
  const targets: Record<string, number> = { ...defaults.targets };
  for (const [unit, value] of Object.entries(edits.targets)) if (Number.isFinite(value)) targets[unit] = nonNegative(value);
  const extraLeadCaps: Record<string, number> = { ...defaults.extraLeadCaps };
  for (const [medium, value] of Object.entries(edits.extraLeadCaps)) if (Number.isFinite(value)) extraLeadCaps[medium] = nonNegative(value);
  return {
    ...defaults,
    segments: defaults.segments.map((s) => editSegment(s, edits.segments[segmentKey(s.medium, s.unit)])),
    targets,
    extraLeadCaps,
    margin: edits.margin !== undefined && Number.isFinite(edits.margin) ? edits.margin : defaults.margin,
  };
}

/** Edits keys that match no segment of the plan (a scenario made on other data): the page names them. */
export function unmatchedEdits(defaults: Plan, edits: PlanEdits): string[] {
  const keys = new Set(defaults.segments.map((s) => segmentKey(s.medium, s.unit)));
  return Object.keys(edits.segments).filter((key) => !keys.has(key));
}
