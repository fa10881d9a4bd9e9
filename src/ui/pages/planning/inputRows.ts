/**
 * The rows of the Planning page's inputs panel, from the defaults (with their provenance), the plan
 * (defaults with the edits applied) and the edits: for each row the current value of every input,
 * the data's default beside it, whether it was edited, and what the default rests on. Pure.
 *
 * A row is one medium in one sales unit ("per sales unit" on) or one medium over all units (off),
 * media in the guideline's order (as every page lists them), then the data's own alphabetically.
 * A medium row shows its segments' values weighted by their planned leads; with "per sales unit"
 * off the defaults are the medium's own (planDefaults byUnit false), the same in every unit, and an
 * edit of the row sets every segment alike, so the weighted value is that one value.
 */
import { orderMedia } from '../../charts/leadsByMonthOption';
import { plannedLeads, segmentKey, type Plan, type PlanDefaults, type PlanEdits, type PlannedLeadsSource, type PlanSegment, type RateProvenance, type SegmentProvenance } from '../../../domain/planning';

/** Why a default rate is not the row's own measured rate; null: it is (or the difference is slight). */
export type RateNote = 'shrunk' | 'fromMedium' | 'fromOverall' | 'noData' | null;

/** A shrunk rate gets its note when at least this share of it comes from the medium's rate. */
export const SHRINK_NOTE_WEIGHT = 0.1;

export interface RateInput {
  readonly value: number;
  readonly defaultValue: number;
  readonly edited: boolean;
  /** Leads that reached the step's start in the mature cohorts (the row's own). */
  readonly trials: number;
  readonly successes: number;
  readonly note: RateNote;
  /** Share of the rate taken from the medium's (for the "shrunk" note). */
  readonly priorWeight: number;
}

export interface ValueInput<T = number> {
  readonly value: T;
  readonly defaultValue: T;
  readonly edited: boolean;
}

export interface InputRow {
  /** Stable id for React and tests. */
  readonly id: string;
  readonly medium: string;
  /** null: every unit of the medium. */
  readonly unit: string | null;
  /** Segment keys the row's edits apply to. */
  readonly keys: readonly string[];
  /** Leads of the mature cohorts the row's defaults rest on. */
  readonly basisLeads: number;
  readonly rates: readonly RateInput[];
  readonly dealSize: ValueInput & { readonly wins: number };
  readonly leadsTotal: ValueInput & { readonly source: PlannedLeadsSource };
  /** null: no cost known and none typed in. */
  readonly costPerLead: ValueInput<number | null> & { readonly fromCampaigns: boolean };
  readonly lagShift: ValueInput & { readonly wins: number; readonly source: 'medium' | 'overall' | 'none' };
  /** Expected months from a lead to its revenue (mean of the lag distribution, after the shift). */
  readonly lagMeanMonths: number;
}

/** The note a rate's provenance calls for (see RateNote). `byUnit`: rates per sales unit (else per medium). */
export function rateNote(p: RateProvenance, byUnit: boolean): RateNote {
  if (p.source === 'none') return 'noData';
  if (p.source === 'overall') return 'fromOverall';
  if (!byUnit) return null;
  if (p.source === 'medium') return 'fromMedium';
  return p.shrunk && p.priorWeight >= SHRINK_NOTE_WEIGHT ? 'shrunk' : null;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Mean of values weighted by weights; the plain mean when the weights are all 0. */
function weighted(values: readonly number[], weights: readonly number[]): number {
  const total = sum(weights);
  if (values.length === 0) return 0;
  return total > 0 ? sum(values.map((v, i) => v * weights[i]!)) / total : sum(values) / values.length;
}

function lagMean(lag: readonly number[]): number {
  const total = sum(lag.map((p) => Math.max(0, p)));
  return total > 0 ? sum(lag.map((p, k) => Math.max(0, p) * k)) / total : 0;
}

interface Member {
  readonly key: string;
  readonly segment: PlanSegment;
  readonly base: PlanSegment;
  readonly provenance: SegmentProvenance;
}

function row(id: string, medium: string, unit: string | null, members: readonly Member[], edits: PlanEdits, byUnit: boolean): InputRow {
  const weights = members.map((m) => plannedLeads(m.segment));
  const baseWeights = members.map((m) => plannedLeads(m.base));
  const editOf = (m: Member) => edits.segments[m.key];
  const steps = members[0]?.segment.rates.length ?? 0;
  const rates = Array.from({ length: steps }, (_, step): RateInput => {
    const provenances = members.map((m) => m.provenance.rates[step]!);
    // A medium row: the medium's pooled counts; a segment row: its own (with its note).
    const trials = sum(provenances.map((p) => p.trials));
    const successes = sum(provenances.map((p) => p.successes));
    const notes = provenances.map((p) => rateNote(p, byUnit));
    return {
      value: weighted(members.map((m) => m.segment.rates[step]!), weights),
      defaultValue: weighted(members.map((m) => m.base.rates[step]!), baseWeights),
      edited: members.some((m) => typeof editOf(m)?.rates?.[step] === 'number'),
      trials,
      successes,
      note: members.length === 1 ? notes[0]! : (notes.find((n) => n === 'noData' || n === 'fromOverall') ?? null),
      priorWeight: members.length === 1 ? provenances[0]!.priorWeight : 0,
    };
  });
  const costs = members.map((m) => m.segment.costPerLead);
  const baseCosts = members.map((m) => m.base.costPerLead);
  const known = (values: readonly (number | null)[]) => (values.every((v) => v !== null) ? weighted(values as number[], weights) : null);
  const shifts = members.map((m) => editOf(m)?.lagShiftMonths ?? 0);
  return {
    id,
    medium,
    unit,
    keys: members.map((m) => m.key),
    basisLeads: sum(members.map((m) => m.provenance.leads)),
    rates,
    dealSize: {
      value: weighted(members.map((m) => m.segment.dealSize), weights),
      defaultValue: weighted(members.map((m) => m.base.dealSize), baseWeights),
      edited: members.some((m) => editOf(m)?.dealSize !== undefined),
      wins: sum(members.map((m) => m.provenance.dealSize.wins)),
    },
    leadsTotal: {
      value: sum(weights),
      defaultValue: sum(baseWeights),
      edited: members.some((m) => editOf(m)?.leadsTotal !== undefined),
      source: members[0]?.provenance.plannedLeads ?? 'lastYear',
    },
    costPerLead: {
      value: known(costs),
      defaultValue: known(baseCosts),
      edited: members.some((m) => editOf(m)?.costPerLead !== undefined),
      fromCampaigns: members.every((m) => m.provenance.costPerLead.source === 'campaigns'),
    },
    lagShift: {
      value: Math.round(weighted(shifts, weights)),
      defaultValue: 0,
      edited: shifts.some((s) => s !== 0),
      wins: members[0]?.provenance.lag.wins ?? 0,
      source: members[0]?.provenance.lag.source ?? 'none',
    },
    lagMeanMonths: weighted(members.map((m) => lagMean(m.segment.lag)), weights),
  };
}

/**
 * The panel's rows: per medium (byUnit false), or per medium of one unit (byUnit true; `unit`
 * chooses it, all units' segments when omitted).
 */
export function inputRows(defaults: PlanDefaults, plan: Plan, edits: PlanEdits, byUnit: boolean, unit?: string): InputRow[] {
  const members: Member[] = plan.segments.map((segment, i) => ({
    key: segmentKey(segment.medium, segment.unit),
    segment,
    base: defaults.plan.segments[i]!,
    provenance: defaults.segments[i]!,
  }));
  const media = orderMedia(members.map((m) => m.segment.medium));
  if (byUnit) {
    const rank = new Map(media.map((m, i) => [m, i]));
    return members
      .filter((m) => unit === undefined || m.segment.unit === unit)
      .sort((a, b) => rank.get(a.segment.medium)! - rank.get(b.segment.medium)!)
      .map((m) => row(m.key, m.segment.medium, m.segment.unit, [m], edits, true));
  }
  return media.map((medium) => row(JSON.stringify([medium]), medium, null, members.filter((m) => m.segment.medium === medium), edits, false));
}
