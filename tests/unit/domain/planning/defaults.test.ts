import { describe, expect, it } from 'vitest';
import { planDefaults } from '../../../../src/domain/planning/defaults';
import type { PlanningHistory, SegmentHistory } from '../../../../src/domain/planning/history';

const steps = (...pairs: [number, number][]) => pairs.map(([trials, successes]) => ({ trials, successes }));
// 45.65625 days is 1.5 mean months (30.4375 days): half the revenue lands one month later, half two.
const MONTH_AND_A_HALF = 45.65625;

const webNorth: SegmentHistory = {
  medium: 'web',
  unit: 'North',
  leads: 100,
  steps: steps([100, 50], [50, 20], [20, 10], [10, 5]),
  lagDays: [
    { value: 0, count: 3 },
    { value: MONTH_AND_A_HALF, count: 1 },
  ],
  wonAmounts: [1000, 3000],
  leadsLast12Months: { '2025-07': 12, '2026-01': 24 },
};
const webSouth: SegmentHistory = {
  medium: 'web',
  unit: 'South',
  leads: 20,
  steps: steps([20, 4], [4, 2], [2, 1], [1, 1]),
  lagDays: [],
  wonAmounts: [6000],
  leadsLast12Months: { '2026-01': 6 },
};
const eventNorth: SegmentHistory = {
  medium: 'event',
  unit: 'North',
  leads: 10,
  steps: steps([10, 8], [8, 4], [4, 2], [2, 1]),
  lagDays: [{ value: 0, count: 1 }],
  wonAmounts: [5000],
  leadsLast12Months: { '2025-12': 10 },
};

const history: PlanningHistory = {
  asOf: '2026-06-30',
  maturityDays: 90,
  matureMonths: ['2025-07', '2025-08'],
  currency: 'EUR',
  segments: [webNorth, webSouth, eventNorth],
  targets: [
    { unit: 'North', period: '2026-Q1', revenue: 90_000, plannedLeads: 300 },
    { unit: 'North', period: '2026-07', revenue: 10_000, plannedLeads: null },
    { unit: 'South', period: '2025-Q4', revenue: 50_000, plannedLeads: 99 },
    { unit: 'South', period: '2026-Q2', revenue: 30_000, plannedLeads: null },
    { unit: 'North', period: 'H1 2026', revenue: 1, plannedLeads: null },
  ],
  campaigns: [
    { campaignId: 'c1', medium: 'web', start: '2026-02-01', end: '2026-03-31', cost: 1000, plannedLeads: 40, leads: 50 },
    { campaignId: 'c2', medium: 'event', start: null, end: null, cost: 500, plannedLeads: null, leads: 5 },
    { campaignId: 'c3', medium: 'web', start: '2025-01-01', end: '2025-01-31', cost: 200, plannedLeads: 10, leads: 0 },
  ],
  openPipeline: [],
  actuals: [],
};

// Prior strength pinned to 10 pseudo-leads so every shrunk rate is (s + μ·10)/(n + 10) by hand.
const pinned = { shrinkage: { minStrength: 10, maxStrength: 10, fallbackStrength: 10 } };
const month = (row: readonly number[], i: number) => row[i] ?? NaN;

describe('planDefaults', () => {
  const result = planDefaults(history, pinned);
  const [wn, ws, en] = result.plan.segments;

  it('plans the year of asOf with the pipeline stages', () => {
    expect(result.year).toBe(2026);
    expect(result.plan.months[0]).toBe('2026-01');
    expect(result.plan.months).toHaveLength(12);
    expect(result.plan.stages).toEqual(['lead', 'mql', 'sql', 'opportunity', 'won']);
    expect(result.plan.segments.map((s) => `${s.medium}/${s.unit}`)).toEqual(['web/North', 'web/South', 'event/North']);
  });

  it('shrinks unit rates toward the medium rate (web: μ = 54/120 at step 1, 22/54 at step 2, …)', () => {
    expect(wn!.rates[0]).toBeCloseTo((50 + 4.5) / 110, 12);
    expect(ws!.rates[0]).toBeCloseTo((4 + 4.5) / 30, 12);
    expect(wn!.rates[1]).toBeCloseTo((20 + (10 * 22) / 54) / 60, 12);
    expect(ws!.rates[3]).toBeCloseTo((1 + (10 * 6) / 11) / 11, 12);
    expect(ws!.evidence[0]).toEqual({ successes: expect.closeTo(8.5, 12), trials: 30 });
    expect(result.segments[1]!.rates[0]).toEqual({ trials: 20, successes: 4, shrunk: true, priorWeight: expect.closeTo(10 / 30, 12), source: 'segment' });
    expect(result.segments[0]!.leads).toBe(100);
  });

  it("keeps a medium's only unit at its own rate and evidence", () => {
    expect(en!.rates).toEqual([0.8, 0.5, 0.5, 0.5]);
    expect(en!.evidence).toEqual([
      { successes: 8, trials: 10 },
      { successes: 4, trials: 8 },
      { successes: 2, trials: 4 },
      { successes: 1, trials: 2 },
    ]);
    expect(result.segments[2]!.rates[0]).toMatchObject({ shrunk: false, priorWeight: 0, source: 'segment' });
  });

  it('gives every unit its medium rate when rates are not per unit', () => {
    const pooled = planDefaults(history, { byUnit: false }).plan.segments;
    expect(pooled[0]!.rates[0]).toBeCloseTo(54 / 120, 12);
    expect(pooled[1]!.rates[0]).toBeCloseTo(54 / 120, 12);
    expect(pooled[1]!.evidence[0]).toEqual({ successes: 54, trials: 120 });
  });

  it('credibility-weights deal sizes toward the medium mean (k = 5 wins) and resamples the medium pool with few wins', () => {
    const webMean = 10_000 / 3;
    expect(wn!.dealSize).toBeCloseTo((4000 + 5 * webMean) / 7, 9);
    expect(ws!.dealSize).toBeCloseTo((6000 + 5 * webMean) / 6, 9);
    expect(en!.dealSize).toBeCloseTo(5000, 9);
    expect(wn!.dealSizePool).toEqual([1000, 3000, 6000]);
    expect(result.segments[0]!.dealSize).toEqual({ wins: 2, priorWeight: expect.closeTo(5 / 7, 12), source: 'segment', pool: 'medium' });
  });

  it('turns lag days into month offsets (overall with few wins, per medium with enough)', () => {
    // All media: 4 wins at 0 days, 1 at 1.5 months → 0.8 / 0.1 / 0.1.
    expect(wn!.lag).toEqual([0.8, 0.1, 0.1].map((p) => expect.closeTo(p, 12)));
    expect(result.segments[0]!.lag).toEqual({ wins: 4, source: 'overall' });
    const perMedium = planDefaults(history, { ...pinned, minLagWins: 1 }).plan.segments;
    expect(perMedium[0]!.lag).toEqual([0.75, 0.125, 0.125].map((p) => expect.closeTo(p, 12)));
    expect(perMedium[2]!.lag).toEqual([1]);
  });

  it('spreads the targets table’s quarter of planned leads over its months and the unit’s media by last year’s share', () => {
    expect(result.plannedLeadsSource).toBe('targets');
    // North Q1: 300 leads → 100 a month; web/North had 36 of North's 46 leads in the last 12 months.
    expect(month(wn!.leads, 0)).toBeCloseTo((100 * 36) / 46, 9);
    expect(month(wn!.leads, 2)).toBeCloseTo((100 * 36) / 46, 9);
    expect(month(en!.leads, 1)).toBeCloseTo((100 * 10) / 46, 9);
    // Months the targets do not cover keep last year's volume (July 2025 → July).
    expect(month(wn!.leads, 6)).toBe(12);
    expect(month(en!.leads, 11)).toBe(10);
    // South has no planned leads in 2026's targets: last year's January.
    expect(ws!.leads).toEqual([6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(result.segments.map((s) => s.plannedLeads)).toEqual(['targets', 'lastYear', 'targets']);
  });

  it('takes planned leads from campaigns when asked, split over the medium’s units', () => {
    const fromCampaigns = planDefaults(history, { ...pinned, plannedLeadsFrom: 'campaigns' });
    expect(fromCampaigns.plannedLeadsSource).toBe('campaigns');
    const [north, south, event] = fromCampaigns.plan.segments;
    // c1: 40 web leads over February and March → 20 a month; North 36 of web's 42, South 6.
    expect(month(north!.leads, 1)).toBeCloseTo((20 * 36) / 42, 9);
    expect(month(south!.leads, 2)).toBeCloseTo((20 * 6) / 42, 9);
    expect(month(north!.leads, 0)).toBe(24);
    expect(event!.leads[11]).toBe(10);
    expect(fromCampaigns.segments.map((s) => s.plannedLeads)).toEqual(['campaigns', 'campaigns', 'lastYear']);
  });

  it('uses last year’s months when asked', () => {
    const lastYear = planDefaults(history, { ...pinned, plannedLeadsFrom: 'lastYear' }).plan.segments[0]!;
    expect(lastYear.leads).toEqual([24, 0, 0, 0, 0, 0, 12, 0, 0, 0, 0, 0]);
  });

  it('divides campaign cost by campaign leads per medium', () => {
    expect(wn!.costPerLead).toBeCloseTo(1200 / 50, 12);
    expect(en!.costPerLead).toBeCloseTo(100, 12);
    expect(result.segments[0]!.costPerLead).toEqual({ campaigns: 2, campaignLeads: 50, source: 'campaigns' });
    const noCampaigns = planDefaults({ ...history, campaigns: [] }, pinned);
    expect(noCampaigns.plan.segments[0]!.costPerLead).toBeNull();
    expect(noCampaigns.segments[0]!.costPerLead.source).toBe('none');
  });

  it('sums the plan year’s targets per unit, quarters over three months, and says what it left out', () => {
    expect(result.plan.targets).toEqual({ North: 100_000, South: 30_000 });
    expect(result.plan.monthlyTargets).toEqual({
      North: { '2026-01': 30_000, '2026-02': 30_000, '2026-03': 30_000, '2026-07': 10_000 },
      South: { '2026-04': 10_000, '2026-05': 10_000, '2026-06': 10_000 },
    });
    expect(result.warnings).toContainEqual({ kind: 'targetPeriodUnreadable', unit: expect.any(String), period: 'H1 2026' });
  });

  it('caps extra leads per medium at its planned leads by default', () => {
    const web = [wn!, ws!].flatMap((s) => s.leads).reduce((a, b) => a + b, 0);
    expect(result.plan.extraLeadCaps.web).toBeCloseTo(web, 9);
    expect(result.plan.margin).toBe(1);
  });

  it('is plain JSON data', () => {
    expect(JSON.parse(JSON.stringify(result.plan))).toEqual(result.plan);
  });
});
