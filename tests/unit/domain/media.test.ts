import { describe, expect, it } from 'vitest';
import { guidelineComparison, mediaFigures, orderByGuideline, rankAgainstBest } from '../../../src/domain/media';
import { DEFAULT_PIPELINE } from '../../../src/domain/pipeline';

/** A mediaFiguresSql row: `won` of `leads` won, every earlier stage reached by the won ones only. */
const row = (value: string | null, leads: number, won: number, extra: Record<string, unknown> = {}) => ({
  value,
  leads,
  reached_1: won,
  reached_2: won,
  reached_3: won,
  reached_4: won,
  revenue: won * 100,
  won_unpriced: 0,
  currencies: won > 0 ? 1 : 0,
  currency: won > 0 ? 'EUR' : null,
  cost: null,
  costed_leads: 0,
  days_to_won: null,
  ...extra,
});

describe('media figures', () => {
  it('compares each row with the best, not with its neighbour', () => {
    // 50/100 best; 45/100 overlaps it; 20/100 does not; the chain 50 → 45 → 40 would have called every step "not significant".
    const rows = [row('a', 100, 45), row('b', 100, 50), row('c', 100, 20), row('d', 0, 0)].map((r) => mediaFigures(r, DEFAULT_PIPELINE));
    const ranked = rankAgainstBest(rows);
    expect(ranked.map((r) => [r.value, r.rank, r.againstBest])).toEqual([
      ['a', 2, 'notSignificantlyBelow'],
      ['b', 1, 'best'],
      ['c', 3, 'below'],
      ['d', null, 'unknown'],
    ]);
  });

  it('gives equal rates the same rank, both best when they share the top', () => {
    const ranked = rankAgainstBest([row('a', 10, 5), row('b', 20, 10), row('c', 10, 1)].map((r) => mediaFigures(r, DEFAULT_PIPELINE)));
    expect(ranked.map((r) => [r.rank, r.againstBest])).toEqual([
      [1, 'best'],
      [1, 'best'],
      [3, 'notSignificantlyBelow'],
    ]);
  });

  it('orders the guideline’s media by qualification depth, then the data’s others by name, none last', () => {
    const values = orderByGuideline([null, 'web', 'Podcast', 'telemarketing', 'ad', 'Affiliate'].map((value) => ({ value })));
    expect(values.map((v) => v.value)).toEqual(['telemarketing', 'web', 'ad', 'Affiliate', 'Podcast', null]);
  });

  it('shows no sum of amounts in several currencies', () => {
    expect(mediaFigures(row('a', 10, 2, { currencies: 2 }), DEFAULT_PIPELINE).revenue).toBeNull();
  });
});

describe('the guideline’s order against the data', () => {
  const rows = (rates: Record<string, [number, number]>) => Object.entries(rates).map(([medium, [leads, won]]) => mediaFigures(row(medium, leads, won), DEFAULT_PIPELINE));

  it('finds no break when the data follows the guideline', () => {
    const c = guidelineComparison(rows({ telemarketing: [100, 30], event: [100, 20], web: [100, 10], Podcast: [100, 90] }), 'won', DEFAULT_PIPELINE);
    expect(c.expected).toEqual(['telemarketing', 'event', 'web']);
    expect(c.actual).toEqual(['telemarketing', 'event', 'web']);
    expect(c.breaks).toEqual([]);
  });

  it('names each pair in the wrong order, significant ones first', () => {
    // trade_fair 40/100 beats event 20/100 clearly (intervals apart); web 22/100 edges event (they overlap).
    const c = guidelineComparison(rows({ event: [100, 20], trade_fair: [100, 40], web: [100, 22] }), 'won', DEFAULT_PIPELINE);
    expect(c.actual).toEqual(['trade_fair', 'web', 'event']);
    expect(c.breaks.map((b) => [b.expectedHigher, b.higher, b.significant])).toEqual([
      ['event', 'trade_fair', true],
      ['event', 'web', false],
    ]);
    expect(c.breaks[0]!.difference).toBeCloseTo(0.2, 12);
  });

  it('checks lead → SQL on its own rate', () => {
    const sql = (medium: string, leads: number, sqls: number, won: number) => mediaFigures(row(medium, leads, won, { reached_1: sqls, reached_2: sqls }), DEFAULT_PIPELINE);
    const c = guidelineComparison([sql('telemarketing', 100, 10, 5), sql('ad', 100, 50, 1)], 'sql', DEFAULT_PIPELINE);
    expect(c.actual).toEqual(['ad', 'telemarketing']);
    expect(c.breaks[0]).toMatchObject({ expectedHigher: 'telemarketing', higher: 'ad', significant: true });
  });
});
