/**
 * Scenarios of the Planning page (issue 15 item 6, DESIGN.md "Planning": named, saved, compared
 * side by side, and in a shareable link). A scenario is the planner's edits (edits.ts) plus the
 * options the defaults were made with, never a whole plan: opened again, the defaults are measured
 * afresh from the loaded data and the edits applied, so the same data gives the same figures. The
 * fingerprint of the data it was made on tells when the data is not the same.
 */
import { planDefaults, type PlanDefaults, type PlannedLeadsSource } from './defaults';
import type { PlanEdits, SegmentEdit } from './edits';
import type { PlanningHistory } from './history';
import { reverseFunnel } from './reverseFunnel';
import type { Plan } from './plan';

/** The options of planDefaults a scenario depends on. */
export interface ScenarioOptions {
  readonly byUnit: boolean;
  readonly plannedLeadsFrom: 'auto' | PlannedLeadsSource;
  /** Plan year; null: the running year of the data (asOf's). */
  readonly year: number | null;
}

/** The Planning page's own start: rates per medium, planned leads from the best source, the data's running year. */
/** The defaults the data gives under a scenario's options; null where it gives no plan year (no dates, no targets). */
export function scenarioDefaults(history: PlanningHistory, options: ScenarioOptions): PlanDefaults | null {
  try {
    return planDefaults(history, { byUnit: options.byUnit, plannedLeadsFrom: options.plannedLeadsFrom, ...(options.year !== null ? { year: options.year } : {}) });
  } catch {
    return null;
  }
}

export const DEFAULT_SCENARIO_OPTIONS: ScenarioOptions = { byUnit: false, plannedLeadsFrom: 'auto', year: null };

export interface Scenario {
  readonly id: string;
  readonly name: string;
  /** ISO timestamp. */
  readonly createdAt: string;
  readonly edits: PlanEdits;
  readonly options: ScenarioOptions;
  /** historyFingerprint of the data the scenario was made on. */
  readonly dataFingerprint: string;
}

// ---------------------------------------------------------------------------------------------
// Fingerprint

/** JSON with every object's keys sorted, so equal data gives equal text whatever order it was built in. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : stableJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

/**
 * FNV-1a, 64-bit, over the UTF-8 bytes of `text`, kept to its low 53 bits (a safe JavaScript integer).
 * The 64-bit product is done in two 32-bit halves: prime = 2^40 + 0x1b3, so
 * h·prime = h·0x1b3 + (h << 40), and h << 40 only touches the high half (lo << 8).
 */
export function fnv1a53(text: string): number {
  const bytes = new TextEncoder().encode(text);
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (const byte of bytes) {
    lo = (lo ^ byte) >>> 0;
    const t = lo * 0x1b3; // < 2^41: exact in a double
    const carry = Math.floor(t / 0x1_0000_0000);
    const newLo = t >>> 0;
    hi = (Math.imul(hi, 0x1b3) + carry + ((lo << 8) >>> 0)) >>> 0;
    lo = newLo;
  }
  return (hi & 0x1f_ffff) * 0x1_0000_0000 + lo;
}

/** A short stable hash of the data the Planning page rests on (its PlanningHistory), in base 36. */
export function historyFingerprint(history: PlanningHistory): string {
  return fnv1a53(stableJson(history)).toString(36);
}

// ---------------------------------------------------------------------------------------------
// Link

/** Version of the scenario link; a link of another version is refused with a clear reason. */
export const SCENARIO_LINK_VERSION = 1;

/** What a link carries: a scenario without id and date (those belong to a browser's saved list). */
export interface LinkScenario {
  readonly name: string | null;
  readonly edits: PlanEdits;
  readonly options: ScenarioOptions;
  readonly dataFingerprint: string;
}

export type ScenarioDecodeError = 'encoding' | 'json' | 'version' | 'shape';

export type DecodedScenario = { readonly ok: true; readonly scenario: LinkScenario } | { readonly ok: false; readonly error: ScenarioDecodeError; readonly detail: string };

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** A scenario as a compact URL-safe string: versioned JSON, base64url without padding. */
export function encodeScenario(scenario: LinkScenario): string {
  const payload: Record<string, unknown> = { v: SCENARIO_LINK_VERSION, e: scenario.edits, o: scenario.options, f: scenario.dataFingerprint };
  if (scenario.name) payload.n = scenario.name;
  return toBase64Url(stableJson(payload));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function numberRecord(value: unknown, path: string): Record<string, number> {
  if (!isRecord(value)) throw new Error(`${path} is not an object`);
  for (const [key, v] of Object.entries(value)) if (!isFiniteNumber(v)) throw new Error(`${path}.${key} is not a number`);
  return value as Record<string, number>;
}

const SEGMENT_EDIT_NUMBERS = ['dealSize', 'leadsTotal', 'costPerLead', 'lagShiftMonths'] as const;

function segmentEdit(value: unknown, path: string): SegmentEdit {
  if (!isRecord(value)) throw new Error(`${path} is not an object`);
  const edit: { -readonly [K in keyof SegmentEdit]: SegmentEdit[K] } = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'rates') {
      if (!Array.isArray(v) || !v.every((r) => r === null || isFiniteNumber(r))) throw new Error(`${path}.rates is not a list of numbers`);
      edit.rates = v as (number | null)[];
    } else if ((SEGMENT_EDIT_NUMBERS as readonly string[]).includes(key)) {
      if (!isFiniteNumber(v)) throw new Error(`${path}.${key} is not a number`);
      edit[key as (typeof SEGMENT_EDIT_NUMBERS)[number]] = v;
    } else throw new Error(`${path}.${key} is not a known edit`);
  }
  return edit;
}

/** PlanEdits read from untrusted JSON; throws an Error naming the first thing wrong. */
export function validEdits(value: unknown, path = 'edits'): PlanEdits {
  if (!isRecord(value)) throw new Error(`${path} is not an object`);
  if (!isRecord(value.segments)) throw new Error(`${path}.segments is not an object`);
  const segments: Record<string, SegmentEdit> = {};
  for (const [key, edit] of Object.entries(value.segments)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(key);
    } catch {
      parsed = null;
    }
    if (!Array.isArray(parsed) || parsed.length !== 2 || !parsed.every((p) => typeof p === 'string')) throw new Error(`${path}.segments has a key that is not a segment`);
    segments[key] = segmentEdit(edit, `${path}.segments[${key}]`);
  }
  const margin = value.margin;
  if (margin !== undefined && !isFiniteNumber(margin)) throw new Error(`${path}.margin is not a number`);
  return {
    segments,
    targets: numberRecord(value.targets ?? {}, `${path}.targets`),
    extraLeadCaps: numberRecord(value.extraLeadCaps ?? {}, `${path}.extraLeadCaps`),
    ...(margin !== undefined ? { margin } : {}),
  };
}

const PLANNED_LEADS_FROM: readonly ScenarioOptions['plannedLeadsFrom'][] = ['auto', 'targets', 'campaigns', 'lastYear'];

/** ScenarioOptions read from untrusted JSON; throws an Error naming the first thing wrong. */
export function validOptions(value: unknown, path = 'options'): ScenarioOptions {
  if (!isRecord(value)) throw new Error(`${path} is not an object`);
  const { byUnit, plannedLeadsFrom, year } = value;
  if (typeof byUnit !== 'boolean') throw new Error(`${path}.byUnit is not true or false`);
  if (!PLANNED_LEADS_FROM.includes(plannedLeadsFrom as ScenarioOptions['plannedLeadsFrom'])) throw new Error(`${path}.plannedLeadsFrom is not a known source`);
  if (year !== null && !(Number.isInteger(year) && (year as number) >= 1900 && (year as number) <= 9999)) throw new Error(`${path}.year is not a year`);
  return { byUnit, plannedLeadsFrom: plannedLeadsFrom as ScenarioOptions['plannedLeadsFrom'], year: year as number | null };
}

/** Reads a link's scenario; never throws: garbage gives a reason (`error`) and what was wrong (`detail`). */
export function decodeScenario(text: string): DecodedScenario {
  let json: string;
  try {
    json = fromBase64Url(text.trim());
  } catch {
    return { ok: false, error: 'encoding', detail: 'the text is not base64url of UTF-8' };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, error: 'json', detail: 'the text is not JSON' };
  }
  if (!isRecord(value)) return { ok: false, error: 'shape', detail: 'the scenario is not an object' };
  if (value.v !== SCENARIO_LINK_VERSION) return { ok: false, error: 'version', detail: `version ${JSON.stringify(value.v)}, this app reads ${SCENARIO_LINK_VERSION}` };
  try {
    if (typeof value.f !== 'string' || !value.f) throw new Error('the data fingerprint is missing');
    if (value.n !== undefined && typeof value.n !== 'string') throw new Error('the name is not text');
    return {
      ok: true,
      scenario: { name: (value.n as string | undefined) ?? null, edits: validEdits(value.e), options: validOptions(value.o), dataFingerprint: value.f },
    };
  } catch (error) {
    return { ok: false, error: 'shape', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** A saved scenario read from untrusted JSON (the browser's storage); throws an Error naming what is wrong. */
export function validScenario(value: unknown): Scenario {
  if (!isRecord(value)) throw new Error('the scenario is not an object');
  const { id, name, createdAt, dataFingerprint } = value;
  if (typeof id !== 'string' || !id) throw new Error('the scenario has no id');
  if (typeof name !== 'string') throw new Error('the scenario has no name');
  if (typeof createdAt !== 'string') throw new Error('the scenario has no date');
  if (typeof dataFingerprint !== 'string') throw new Error('the scenario has no data fingerprint');
  return { id, name, createdAt, edits: validEdits(value.edits), options: validOptions(value.options), dataFingerprint };
}

// ---------------------------------------------------------------------------------------------
// Copies and comparison

/** A copy under a new id, name and date; its edits are its own (deep copy). */
export function duplicateScenario(scenario: Scenario, copy: { readonly id: string; readonly name: string; readonly createdAt: string }): Scenario {
  return { ...scenario, ...copy, edits: JSON.parse(JSON.stringify(scenario.edits)) as PlanEdits, options: { ...scenario.options } };
}

export interface ScenarioFigures {
  /** Expected revenue of the plan: Σ leads × lead→won rate × deal size. */
  readonly revenue: number;
  /** Σ leads × cost per lead; null when a segment with planned leads has no cost per lead. */
  readonly cost: number | null;
  /** (revenue × margin − cost)/cost; null when the cost is unknown or 0. */
  readonly roi: number | null;
  /** Probability of reaching the target, from the simulation; null when not (yet) simulated or without target. */
  readonly probability: number | null;
  /** Target − expected revenue (positive: revenue missing); null without target. */
  readonly gap: number | null;
}

/** The figures a comparison shows for a plan (its reverse funnel's total) with the simulation's probability. */
export function scenarioFigures(plan: Plan, probability: number | null): ScenarioFigures {
  const total = reverseFunnel(plan).total;
  return { revenue: total.expectedRevenue, cost: total.cost, roi: total.roi, probability, gap: total.gapRevenue };
}

export const COMPARED_FIGURES = ['revenue', 'cost', 'roi', 'probability', 'gap'] as const;
export type ComparedFigure = (typeof COMPARED_FIGURES)[number];

export interface ScenarioResult {
  readonly id: string;
  readonly name: string;
  readonly figures: ScenarioFigures;
}

export interface ComparisonRow {
  readonly figure: ComparedFigure;
  /** One per scenario, in the order given. */
  readonly values: readonly (number | null)[];
  /** Difference to the first scenario (null where either is unknown; the first's own is 0). */
  readonly deltas: readonly (number | null)[];
  /** Index of the best value (highest revenue, ROI, probability; lowest cost and gap); null when none or a tie of all. */
  readonly best: number | null;
}

export interface Comparison {
  readonly scenarios: readonly { readonly id: string; readonly name: string }[];
  readonly rows: readonly ComparisonRow[];
}

const LOWER_IS_BETTER: ReadonlySet<ComparedFigure> = new Set(['cost', 'gap']);

/** Scenarios side by side: one row per figure, one column per scenario, with the difference to the first. */
export function compareScenarios(results: readonly ScenarioResult[]): Comparison {
  const rows = COMPARED_FIGURES.map((figure): ComparisonRow => {
    const values = results.map((r) => r.figures[figure]);
    const first = values[0] ?? null;
    const deltas = values.map((v) => (v === null || first === null ? null : v - first));
    const known = values.map((v, i) => [v, i] as const).filter((e): e is readonly [number, number] => e[0] !== null);
    let best: number | null = null;
    if (known.length > 0 && !known.every(([v]) => v === known[0]![0])) {
      const sign = LOWER_IS_BETTER.has(figure) ? -1 : 1;
      best = known.reduce((a, b) => (sign * b[0] > sign * a[0] ? b : a))[1];
    }
    return { figure, values, deltas, best };
  });
  return { scenarios: results.map(({ id, name }) => ({ id, name })), rows };
}
