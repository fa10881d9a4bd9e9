/**
 * A synthetic PlanningHistory of 6 sales units × 8 media with 12 months of volumes, targets with
 * planned leads per quarter and campaign costs: the size the Planning page must stay fast at
 * (issue 15). Deterministic (a fixed LCG), so every run times the same plan. History of 2025, targets
 * and plan of 2026 (planDefaults with year 2026).
 */
import type { PlanningHistory, SegmentHistory } from '../../../src/domain/planning';

export const UNITS = ['Nord', 'Süd', 'Ost', 'West', 'Mitte', 'Export'];
export const MEDIA = ['telemarketing', 'direct_mail', 'event', 'trade_fair', 'web', 'ad', 'Podcast', 'Partner'];
const MONTHS = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'];

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function syntheticHistory(seed = 15): PlanningHistory {
  const random = lcg(seed);
  const segments: SegmentHistory[] = [];
  for (const unit of UNITS) {
    for (const [m, medium] of MEDIA.entries()) {
      const leads = Math.round(40 + random() * 900);
      const steps = [];
      let reached = leads;
      for (const base of [0.3 + 0.05 * (m % 4), 0.5, 0.55, 0.45]) {
        const next = Math.round(reached * Math.min(0.95, base * (0.8 + 0.4 * random())));
        steps.push({ trials: reached, successes: next });
        reached = next;
      }
      const wonAmounts = Array.from({ length: reached }, () => Math.round(5000 + 60_000 * random() ** 2));
      segments.push({
        medium,
        unit,
        leads,
        steps,
        lagDays: [30, 60, 90, 120, 180, 270].map((value) => ({ value, count: Math.round(1 + random() * reached) })),
        wonAmounts,
        leadsLast12Months: Object.fromEntries(MONTHS.map((month) => [month, Math.round((leads / 12) * (0.6 + 0.8 * random()))])),
      });
    }
  }
  return {
    asOf: '2025-12-31',
    maturityDays: 190,
    matureMonths: MONTHS.slice(0, 6),
    currency: 'EUR',
    segments,
    targets: UNITS.flatMap((unit) => [1, 2, 3, 4].map((q) => ({ unit, period: `2026-Q${q}`, revenue: Math.round(900_000 + random() * 800_000), plannedLeads: Math.round(600 + random() * 900) }))),
    campaigns: MEDIA.map((medium, i) => ({ campaignId: `C${i}`, medium, start: '2025-01-01', end: '2025-12-31', cost: Math.round(20_000 + random() * 200_000), plannedLeads: null, leads: Math.round(200 + random() * 2000) })),
    openPipeline: [],
    actuals: [],
  };
}
