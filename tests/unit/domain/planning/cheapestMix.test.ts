import { describe, expect, it } from 'vitest';
import { cheapestMix, cheapestMixForPlan, mediumOffers, type MediumOffer } from '../../../../src/domain/planning/cheapestMix';
import { everyMonth, plan, segment } from './planFixtures';

// Cost per revenue euro: B 2/50 = 0.04, A 10/100 = 0.1, C 40/200 = 0.2; D has no cost per lead.
const offers: MediumOffer[] = [
  { medium: 'A', revenuePerLead: 100, costPerLead: 10, cap: 50 },
  { medium: 'B', revenuePerLead: 50, costPerLead: 2, cap: 100 },
  { medium: 'C', revenuePerLead: 200, costPerLead: 40, cap: null },
  { medium: 'D', revenuePerLead: 500, costPerLead: null, cap: null },
];

describe('cheapestMix', () => {
  it('fills the cheapest media per revenue euro first, each up to its cap (hand-solved)', () => {
    // 12,000 gap: B 100 leads (5000, cost 200), A 50 leads (5000, cost 500), C 10 leads (2000, cost 400).
    const mix = cheapestMix(offers, 12_000);
    expect(mix.allocations.map((a) => [a.medium, a.leads, a.cost])).toEqual([
      ['B', 100, 200],
      ['A', 50, 500],
      ['C', expect.closeTo(10, 9), expect.closeTo(400, 9)],
    ]);
    expect(mix.cost).toBeCloseTo(1100, 9);
    expect(mix.gapLeft).toBe(0);
    expect(mix.revenueAdded).toBeCloseTo(12_000, 9);
    expect(mix.unusable).toEqual([{ medium: 'D', reason: 'noCostPerLead' }]);
  });

  it('stops inside the cheapest medium when it alone closes the gap', () => {
    const mix = cheapestMix(offers, 1000);
    expect(mix.allocations).toEqual([{ medium: 'B', leads: 20, cost: 40, revenue: 1000 }]);
  });

  it('reports the gap the caps leave open', () => {
    const capped = offers.map((o) => (o.medium === 'C' ? { ...o, cap: 5 } : o));
    const mix = cheapestMix(capped, 12_000);
    // B 5000 + A 5000 + C 5 × 200 = 11,000; cost 200 + 500 + 200.
    expect(mix.gapLeft).toBeCloseTo(1000, 9);
    expect(mix.revenueAdded).toBeCloseTo(11_000, 9);
    expect(mix.cost).toBeCloseTo(900, 9);
  });

  it('buys nothing for no gap, and skips media without revenue', () => {
    expect(cheapestMix(offers, -5).allocations).toEqual([]);
    expect(cheapestMix([{ medium: 'E', revenuePerLead: 0, costPerLead: 1, cap: null }], 100)).toMatchObject({
      gapLeft: 100,
      unusable: [{ medium: 'E', reason: 'noRevenue' }],
    });
  });
});

describe('mediumOffers', () => {
  it("weights a medium's revenue and cost per lead by its segments' planned leads", () => {
    const p = plan(
      [
        // 0.05 × 10,000 = 500 per lead, 30 leads/month; 0.1 × 10,000 = 1000 per lead, 10 leads/month.
        segment({ medium: 'web', unit: 'A', rates: [0.5, 0.4, 0.5, 0.5], dealSize: 10_000, leads: everyMonth(30), costPerLead: 20 }),
        segment({ medium: 'web', unit: 'B', rates: [0.8, 0.5, 0.5, 0.5], dealSize: 10_000, leads: everyMonth(10), costPerLead: 40 }),
        segment({ medium: 'ad', unit: 'A', rates: [0.5, 0.5, 0.5, 0.5], dealSize: 1000, leads: everyMonth(10) }),
      ],
      { extraLeadCaps: { web: 100 } },
    );
    expect(mediumOffers(p)).toEqual([
      { medium: 'web', revenuePerLead: expect.closeTo((30 * 500 + 10 * 1000) / 40, 9), costPerLead: expect.closeTo((30 * 20 + 10 * 40) / 40, 9), cap: 100 },
      { medium: 'ad', revenuePerLead: expect.closeTo(62.5, 9), costPerLead: null, cap: null },
    ]);
    expect(mediumOffers(p, 'B')).toEqual([{ medium: 'web', revenuePerLead: expect.closeTo(1000, 9), costPerLead: 40, cap: 100 }]);
    // 625 per lead at 25 per lead: a 10,000 gap needs 16 web leads.
    expect(cheapestMixForPlan(p, 10_000).allocations).toEqual([{ medium: 'web', leads: expect.closeTo(16, 9), cost: expect.closeTo(400, 9), revenue: 10_000 }]);
  });
});
