import { describe, expect, it } from 'vitest';
import { applyEdits, segmentKey } from '../../../../src/domain/planning/edits';
import { monthTargets, pipelineForecast, probabilityFromStage, wonGivenStillOpen } from '../../../../src/domain/planning/forecast';
import type { ActualRow, OpenPipelineRow, PlanningHistory } from '../../../../src/domain/planning/history';
import { MONTHS_2026, everyMonth, plan, segment } from './planFixtures';

/** maturityDays null (no won lead in the data): no month is mature, so no open lead is stale by age. */
function history(asOf: string | null, openPipeline: OpenPipelineRow[], actuals: ActualRow[], maturityDays: number | null = null): PlanningHistory {
  return { asOf, maturityDays, matureMonths: [], currency: 'EUR', segments: [], targets: [], campaigns: [], openPipeline, actuals };
}
const actual = (month: string, medium: string, unit: string | null, revenue: number): ActualRow => ({ month, medium, unit, leads: 0, won: 1, revenue });
/** An open row, created in `month` (default April 2026, asOf's month below: age 0, the lag from its start). */
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
    const f = pipelineForecast(history('2026-12-10', [open('web', 'A', 0, 1, null, '2026-12')], []), plan([one], { targets: { A: 1000 } }))!;
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
    const f = pipelineForecast(history('2026-11-05', [open('web', 'A', 0, 1, null, '2026-11')], [actual('2026-10', 'web', 'A', 4000)]), p)!;
    expect(f.monthsDone).toBe(0);
    expect(f.total.actualToDate).toBe(0);
    expect(f.total.pipelineBeforeYear).toBeCloseTo(700, 9);
    expect(f.total.pipelineInYear).toBeCloseTo(300, 9);
    expect(f.months[0]!.pipeline).toBeCloseTo(300, 9);
    // All 12 planned leads are left: 12 × 1000, of which November's 0.3 and December's 0.2 + 0.3 land in 2028.
    expect(f.total.remainingPlanInYear + f.total.remainingPlanAfterYear).toBeCloseTo(12_000, 9);
    expect(f.total.remainingPlanAfterYear).toBeCloseTo(300 + 500, 9);
  });

  it('a lead a month old in December: lag [0.25, 0.25, 0.5] from offset 1 on is [1/3, 2/3], December and January', () => {
    const f = pipelineForecast(history('2026-12-10', [open('web', 'A', 0, 1, null, '2026-11')], []), plan([one], { targets: { A: 1000 } }))!;
    expect(f.total.pipelineWeighted).toBeCloseTo(1000, 9);
    expect(f.total.pipelineInYear).toBeCloseTo(1000 / 3, 9);
    expect(f.months[11]!.pipeline).toBeCloseTo(1000 / 3, 9);
    expect(f.total.pipelineAfterYear).toBeCloseTo(2000 / 3, 9);
  });

  it('needs dates: no asOf, no forecast', () => {
    expect(pipelineForecast(history(null, [], []), plan([one]))).toBeNull();
  });
});

describe('pipelineForecast: timing conditional on age, stale leads (asOf 2026-04-15)', () => {
  // Every step 1 at stage ≥ 1, lead→mql 0.5; deal 1000; lag [0.5, 0.25, 0.25] months.
  const seg = segment({ medium: 'web', unit: 'A', rates: [0.5, 1, 1, 1], dealSize: 1000, lag: [0.5, 0.25, 0.25], leads: everyMonth(0) });
  const p = plan([seg], { targets: { A: 10_000 } });

  it('a lead 2 months old lands with probabilities [–, –, 1.0]: all at offset 2, asOf’s month', () => {
    const f = pipelineForecast(history('2026-04-15', [open('web', 'A', 1, 1, null, '2026-02')], [], 200), p)!;
    expect(f.total.staleLeads).toBe(0);
    expect(f.total.pipelineWeighted).toBeCloseTo(1000, 9);
    expect(f.months[3]!.pipeline).toBeCloseTo(1000, 9); // April
    expect(f.months[4]!.pipeline).toBe(0);
    expect(f.total.pipelineInYear).toBeCloseTo(1000, 9);
  });

  it('a lead still open is won with p·S ÷ (1 − p + p·S): its own chance at age 0, less the older it is', () => {
    expect(wonGivenStillOpen(0.5, 1)).toBe(0.5);
    expect(wonGivenStillOpen(0.5, 0.25)).toBeCloseTo(0.2, 12);
    expect(wonGivenStillOpen(0.1, 0.5)).toBeCloseTo(0.05 / 0.95, 12);
    expect(wonGivenStillOpen(1, 0.3)).toBe(1);
    expect(wonGivenStillOpen(0.4, 0)).toBe(0);
  });

  it('ages 0, 1 and 2 renormalise the lag from their age on', () => {
    const rows = [open('web', 'A', 1, 1, null, '2026-04'), open('web', 'A', 1, 1, null, '2026-03'), open('web', 'A', 1, 1, null, '2026-02')];
    const f = pipelineForecast(history('2026-04-15', rows, [], 200), p)!;
    // Age 0: 500 Apr, 250 May, 250 Jun. Age 1: [0.25, 0.25] / 0.5 → 500 Apr, 500 May. Age 2: 1000 Apr.
    expect(f.months[3]!.pipeline).toBeCloseTo(2000, 9);
    expect(f.months[4]!.pipeline).toBeCloseTo(750, 9);
    expect(f.months[5]!.pipeline).toBeCloseTo(250, 9);
    expect(f.total.pipelineInYear).toBeCloseTo(3000, 9);
    expect(f.total.openLeads).toBe(3);
  });

  it('a lead older than the lag reaches (age 3, lag of 3 offsets) is stale, though its month is not mature', () => {
    // 2026-01 ends 01-31: 74 days before asOf, below the 200-day maturity.
    const f = pipelineForecast(history('2026-04-15', [open('web', 'A', 1, 2, null, '2026-01')], [], 200), p)!;
    expect(f.total.staleLeads).toBe(2);
    expect(f.total.staleValue).toBeCloseTo(2000, 9);
    expect(f.total.staleUndated).toBe(0);
    expect(f.total.openLeads).toBe(0);
    expect(f.total.pipelineValue).toBe(0);
    expect(f.total.pipelineWeighted).toBe(0);
  });

  it('mature by the Funnel’s rule: 74 days from the end of January to asOf, maturity 74 → stale, 75 → live', () => {
    const long = plan([{ ...seg, lag: [0.4, 0.3, 0.2, 0.1] }], { targets: { A: 10_000 } });
    const rows = [open('web', 'A', 1, 1, null, '2026-01')];
    expect(pipelineForecast(history('2026-04-15', rows, [], 74), long)!.total.staleLeads).toBe(1);
    const live = pipelineForecast(history('2026-04-15', rows, [], 75), long)!;
    expect(live.total.staleLeads).toBe(0);
    // Age 3: only offset 3 is left → all of it in April.
    expect(live.months[3]!.pipeline).toBeCloseTo(1000, 9);
  });

  it('stale leads (mature, undated, of a medium without history) are reported apart and are in no other figure', () => {
    const rows = [
      open('web', 'A', 3, 3, 9000, '2025-06'), // mature (maturity 60 days): stale at its 9000, though at the opportunity stage
      open('web', 'A', 0, 2, null, null), // no created date: stale, 2 × 1000
      // live, age 2 → all in April; still open after 2 months, its chance is 0.5 × 0.25 ÷ (1 − 0.5 + 0.5 × 0.25) = 0.2
      // (S = 0.25: the share of the won leads' lag from offset 2 on), so 1000 × 0.2 = 200
      open('web', 'A', 0, 1, null, '2026-02'),
      open('fair', 'A', 1, 1, 400, '2025-01'), // mature, medium without a segment: stale at its 400, not "unmatched"
    ];
    const f = pipelineForecast(history('2026-04-15', rows, [], 60), p)!;
    const t = f.total;
    expect(t.staleLeads).toBe(6);
    expect(t.staleValue).toBeCloseTo(11_400, 9);
    expect(t.staleUndated).toBe(2);
    expect(t.openLeads).toBe(1);
    expect(t.pipelineValue).toBeCloseTo(1000, 9);
    expect(t.opportunityValue).toBe(0);
    expect(t.pipelineWeighted).toBeCloseTo(200, 9);
    expect(t.pipelineInYear).toBeCloseTo(200, 9);
    expect(f.months[3]!.pipeline).toBeCloseTo(200, 9);
    expect(t.forecast).toBeCloseTo(200, 9);
    expect(t.coverage).toBe(0);
    expect(t.coverageWeighted).toBeCloseTo(0.02, 12);
    expect(f.unmatched).toEqual({ leads: 0, value: 0 });
    expect(f.media.find((m) => m.medium === 'fair')!.staleValue).toBeCloseTo(400, 9);
  });
});
