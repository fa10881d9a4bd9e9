import { describe, expect, it } from 'vitest';
import { reverseFunnel } from '../../../../src/domain/planning/reverseFunnel';
import { everyMonth, plan, segment } from './planFixtures';

// Unit A: web 100 leads/month at 0.5·0.4·0.5·0.5 = 0.05 and 10,000 per deal → 1200 leads, 60 won, 600,000;
//         event 10 leads/month at 0.8·0.5·0.5·0.5 = 0.1 and 20,000 → 120 leads, 12 won, 240,000.
// Unit B: web 50 leads/month at 0.05 and 8,000 → 600 leads, 30 won, 240,000; no target, no cost per lead.
const example = plan(
  [
    segment({ medium: 'web', unit: 'A', rates: [0.5, 0.4, 0.5, 0.5], dealSize: 10_000, leads: everyMonth(100), costPerLead: 20 }),
    segment({ medium: 'event', unit: 'A', rates: [0.8, 0.5, 0.5, 0.5], dealSize: 20_000, leads: everyMonth(10), costPerLead: 100 }),
    segment({ medium: 'web', unit: 'B', rates: [0.5, 0.4, 0.5, 0.5], dealSize: 8_000, leads: everyMonth(50) }),
  ],
  { targets: { A: 1_260_000 } },
);

describe('reverseFunnel', () => {
  it('needs target ÷ (deal size × lead→won rate) leads for a single segment', () => {
    const single = plan([segment({ medium: 'web', unit: 'A', rates: [0.5, 0.4, 0.5, 0.5], dealSize: 10_000, leads: everyMonth(100) })], {
      targets: { A: 1_000_000 },
    });
    const unit = reverseFunnel(single).units[0]!;
    expect(unit.requiredLeads).toBeCloseTo(1_000_000 / (10_000 * 0.05), 9); // 2000
    expect(unit.expectedRevenue).toBeCloseTo(1200 * 0.05 * 10_000, 6); // 600,000
    expect(unit.gapLeads).toBeCloseTo(800, 9);
    expect(unit.gapRevenue).toBeCloseTo(400_000, 6);
  });

  it('sums leads × rate × deal size and blends rate and deal size by planned leads per unit', () => {
    const result = reverseFunnel(example);
    const a = result.units.find((u) => u.unit === 'A')!;
    expect(a.plannedLeads).toBe(1320);
    expect(a.expectedWon).toBeCloseTo(72, 9);
    expect(a.expectedRevenue).toBeCloseTo(840_000, 6);
    expect(a.leadToWon).toBeCloseTo(72 / 1320, 12);
    expect(a.dealSize).toBeCloseTo(840_000 / 72, 9);
    // 1,260,000 ÷ (840,000/72 × 72/1320) = 1,260,000 ÷ 636.36… = 1980: the mix scaled by 1.5.
    expect(a.requiredLeads).toBeCloseTo(1980, 9);
    expect(a.planned).toEqual([1320, 696, 288, 144, 72].map((n) => expect.closeTo(n, 9)));
    expect(a.required).toEqual([1980, 1044, 432, 216, 108].map((n) => expect.closeTo(n, 9)));
    expect(a.gapLeads).toBeCloseTo(660, 9);
    expect(a.gapRevenue).toBeCloseTo(420_000, 6);
    expect(a.cost).toBeCloseTo(1200 * 20 + 120 * 100, 9); // 36,000
    expect(a.requiredCost).toBeCloseTo(54_000, 6);
    expect(a.roi).toBeCloseTo((840_000 - 36_000) / 36_000, 9);
  });

  it('scales required counts per segment like its unit', () => {
    const result = reverseFunnel(example);
    expect(result.segments[0]!.required).toEqual([1800, 900, 360, 180, 90].map((n) => expect.closeTo(n, 9)));
    expect(result.segments[1]!.required).toEqual([180, 144, 72, 36, 18].map((n) => expect.closeTo(n, 9)));
    expect(result.segments[2]!.required).toBeNull();
  });

  it('has no requirement, cost or ROI where target or cost per lead is unknown', () => {
    const b = reverseFunnel(example).units.find((u) => u.unit === 'B')!;
    expect(b.target).toBeNull();
    expect(b.requiredLeads).toBeNull();
    expect(b.gapRevenue).toBeNull();
    expect(b.cost).toBeNull();
    expect(b.leadsWithoutCost).toBe(600);
    expect(b.roi).toBeNull();
    expect(b.expectedRevenue).toBeCloseTo(240_000, 6);
  });

  it('applies the same formulas to the total', () => {
    const total = reverseFunnel(example).total;
    expect(total.target).toBe(1_260_000);
    expect(total.expectedRevenue).toBeCloseTo(1_080_000, 6);
    expect(total.plannedLeads).toBe(1920);
    expect(total.requiredLeads).toBeCloseTo(1_260_000 / (1_080_000 / 1920), 9); // 2240
    expect(total.cost).toBeNull();
    expect(total.roi).toBeNull();
  });

  it('uses the margin in ROI and gives no ROI for zero cost', () => {
    const halfMargin = reverseFunnel({ ...example, margin: 0.5 }).units[0]!;
    expect(halfMargin.roi).toBeCloseTo((420_000 - 36_000) / 36_000, 9);
    const free = plan([segment({ medium: 'web', unit: 'A', leads: everyMonth(1), costPerLead: 0 })]);
    expect(reverseFunnel(free).total.roi).toBeNull();
  });
});
