import { describe, expect, it } from 'vitest';
import { DEFAULT_QUALITY_SETTINGS, dimensionPoints, QUALITY_DIMENSIONS, QUALITY_RULES, rulePoints, setDimensionWeight } from '../../../src/domain/quality/rules';

describe('data-quality rule points', () => {
  it('give out exactly 100 points over the rules that count', () => {
    const sum = (points: { points: number }[]) => points.reduce((s, p) => s + p.points, 0);
    expect(sum(rulePoints())).toBeCloseTo(100, 12);
    expect(rulePoints().map((p) => p.rule.id)).toEqual(QUALITY_RULES.map((r) => r.id));
    const fewer = rulePoints({ ...DEFAULT_QUALITY_SETTINGS, rules: { never_contacted: { enabled: false }, won_without_amount: { weight: 0 } } });
    expect(sum(fewer)).toBeCloseTo(100, 12);
    expect(fewer.map((p) => p.rule.id)).not.toContain('never_contacted');
    expect(fewer.map((p) => p.rule.id)).not.toContain('won_without_amount');
  });

  it('share a dimension’s points by the rules’ weights, and the 100 by the dimensions’ weights', () => {
    const points = new Map(rulePoints({ ...DEFAULT_QUALITY_SETTINGS, dimensions: { timeliness: 2 } }).map((p) => [p.rule.id, p.points]));
    // Dimensions with rules: completeness, validity, uniqueness, consistency (1 each) and timeliness (2): 100/6 each, 200/6.
    expect(points.get('never_contacted')).toBeCloseTo(200 / 6, 12);
    expect(points.get('won_without_amount')).toBeCloseTo((100 / 6) * (2 / 3), 12);
    expect(points.get('email_missing')).toBeCloseTo((100 / 6) * (2 / 7), 12);
    expect(points.get('duplicate')).toBeCloseTo(100 / 6, 12);
  });

  it('gives no points when no rule counts', () => {
    const off = Object.fromEntries(QUALITY_RULES.map((r) => [r.id, { enabled: false }]));
    expect(rulePoints({ ...DEFAULT_QUALITY_SETTINGS, rules: off })).toEqual([]);
  });

  it('weights a dimension, leaves one at 0 out, and keeps only weights that differ from the default', () => {
    let settings = setDimensionWeight(DEFAULT_QUALITY_SETTINGS, 'timeliness', 2);
    settings = setDimensionWeight(settings, 'validity', 0);
    expect(settings.dimensions).toEqual({ timeliness: 2, validity: 0 });
    // Completeness, uniqueness, consistency at 1 and timeliness at 2 share the 100: 20 each, 40.
    expect(Object.fromEntries(dimensionPoints(settings))).toEqual({ completeness: expect.closeTo(20, 12), validity: 0, uniqueness: expect.closeTo(20, 12), consistency: expect.closeTo(20, 12), timeliness: expect.closeTo(40, 12) });
    expect(rulePoints(settings).some((p) => p.rule.dimension === 'validity')).toBe(false);
    expect(setDimensionWeight(settings, 'timeliness', 1).dimensions).toEqual({ validity: 0 });
  });

  it('gives no points when every dimension weighs 0', () => {
    const settings = QUALITY_DIMENSIONS.reduce((s, d) => setDimensionWeight(s, d, 0), DEFAULT_QUALITY_SETTINGS);
    expect(rulePoints(settings)).toEqual([]);
    expect([...dimensionPoints(settings).values()]).toEqual([0, 0, 0, 0, 0]);
  });
});
