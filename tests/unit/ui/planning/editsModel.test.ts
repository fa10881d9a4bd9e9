import { describe, expect, it } from 'vitest';
import { applyEdits, NO_EDITS, plannedLeads, segmentKey } from '../../../../src/domain/planning';
import { editsReducer, hasEdits, leadsTotals } from '../../../../src/ui/pages/planning/editsModel';
import { everyMonth, plan, segment } from '../../domain/planning/planFixtures';

const WN = segmentKey('web', 'North');
const WS = segmentKey('web', 'South');
const EN = segmentKey('event', 'North');
const base = plan([
  segment({ medium: 'web', unit: 'North', leads: everyMonth(30) }), // 360
  segment({ medium: 'web', unit: 'South', leads: everyMonth(10) }), // 120
  segment({ medium: 'event', unit: 'North', leads: everyMonth(0) }),
]);

describe('the Planning page edits reducer', () => {
  it('sets one step rate on every segment of a row and keeps the other steps at their defaults', () => {
    const edits = editsReducer(NO_EDITS, { type: 'set', keys: [WN, WS], field: 'rate', step: 2, value: 0.3 });
    expect(edits.segments[WN]).toEqual({ rates: [null, null, 0.3] });
    expect(edits.segments[WS]).toEqual({ rates: [null, null, 0.3] });
    const again = editsReducer(edits, { type: 'set', keys: [WN], field: 'rate', step: 0, value: 0.9 });
    expect(again.segments[WN]).toEqual({ rates: [0.9, null, 0.3] });
    expect(applyEdits(base, again).segments[0]!.rates).toEqual([0.9, 0.5, 0.3, 0.5]);
  });

  it('resets one step, then the last field, leaving no edit behind (so "no edits" has one form)', () => {
    let edits = editsReducer(NO_EDITS, { type: 'set', keys: [WN], field: 'rate', step: 1, value: 0.2 });
    edits = editsReducer(edits, { type: 'set', keys: [WN], field: 'dealSize', value: 5000 });
    edits = editsReducer(edits, { type: 'reset', keys: [WN], field: 'rate', step: 1 });
    expect(edits.segments[WN]).toEqual({ dealSize: 5000 });
    edits = editsReducer(edits, { type: 'reset', keys: [WN], field: 'dealSize' });
    expect(edits).toEqual(NO_EDITS);
    expect(hasEdits(edits)).toBe(false);
  });

  it('ignores a value that is not a number (a number field half typed)', () => {
    expect(editsReducer(NO_EDITS, { type: 'set', keys: [WN], field: 'costPerLead', value: Number.NaN })).toBe(NO_EDITS);
  });

  it('types a target in and takes it back; caps likewise; reset all and replace', () => {
    let edits = editsReducer(NO_EDITS, { type: 'target', unit: 'South', value: 80_000 });
    edits = editsReducer(edits, { type: 'cap', medium: 'web', value: 50 });
    expect(applyEdits(base, edits).targets).toEqual({ South: 80_000 });
    expect(applyEdits(base, edits).extraLeadCaps).toEqual({ web: 50 });
    expect(hasEdits(edits)).toBe(true);
    expect(editsReducer(editsReducer(edits, { type: 'target', unit: 'South', value: null }), { type: 'cap', medium: 'web', value: null })).toEqual(NO_EDITS);
    expect(editsReducer(edits, { type: 'resetAll' })).toEqual(NO_EDITS);
    const other = { ...NO_EDITS, margin: 0.3 };
    expect(editsReducer(edits, { type: 'replace', edits: other })).toBe(other);
  });
});

describe('a medium row’s planned leads', () => {
  it('are split over its segments like their current leads (360 : 120), adding up to the total', () => {
    const totals = leadsTotals(base, [WN, WS], 960);
    expect(totals).toEqual({ [WN]: 720, [WS]: 240 });
    const edited = applyEdits(base, editsReducer(NO_EDITS, { type: 'leads', totals }));
    expect(plannedLeads(edited.segments[0]!) + plannedLeads(edited.segments[1]!)).toBeCloseTo(960, 9);
    // The months keep their shape.
    expect(edited.segments[0]!.leads).toEqual(everyMonth(60));
  });

  it('are split evenly over segments with none planned, and never below zero', () => {
    expect(leadsTotals(base, [EN], 120)).toEqual({ [EN]: 120 });
    expect(leadsTotals(base, [WN, WS], -5)).toEqual({ [WN]: 0, [WS]: 0 });
  });
});
