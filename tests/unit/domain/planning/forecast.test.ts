import { describe, expect, it } from 'vitest';
import { applyEdits, segmentKey } from '../../../../src/domain/planning/edits';
import { monthTargets, pipelineForecast, probabilityFromStage } from '../../../../src/domain/planning/forecast';
import type { ActualRow, OpenPipelineRow, PlanningHistory } from '../../../../src/domain/planning/history';
import { MONTHS_2026, everyMonth, plan, segment } from './planFixtures';

function history(asOf: string | null, openPipeline: OpenPipelineRow[], actuals: ActualRow[]): PlanningHistory {
  return { asOf, maturityDays: null, matureMonths: [], currency: 'EUR', segments: [], targets: [], campaigns: [], openPipeline, actuals };
}
const actual = (month: string, medium: string, unit: string | null, revenue: number): ActualRow => ({ month, medium, unit, leads: 0, won: 1, revenue });
const open = (medium: string, unit: string | null, stageIndex: number, leads: number, amount: number | null, month: string | null = '2026-04'): OpenPipelineRow => ({
  medium,
  unit,
  stageIndex,
  month,
  leads,
  amount,
});

// A/web: lead→won 0.5·0.5·0.4·1 = 0.1, deal 1000 → 100 per lead; 10 leads a month → 1000 a month, landing one month later.
// B/event: lead→won 1·1·0.5·0.5 = 0.25, deal 2000; 4 leads in June → 2000 in June (lag 0).
const webA = segment({ medium: 'web', unit: 'A', rates: [0.5, 0.5, 0.4, 1], dealSize: 1000, lag: [0, 1], leads: everyMonth(10) });
const eventB = segment({
  medium: 'event',
  unit: 'B',
  rates: [1, 1, 0.5, 0.5],
  dealSize: 2000,
  lag: [1],
  leads: MONTHS_2026.map((m) => (m === '2026-06' ? 4 : 0)),
});
// B's monthly targets say 3000 in June and 1000 in December; its (edited) year target is 5000, so they scale to 3750 and 1250.
const thePlan = plan([webA, eventB], { targets: { A: 20_000, B: 5_000 }, monthlyTargets: { B: { '2026-06': 3000, '2026-12': 1000 } } });

const theHistory = history(
  '2026-04-15',
  [
    open('web', 'A', 2, 5, null), // 5 × 1000 = 5000 at 0.4 × 1 → 2000, lands in May
    open('web', 'A', 3, 2, 3000), // known amount 3000 at 1 → 3000, May
    open('event', 'B', 0, 10, null), // 10 × 2000 = 20000 at 0.25 → 5000, April (lag 0)
    open('web', 'C', 3, 1, 800), // no segment web/C: web's mean (A's) → 800 at 1, May
    open('trade_fair', null, 1, 3, 600), // no trade_fair segment at all: unmatched
  ],
  [
    actual('2025-12', 'web', 'A', 9999), // before the plan year
    actual('2026-01', 'ad', null, 300),
    actual('2026-02', 'web', 'A', 1500),
    actual('2026-03', 'event', 'B', 1000),
    actual('2026-04', 'web', 'A', 500),
    actual('2026-05', 'web', 'A', 777), // after asOf's month (cannot happen in real data): not "to date"
  ],
);

describe('probabilityFromStage', () => {
  it('multiplies the step rates from the furthest reached stage on', () => {
    expect(probabilityFromStage([0.5, 0.5, 0.4, 1], 0)).toBeCloseTo(0.1, 12);
    expect(probabilityFromStage([0.5, 0.5, 0.4, 1], 2)).toBeCloseTo(0.4, 12);
    expect(probabilityFromStage([0.5, 0.5, 0.4, 1], 4)).toBe(1);
  });
});

describe('monthTargets', () => {
  it('scales the monthly targets to the unit target and spreads a target without months evenly', () => {
    const t = monthTargets(thePlan);
    expect(t.B![5]).toBeCloseTo(3750, 9);
    expect(t.B![11]).toBeCloseTo(1250, 9);
    expect(t.B![0]).toBe(0);
    expect(t.A!.every((v) => Math.abs(v - 20_000 / 12) < 1e-9)).toBe(true);
  });
});

describe('pipelineForecast (hand-computed, asOf 2026-04-15)', () => {
  const f = pipelineForecast(theHistory, thePlan)!;
  const unit = (name: string) => f.units.find((u) => u.unit === name)!;
  const medium = (name: string) => f.media.find((m) => m.medium === name)!;

  it('counts January to April as done', () => {
    expect(f.asOfMonth).toBe('2026-04');
    expect(f.monthsDone).toBe(4);
  });

  it('unit A will miss: 2000 booked + 5000 pipeline + 7000 remaining plan < 20000', () => {
    const a = unit('A');
    expect(a.target).toBe(20_000);
    expect(a.actualToDate).toBeCloseTo(2000, 9);
    expect(a.openLeads).toBe(7);
    expect(a.pipelineValue).toBeCloseTo(8000, 9);
    expect(a.pipelineWeighted).toBeCloseTo(5000, 9);
    expect(a.pipelineInYear).toBeCloseTo(5000, 9);
    expect(a.pipelineAfterYear).toBeCloseTo(0, 9);
    // May–December leads: 8 × 1000, landing June–December (7000) and January next year (1000).
    expect(a.remainingPlanInYear).toBeCloseTo(7000, 9);
    expect(a.remainingPlanAfterYear).toBeCloseTo(1000, 9);
    expect(a.forecast).toBeCloseTo(14_000, 9);
    expect(a.remainingTarget).toBeCloseTo(18_000, 9);
    expect(a.gap).toBeCloseTo(6000, 9);
    // Unweighted coverage counts the open opportunities only (the 3000 row at stage 3).
    expect(a.opportunityValue).toBeCloseTo(3000, 9);
    expect(a.coverage).toBeCloseTo(3000 / 18_000, 12);
    expect(a.coverageWeighted).toBeCloseTo(5000 / 18_000, 12); // all of A's weighted pipeline lands in May
    expect(a.willMiss).toBe(true);
    // Plan: January's leads land in February, so by April the plan expected 3 × 1000; in the year 11 × 1000.
    expect(a.planToDate).toBeCloseTo(3000, 9);
    expect(a.planYear).toBeCloseTo(11_000, 9);
  });

  it('unit B makes it: 1000 + 5000 + 2000 ≥ 5000', () => {
    const b = unit('B');
    expect(b.actualToDate).toBeCloseTo(1000, 9);
    expect(b.pipelineValue).toBeCloseTo(20_000, 9);
    expect(b.pipelineWeighted).toBeCloseTo(5000, 9);
    expect(b.remainingPlanInYear).toBeCloseTo(2000, 9);
    expect(b.forecast).toBeCloseTo(8000, 9);
    expect(b.opportunityValue).toBe(0);
    expect(b.coverage).toBe(0);
    expect(b.coverageWeighted).toBeCloseTo(5000 / 4000, 12);
    expect(b.gap).toBeCloseTo(-3000, 9);
    expect(b.willMiss).toBe(false);
  });

  it('gives units without a target their figures but no flag, and keeps unmatched pipeline out of the weighted value', () => {
    const c = unit('C');
    expect(c.target).toBeNull();
    expect(c.pipelineWeighted).toBeCloseTo(800, 9);
    expect(c.forecast).toBeCloseTo(800, 9);
    expect(c.willMiss).toBeNull();
    expect(c.coverage).toBeNull();
    const none = unit('(none)');
    expect(none.actualToDate).toBeCloseTo(300, 9);
    expect(none.openLeads).toBe(3);
    expect(none.pipelineValue).toBeCloseTo(600, 9);
    expect(none.pipelineWeighted).toBe(0);
    expect(f.unmatched).toEqual({ leads: 3, value: 600 });
  });

  it('totals: 3300 + 10800 + 9000 = 23100 < 25000', () => {
    const t = f.total;
    expect(t.target).toBe(25_000);
    expect(t.actualToDate).toBeCloseTo(3300, 9);
    expect(t.pipelineValue).toBeCloseTo(29_400, 9);
    expect(t.pipelineWeighted).toBeCloseTo(10_800, 9);
    expect(t.remainingPlanInYear).toBeCloseTo(9000, 9);
    expect(t.forecast).toBeCloseTo(23_100, 9);
    expect(t.gap).toBeCloseTo(1900, 9);
    expect(t.opportunityValue).toBeCloseTo(3800, 9);
    expect(t.coverage).toBeCloseTo(3800 / 21_700, 12);
    expect(t.coverageWeighted).toBeCloseTo(10_800 / 21_700, 12);
    expect(t.willMiss).toBe(true);
  });

  it('splits by medium', () => {
    expect(medium('web').actualToDate).toBeCloseTo(2000, 9);
    expect(medium('web').pipelineWeighted).toBeCloseTo(5800, 9);
    expect(medium('web').pipelineValue).toBeCloseTo(8800, 9);
    expect(medium('web').planToDate).toBeCloseTo(3000, 9);
    expect(medium('web').forecast).toBeCloseTo(14_800, 9);
    expect(medium('web').target).toBeNull();
    expect(medium('event').forecast).toBeCloseTo(8000, 9);
    expect(medium('ad').actualToDate).toBeCloseTo(300, 9);
    expect(medium('trade_fair').pipelineValue).toBeCloseTo(600, 9);
  });

  it('phases plan, actual, pipeline and remaining plan by month', () => {
    const m = (month: string) => f.months.find((r) => r.month === month)!;
    expect(m('2026-01').actual).toBeCloseTo(300, 9);
    expect(m('2026-02').actual).toBeCloseTo(1500, 9);
    expect(m('2026-04').actual).toBeCloseTo(500, 9);
    expect(m('2026-05').actual).toBeNull();
    expect(m('2026-04').pipeline).toBeCloseTo(5000, 9);
    expect(m('2026-05').pipeline).toBeCloseTo(5800, 9);
    expect(m('2026-05').remainingPlan).toBe(0);
    expect(m('2026-06').remainingPlan).toBeCloseTo(3000, 9);
    expect(m('2026-04').forecast).toBeCloseTo(5500, 9);
    expect(m('2026-01').plan).toBe(0);
    expect(m('2026-06').plan).toBeCloseTo(3000, 9);
    expect(m('2026-06').target).toBeCloseTo(20_000 / 12 + 3750, 9);
    expect(m('2026-01').target).toBeCloseTo(20_000 / 12, 9);
    // Every month's forecast adds up to the total forecast.
    expect(f.months.reduce((s, r) => s + r.forecast, 0)).toBeCloseTo(f.total.forecast, 9);
  });

  it('follows the planner’s edited rates', () => {
    const edited = applyEdits(thePlan, { segments: { [segmentKey('web', 'A')]: { rates: [null, null, 0.8] } }, targets: {}, extraLeadCaps: {} });
    // Row 1: 5000 × 0.8 = 4000 (was 2000); row 2 (already at opportunity) unchanged.
    expect(pipelineForecast(theHistory, edited)!.units.find((u) => u.unit === 'A')!.pipelineWeighted).toBeCloseTo(7000, 9);
  });
});

describe('pipelineForecast timing at the year’s edges', () => {
  const one = segment({ medium: 'web', unit: 'A', rates: [1, 1, 1, 1], dealSize: 1000, lag: [0.25, 0.25, 0.5], leads: everyMonth(0) });

  it('reports what lands after December apart', () => {
    const f = pipelineForecast(history('2026-12-10', [open('web', 'A', 0, 1, null)], []), plan([one], { targets: { A: 1000 } }))!;
    expect(f.monthsDone).toBe(12);
    expect(f.total.pipelineInYear).toBeCloseTo(250, 9);
    expect(f.total.pipelineAfterYear).toBeCloseTo(750, 9);
    expect(f.total.willMiss).toBe(true);
    // Weighted coverage counts what lands this year only: 250 of the 1000 remaining.
    expect(f.total.pipelineWeighted).toBeCloseTo(1000, 9);
    expect(f.total.coverageWeighted).toBeCloseTo(0.25, 12);
  });

  it('planning next year: nothing is to date, pipeline landing before January is not in the forecast', () => {
    const months2027 = MONTHS_2026.map((m) => m.replace('2026', '2027'));
    const p = plan([{ ...one, lag: [0.5, 0.2, 0.3], leads: months2027.map(() => 1) }], { months: months2027, targets: { A: 5000 } });
    const f = pipelineForecast(history('2026-11-05', [open('web', 'A', 0, 1, null)], [actual('2026-10', 'web', 'A', 4000)]), p)!;
    expect(f.monthsDone).toBe(0);
    expect(f.total.actualToDate).toBe(0);
    expect(f.total.pipelineBeforeYear).toBeCloseTo(700, 9);
    expect(f.total.pipelineInYear).toBeCloseTo(300, 9);
    expect(f.months[0]!.pipeline).toBeCloseTo(300, 9);
    // All 12 planned leads are left: 12 × 1000, of which November's 0.3 and December's 0.2 + 0.3 land in 2028.
    expect(f.total.remainingPlanInYear + f.total.remainingPlanAfterYear).toBeCloseTo(12_000, 9);
    expect(f.total.remainingPlanAfterYear).toBeCloseTo(300 + 500, 9);
  });

  it('needs dates: no asOf, no forecast', () => {
    expect(pipelineForecast(history(null, [], []), plan([one]))).toBeNull();
  });
});
