import { describe, expect, it } from 'vitest';
import { planFigures, mediumFilterOf, monthlyTargets } from '../../../../src/ui/pages/planning/planFigures';
import { amountScale, niceStep } from '../../../../src/ui/pages/planning/sliderScale';
import { everyMonth, MONTHS_2026, plan, segment } from '../../domain/planning/planFixtures';

describe('monthly targets of the revenue-by-month chart', () => {
  it('follow the targets table by month, rescaled to an edited total; a typed-in target is spread evenly', () => {
    const p = plan([segment({ medium: 'web', unit: 'North' })], {
      targets: { North: 200, South: 120 },
      monthlyTargets: { North: { '2026-01': 50, '2026-02': 50 } },
    });
    const months = monthlyTargets(p)!;
    expect(months[0]).toBeCloseTo(100 + 10, 9);
    expect(months[1]).toBeCloseTo(100 + 10, 9);
    expect(months[2]).toBeCloseTo(10, 9);
    expect(months.reduce((a, b) => a + b, 0)).toBeCloseTo(320, 9);
    expect(months).toHaveLength(MONTHS_2026.length);
  });

  it('are null without any target', () => {
    expect(monthlyTargets(plan([segment({ medium: 'web', unit: 'North' })]))).toBeNull();
  });
});

describe('planFigures', () => {
  it('closes a gap with the cheapest mix and conserves revenue across months and after the year', () => {
    const p = plan([segment({ medium: 'web', unit: 'North', leads: everyMonth(10), lag: [0, 0, 1], costPerLead: 10 })], { targets: { North: 10_000 } });
    const figures = planFigures(p);
    // 120 leads × 0.0625 × 1000 = 7,500 expected; gap 2,500 = 40 extra leads at 62.5 each.
    expect(figures.funnel.total.expectedRevenue).toBeCloseTo(7500, 9);
    expect(figures.mix.allocations[0]!.leads).toBeCloseTo(40, 9);
    expect(figures.mix.cost).toBeCloseTo(400, 9);
    expect(figures.phasing.total.months.reduce((a, b) => a + b, 0) + figures.phasing.total.afterHorizon).toBeCloseTo(7500, 9);
    expect(figures.phasing.total.afterHorizon).toBeCloseTo(1250, 9);
  });
});

describe('mediumFilterOf', () => {
  it('lists the media a filter narrows to, none without a medium filter', () => {
    expect(mediumFilterOf([])).toBeNull();
    expect(mediumFilterOf([{ kind: 'values', dimension: 'owner', values: ['A'] }])).toBeNull();
    expect(mediumFilterOf([{ kind: 'values', dimension: 'medium', values: ['web', null] }])).toEqual(['web', null]);
  });
});

describe('slider scales', () => {
  it('move in round steps of 1, 2 or 5 × 10^k', () => {
    expect(niceStep(300)).toBe(1);
    expect(niceStep(3000)).toBe(10);
    expect(niceStep(4500)).toBe(20);
    expect(niceStep(130_000)).toBe(500);
    expect(niceStep(0)).toBe(1);
  });

  it('reach three times the default, or a typed-in value beyond it', () => {
    expect(amountScale(1000, 1000, 100)).toEqual({ min: 0, max: 3000, step: 10 });
    expect(amountScale(1000, 9000, 100).max).toBeGreaterThanOrEqual(9000);
    expect(amountScale(null, null, 100)).toEqual({ min: 0, max: 100, step: 1 });
  });
});
