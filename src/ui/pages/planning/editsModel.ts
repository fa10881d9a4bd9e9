/**
 * The Planning page's what-if state is a PlanEdits (src/domain/planning/edits.ts): what a scenario
 * and a link store. This module is its one reducer: every change the inputs panel makes is an
 * action here, pure and tested, so the page never builds edits by hand.
 *
 * An input row of the panel stands for one segment (medium × unit, "per sales unit" on) or for all
 * segments of a medium (off): an action names the segment keys it applies to. Planned leads of a
 * medium row are a total over its segments, split by the segments' current planned leads (equally
 * when none are planned), so the month-by-month and unit-by-unit shape is kept.
 */
import { NO_EDITS, plannedLeads, segmentKey, type Plan, type PlanEdits, type SegmentEdit } from '../../../domain/planning';

/** The fields of a segment a row edits one value at a time (the rates are edited per step). */
export type ScalarField = 'dealSize' | 'leadsTotal' | 'costPerLead' | 'lagShiftMonths';
export type SegmentField = ScalarField | 'rate';

export type EditAction =
  /** One value for every key (a rate of a step, deal size, cost per lead, lag shift). */
  | { readonly type: 'set'; readonly keys: readonly string[]; readonly field: Exclude<SegmentField, 'leadsTotal'>; readonly step?: number; readonly value: number }
  /** Planned leads: a total per key (see leadsTotals). */
  | { readonly type: 'leads'; readonly totals: Readonly<Record<string, number>> }
  /** Back to the data's default for these keys (one step of the rates when `step` is given, else all of them). */
  | { readonly type: 'reset'; readonly keys: readonly string[]; readonly field: SegmentField; readonly step?: number }
  /** A unit's revenue target; null: back to the data's (none where the data has none). */
  | { readonly type: 'target'; readonly unit: string; readonly value: number | null }
  /** A medium's cap on extra leads for the cheapest mix; null: back to the default. */
  | { readonly type: 'cap'; readonly medium: string; readonly value: number | null }
  /** Everything back to the data. */
  | { readonly type: 'resetAll' }
  /** Edits from elsewhere (a scenario, a link). */
  | { readonly type: 'replace'; readonly edits: PlanEdits };

function withSegment(edits: PlanEdits, key: string, change: (edit: SegmentEdit) => SegmentEdit): PlanEdits {
  const next = change(edits.segments[key] ?? {});
  const segments = { ...edits.segments };
  // An edit left with no field is removed: "no edits" has one form, so a reset compares equal to the defaults.
  if (Object.keys(next).length === 0) delete segments[key];
  else segments[key] = next;
  return { ...edits, segments };
}

const FIELD_OF: Record<Exclude<SegmentField, 'rate'>, keyof SegmentEdit> = {
  dealSize: 'dealSize',
  leadsTotal: 'leadsTotal',
  costPerLead: 'costPerLead',
  lagShiftMonths: 'lagShiftMonths',
};

function setRate(edit: SegmentEdit, step: number, value: number | null): SegmentEdit {
  const rates = [...(edit.rates ?? [])];
  while (rates.length <= step) rates.push(null);
  rates[step] = value;
  // Trailing "keep the default" entries are dropped, and an all-default list with them.
  while (rates.length > 0 && (rates[rates.length - 1] === null || rates[rates.length - 1] === undefined)) rates.pop();
  const { rates: _old, ...rest } = edit;
  return rates.length > 0 ? { ...rest, rates } : rest;
}

function withoutField(edit: SegmentEdit, field: keyof SegmentEdit): SegmentEdit {
  const copy: Record<string, unknown> = { ...edit };
  delete copy[field];
  return copy as SegmentEdit;
}

const finite = (value: number) => Number.isFinite(value);

export function editsReducer(edits: PlanEdits, action: EditAction): PlanEdits {
  switch (action.type) {
    case 'set': {
      if (!finite(action.value)) return edits;
      let next = edits;
      for (const key of action.keys) {
        next = withSegment(next, key, (edit) =>
          action.field === 'rate' ? setRate(edit, action.step ?? 0, action.value) : { ...edit, [FIELD_OF[action.field]]: action.value },
        );
      }
      return next;
    }
    case 'leads': {
      let next = edits;
      for (const [key, total] of Object.entries(action.totals)) if (finite(total)) next = withSegment(next, key, (edit) => ({ ...edit, leadsTotal: total }));
      return next;
    }
    case 'reset': {
      let next = edits;
      for (const key of action.keys) {
        if (!next.segments[key]) continue;
        next = withSegment(next, key, (edit) => {
          if (action.field !== 'rate') return withoutField(edit, FIELD_OF[action.field]);
          if (action.step === undefined) return withoutField(edit, 'rates');
          return setRate(edit, action.step, null);
        });
      }
      return next;
    }
    case 'target': {
      const targets = { ...edits.targets };
      if (action.value === null || !finite(action.value)) delete targets[action.unit];
      else targets[action.unit] = action.value;
      return { ...edits, targets };
    }
    case 'cap': {
      const extraLeadCaps = { ...edits.extraLeadCaps };
      if (action.value === null || !finite(action.value)) delete extraLeadCaps[action.medium];
      else extraLeadCaps[action.medium] = action.value;
      return { ...edits, extraLeadCaps };
    }
    case 'resetAll':
      return NO_EDITS;
    case 'replace':
      return action.edits;
  }
}

/**
 * Planned-leads totals per segment key that add up to `total`, split like the segments' current
 * planned leads in `plan` (equally when they have none). The keys are those of the row edited.
 */
export function leadsTotals(plan: Plan, keys: readonly string[], total: number): Record<string, number> {
  const wanted = new Set(keys);
  const current = plan.segments.filter((s) => wanted.has(segmentKey(s.medium, s.unit))).map((s) => ({ key: segmentKey(s.medium, s.unit), leads: plannedLeads(s) }));
  const sum = current.reduce((a, s) => a + s.leads, 0);
  const value = Math.max(0, total);
  return Object.fromEntries(current.map((s) => [s.key, sum > 0 ? (value * s.leads) / sum : value / current.length]));
}

/** Whether the edits change anything (the "reset all" button is offered only then). */
export function hasEdits(edits: PlanEdits): boolean {
  return Object.keys(edits.segments).length > 0 || Object.keys(edits.targets).length > 0 || Object.keys(edits.extraLeadCaps).length > 0 || edits.margin !== undefined;
}
