import { describe, expect, it } from 'vitest';
import { sensitivity } from '../../../../src/domain/planning/sensitivity';
import { everyMonth, plan, segment } from './planFixtures';

// web: 1200 leads × 0.05 × 10,000 = 600,000; event: 120 leads × 0.1 × 20,000 = 240,000; base 840,000.
const example = plan([
  segment({ medium: 'web', unit: 'A', rates: [0.5, 0.4, 0.5, 0.5], dealSize: 10_000, leads: everyMonth(100) }),
  segment({ medium: 'event', unit: 'A', rates: [0.8, 0.5, 0.5, 0.5], dealSize: 20_000, leads: everyMonth(10) }),
]);

describe('sensitivity', () => {
  it('moves revenue up with every input and ranks by swing (hand-computed)', () => {
    const result = sensitivity(example);
    expect(result.base).toBeCloseTo(840_000, 6);
    const describeBar = (b: (typeof result.bars)[number]) => (b.input.kind === 'volume' ? `volume:${b.input.medium}` : b.input.kind === 'rate' ? `rate:${b.input.step}` : 'dealSize');
    // Each rate and the deal size: 840,000 × 0.9 / × 1.1 → swing 168,000; web volume 120,000; event volume 48,000.
    expect(result.bars.map(describeBar)).toEqual(['rate:0', 'rate:1', 'rate:2', 'rate:3', 'dealSize', 'volume:web', 'volume:event']);
    const byName = Object.fromEntries(result.bars.map((b) => [describeBar(b), b]));
    expect(byName['rate:2']).toMatchObject({ low: expect.closeTo(756_000, 6), high: expect.closeTo(924_000, 6), swing: expect.closeTo(168_000, 6) });
    expect(byName['volume:web']).toMatchObject({ low: expect.closeTo(780_000, 6), high: expect.closeTo(900_000, 6) });
    expect(byName['volume:event']).toMatchObject({ low: expect.closeTo(816_000, 6), high: expect.closeTo(864_000, 6) });
    for (const bar of result.bars) expect(bar.high).toBeGreaterThan(bar.low);
  });

  it('caps a rate at 100 %, which makes its bar asymmetric', () => {
    const nearOne = plan([segment({ medium: 'web', unit: 'A', rates: [0.95, 1, 1, 1], dealSize: 1000, leads: everyMonth(10) })]);
    const bar = sensitivity(nearOne, { delta: 0.1 }).bars.find((b) => b.input.kind === 'rate' && b.input.step === 0)!;
    expect(bar.low).toBeCloseTo(120 * 0.855 * 1000, 6);
    expect(bar.high).toBeCloseTo(120 * 1 * 1000, 6);
  });

  it('takes a configurable delta and one unit', () => {
    const result = sensitivity(example, { delta: 0.2, unit: 'A' });
    expect(result.bars.find((b) => b.input.kind === 'dealSize')).toMatchObject({ low: expect.closeTo(672_000, 6), high: expect.closeTo(1_008_000, 6) });
    expect(sensitivity(example, { unit: 'nobody' }).base).toBe(0);
  });
});
