import type { Plan, PlanSegment } from '../../../../src/domain/planning/plan';

export const STAGES = ['lead', 'mql', 'sql', 'opportunity', 'won'];
export const MONTHS_2026 = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'];

/** Twelve months of `perMonth` leads. */
export const everyMonth = (perMonth: number): number[] => MONTHS_2026.map(() => perMonth);

export function segment(overrides: Partial<PlanSegment> & Pick<PlanSegment, 'medium' | 'unit'>): PlanSegment {
  return {
    rates: [0.5, 0.5, 0.5, 0.5],
    evidence: [0, 0, 0, 0].map(() => ({ successes: 0, trials: 0 })),
    dealSize: 1000,
    dealSizePool: [],
    lag: [1],
    leads: everyMonth(0),
    costPerLead: null,
    ...overrides,
  };
}

export function plan(segments: PlanSegment[], overrides: Partial<Plan> = {}): Plan {
  return { stages: STAGES, months: MONTHS_2026, segments, targets: {}, monthlyTargets: {}, extraLeadCaps: {}, margin: 1, ...overrides };
}
