import { describe, expect, it } from 'vitest';
import { normalisedLag, phaseRevenue } from '../../../../src/domain/planning/phasing';
import { reverseFunnel } from '../../../../src/domain/planning/reverseFunnel';
import { MONTHS_2026, everyMonth, plan, segment } from './planFixtures';

const onlyIn = (monthIndex: number, leads: number): number[] => MONTHS_2026.map((_, i) => (i === monthIndex ? leads : 0));
// rates 0.5 · 0.5 · 0.4 · 1 = 0.1; deal 1000 → 100 revenue per lead.
const rates = [0.5, 0.5, 0.4, 1];

describe('phaseRevenue', () => {
  it('puts March revenue with a 3-month lag into June', () => {
    const result = phaseRevenue(plan([segment({ medium: 'web', unit: 'A', rates, leads: onlyIn(2, 100), lag: [0, 0, 0, 1] })]));
    expect(result.total.months).toEqual(MONTHS_2026.map((_, i) => (i === 5 ? expect.closeTo(10_000, 9) : 0)));
    expect(result.total.afterHorizon).toBe(0);
  });

  it('keeps what lands after December in its own bucket (hand-worked)', () => {
    const leads = MONTHS_2026.map((_, i) => (i === 10 ? 20 : i === 11 ? 10 : 0));
    const result = phaseRevenue(plan([segment({ medium: 'web', unit: 'A', rates, leads, lag: [0.2, 0.3, 0.5] })]));
    // November: 2000 → 400 in Nov, 600 in Dec, 1000 after; December: 1000 → 200 in Dec, 800 after.
    expect(result.total.months[10]).toBeCloseTo(400, 9);
    expect(result.total.months[11]).toBeCloseTo(800, 9);
    expect(result.total.afterHorizon).toBeCloseTo(1800, 9);
  });

  it('conserves the expected revenue per unit and in total', () => {
    const p = plan(
      [
        segment({ medium: 'web', unit: 'A', rates, leads: MONTHS_2026.map((_, i) => 10 + 7 * i), lag: [0.1, 0.2, 0.3, 0.25, 0.15] }),
        segment({ medium: 'event', unit: 'B', rates: [0.9, 0.5, 0.5, 0.3], dealSize: 2500, leads: everyMonth(13), lag: [0, 0.5, 0, 0, 0, 0, 0, 0.5] }),
      ],
      { targets: { A: 1 } },
    );
    const phased = phaseRevenue(p);
    const funnel = reverseFunnel(p);
    const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
    for (const unit of phased.units) {
      const expected = funnel.units.find((u) => u.unit === unit.unit)!.expectedRevenue;
      expect(sum(unit.months) + unit.afterHorizon).toBeCloseTo(expected, 6);
    }
    expect(sum(phased.total.months) + phased.total.afterHorizon).toBeCloseTo(funnel.total.expectedRevenue, 6);
  });

  it('rescales a lag that does not sum to 1, and treats an empty lag as "same month"', () => {
    expect(normalisedLag([1, 1])).toEqual([0.5, 0.5]);
    expect(normalisedLag([])).toEqual([1]);
    expect(normalisedLag([0, 0])).toEqual([1]);
  });
});
