import { describe, expect, it } from 'vitest';
import { applyEdits, NO_EDITS, planDefaults, reverseFunnel, segmentKey, type PlanningHistory, type RateProvenance, type SegmentHistory } from '../../../../src/domain/planning';
import { editsReducer, leadsTotals } from '../../../../src/ui/pages/planning/editsModel';
import { inputRows, rateNote, SHRINK_NOTE_WEIGHT } from '../../../../src/ui/pages/planning/inputRows';

const steps = (...pairs: [number, number][]) => pairs.map(([trials, successes]) => ({ trials, successes }));
const seg = (medium: string, unit: string, leads: number, pairs: [number, number][], wonAmounts: number[], last12: Record<string, number>): SegmentHistory => ({
  medium,
  unit,
  leads,
  steps: steps(...pairs),
  lagDays: [{ value: 40, count: wonAmounts.length }],
  wonAmounts,
  leadsLast12Months: last12,
});

/** web in two units (a big one and a small one), Podcast (the data's own medium) in one; no targets, no campaigns. */
const history: PlanningHistory = {
  asOf: '2026-06-30',
  maturityDays: 90,
  matureMonths: ['2025-07'],
  currency: 'EUR',
  segments: [
    seg('web', 'North', 400, [[400, 200], [200, 80], [80, 40], [40, 20]], [1000, 3000], { '2025-07': 100, '2025-08': 60 }),
    seg('web', 'South', 12, [[12, 2], [2, 1], [1, 1], [1, 0]], [6000], { '2025-08': 40 }),
    seg('Podcast', 'North', 50, [[50, 30], [30, 10], [10, 5], [5, 2]], [2000, 2000], { '2025-09': 20 }),
  ],
  targets: [],
  campaigns: [],
  openPipeline: [],
  actuals: [],
};

describe('the inputs panel rows, per medium', () => {
  const defaults = planDefaults(history, { byUnit: false });
  const rows = inputRows(defaults, defaults.plan, NO_EDITS, false);

  it('has one row per medium, standard media first, its leads the sum over units', () => {
    expect(rows.map((r) => [r.medium, r.unit, r.keys.length])).toEqual([
      ['web', null, 2],
      ['Podcast', null, 1],
    ]);
    expect(rows[0]!.leadsTotal.value).toBe(200);
    expect(rows[0]!.basisLeads).toBe(412);
    // The medium's pooled rate and counts: 202 of 412 reached MQL.
    expect(rows[0]!.rates[0]).toMatchObject({ value: 202 / 412, trials: 412, successes: 202, edited: false, note: null });
    expect(rows[0]!.costPerLead).toMatchObject({ value: null, fromCampaigns: false });
  });

  it("gives Σ row leads × Π row rates × row deal size = the reverse funnel's expected revenue, before and after an edit (the e2e test's closed form)", () => {
    const closedForm = (rs: typeof rows) => rs.reduce((sum, r) => sum + r.leadsTotal.value * r.rates.reduce((p, x) => p * x.value, 1) * r.dealSize.value, 0);
    expect(closedForm(rows)).toBeCloseTo(reverseFunnel(defaults.plan).total.expectedRevenue, 6);
    let edits = editsReducer(NO_EDITS, { type: 'leads', totals: leadsTotals(defaults.plan, rows[0]!.keys, 500) });
    edits = editsReducer(edits, { type: 'set', keys: rows[1]!.keys, field: 'rate', step: 1, value: 0.5 });
    const plan = applyEdits(defaults.plan, edits);
    const edited = inputRows(defaults, plan, edits, false);
    expect(edited[0]!.leadsTotal).toMatchObject({ value: 500, defaultValue: 200, edited: true });
    expect(edited[1]!.rates[1]).toMatchObject({ value: 0.5, defaultValue: 10 / 30, edited: true });
    expect(closedForm(edited)).toBeCloseTo(reverseFunnel(plan).total.expectedRevenue, 6);
  });
});

describe('the inputs panel rows, per sales unit', () => {
  const defaults = planDefaults(history, { byUnit: true });

  it('lists one unit’s media and notes a small unit’s rate pulled toward its medium', () => {
    const south = inputRows(defaults, defaults.plan, NO_EDITS, true, 'South');
    expect(south.map((r) => [r.medium, r.unit])).toEqual([['web', 'South']]);
    expect(south[0]!.basisLeads).toBe(12);
    expect(south[0]!.rates[0]!.trials).toBe(12);
    expect(south[0]!.rates[0]!.note).toBe('shrunk');
    expect(south[0]!.rates[0]!.priorWeight).toBeGreaterThan(SHRINK_NOTE_WEIGHT);
    const north = inputRows(defaults, defaults.plan, NO_EDITS, true, 'North');
    expect(north.map((r) => r.medium)).toEqual(['web', 'Podcast']);
    // 400 leads of its own: the medium's pull is slight, no note. Podcast has one unit: its own rate.
    expect(north[0]!.rates[0]!.note).toBeNull();
    expect(north[1]!.rates[0]!.note).toBeNull();
    expect(north[0]!.keys).toEqual([segmentKey('web', 'North')]);
  });
});

describe('rateNote', () => {
  const p = (over: Partial<RateProvenance>): RateProvenance => ({ trials: 5, successes: 1, shrunk: true, priorWeight: 0.5, source: 'segment', ...over });
  it('names where a rate comes from when it is not the row’s own', () => {
    expect(rateNote(p({ source: 'none' }), true)).toBe('noData');
    expect(rateNote(p({ source: 'overall' }), false)).toBe('fromOverall');
    expect(rateNote(p({ source: 'medium' }), true)).toBe('fromMedium');
    expect(rateNote(p({ source: 'medium' }), false)).toBeNull();
    expect(rateNote(p({}), true)).toBe('shrunk');
    expect(rateNote(p({ priorWeight: 0.05 }), true)).toBeNull();
  });
});
