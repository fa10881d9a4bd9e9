import { describe, expect, it } from 'vitest';
import type { PlanEdits } from '../../../../src/domain/planning/edits';
import { segmentKey } from '../../../../src/domain/planning/edits';
import type { PlanningHistory } from '../../../../src/domain/planning/history';
import {
  compareScenarios,
  decodeScenario,
  duplicateScenario,
  encodeScenario,
  fnv1a53,
  historyFingerprint,
  scenarioFigures,
  stableJson,
  validScenario,
  type LinkScenario,
  type Scenario,
} from '../../../../src/domain/planning/scenario';
import { everyMonth, plan, segment } from './planFixtures';

/** FNV-1a 64 with BigInt, the textbook way, as the reference. */
function fnv1a64Reference(text: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h;
}
const low53 = (h: bigint) => Number(h & ((1n << 53n) - 1n));

describe('fnv1a53', () => {
  it('matches the published FNV-1a 64 vectors in its low 53 bits', () => {
    expect(fnv1a64Reference('')).toBe(0xcbf29ce484222325n);
    expect(fnv1a64Reference('a')).toBe(0xaf63dc4c8601ec8cn);
    expect(fnv1a64Reference('foobar')).toBe(0x85944171f73967e8n);
    for (const text of ['', 'a', 'foobar']) expect(fnv1a53(text)).toBe(low53(fnv1a64Reference(text)));
  });

  it('matches the BigInt reference on longer and non-ASCII text', () => {
    for (const text of ['Messe München € 2026', 'x'.repeat(1000), JSON.stringify({ a: [1, 2.5, null], ü: 'ß' })]) {
      expect(fnv1a53(text)).toBe(low53(fnv1a64Reference(text)));
    }
  });
});

const history = (overrides: Partial<PlanningHistory> = {}): PlanningHistory => ({
  asOf: '2026-04-15',
  maturityDays: 90,
  matureMonths: ['2025-12'],
  currency: 'EUR',
  segments: [],
  targets: [{ unit: 'A', period: '2026-Q1', revenue: 1000, plannedLeads: null }],
  campaigns: [],
  openPipeline: [],
  actuals: [],
  ...overrides,
});

describe('historyFingerprint', () => {
  it('is the same whatever order the keys were built in, and short', () => {
    const a = history();
    const b = Object.fromEntries(Object.entries(history()).reverse()) as unknown as PlanningHistory;
    expect(stableJson(a)).toBe(stableJson(b));
    expect(historyFingerprint(a)).toBe(historyFingerprint(b));
    expect(historyFingerprint(a)).toMatch(/^[0-9a-z]{1,11}$/);
  });

  it('changes with the data', () => {
    expect(historyFingerprint(history({ asOf: '2026-04-16' }))).not.toBe(historyFingerprint(history()));
  });

  it('sorts keys at every depth', () => {
    expect(stableJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
  });
});

const edits: PlanEdits = {
  segments: { [segmentKey('web', 'Nord')]: { rates: [null, 0.3], dealSize: 1200, leadsTotal: 500 }, [segmentKey('Messe ü', '(none)')]: { lagShiftMonths: -1, costPerLead: 12.5 } },
  targets: { Nord: 250_000 },
  extraLeadCaps: { web: 100 },
  margin: 0.4,
};
const linkScenario: LinkScenario = { name: 'Mehr Messe – Plan B', edits, options: { byUnit: false, plannedLeadsFrom: 'campaigns', year: 2026 }, dataFingerprint: 'abc123' };

describe('scenario link', () => {
  it('round-trips through a URL-safe string', () => {
    const text = encodeScenario(linkScenario);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeScenario(text)).toEqual({ ok: true, scenario: linkScenario });
  });

  it('carries a link without name as name null', () => {
    const decoded = decodeScenario(encodeScenario({ ...linkScenario, name: null }));
    expect(decoded.ok && decoded.scenario.name).toBeNull();
  });

  const b64 = (json: string) => btoa(json).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

  it('refuses garbage with a reason, never throwing', () => {
    expect(decodeScenario('%%%')).toMatchObject({ ok: false, error: 'encoding' });
    expect(decodeScenario('////')).toMatchObject({ ok: false, error: 'encoding' });
    expect(decodeScenario(b64('{not json'))).toMatchObject({ ok: false, error: 'json' });
    expect(decodeScenario(b64('[1,2]'))).toMatchObject({ ok: false, error: 'shape' });
    expect(decodeScenario(b64('{"v":2,"e":{},"o":{},"f":"x"}'))).toMatchObject({ ok: false, error: 'version' });
    const valid = { v: 1, e: { segments: {}, targets: {}, extraLeadCaps: {} }, o: { byUnit: true, plannedLeadsFrom: 'auto', year: null }, f: 'x' };
    expect(decodeScenario(b64(JSON.stringify(valid)))).toMatchObject({ ok: true });
    const broken = [
      { ...valid, f: '' },
      { ...valid, e: { ...valid.e, targets: { Nord: 'viel' } } },
      { ...valid, e: { ...valid.e, segments: { notAKey: {} } } },
      { ...valid, e: { ...valid.e, segments: { '["web","A"]': { rates: ['x'] } } } },
      { ...valid, e: { ...valid.e, segments: { '["web","A"]': { hack: 1 } } } },
      { ...valid, o: { ...valid.o, plannedLeadsFrom: 'guess' } },
      { ...valid, o: { ...valid.o, year: 20.5 } },
      { ...valid, n: 5 },
    ];
    for (const value of broken) {
      const decoded = decodeScenario(b64(JSON.stringify(value)));
      expect(decoded.ok, JSON.stringify(value)).toBe(false);
      expect(!decoded.ok && decoded.error).toBe('shape');
      expect(!decoded.ok && decoded.detail.length).toBeGreaterThan(5);
    }
  });
});

describe('saved scenarios', () => {
  const saved: Scenario = { id: 's1', name: 'Basis', createdAt: '2026-04-16T08:00:00.000Z', edits, options: linkScenario.options, dataFingerprint: 'abc123' };

  it('validates what the storage held', () => {
    expect(validScenario(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
    expect(() => validScenario({ ...saved, id: '' })).toThrow(/id/);
    expect(() => validScenario({ ...saved, edits: null })).toThrow(/edits/);
  });

  it('duplicates under a new id and name, with edits of its own', () => {
    const copy = duplicateScenario(saved, { id: 's2', name: 'Basis (Kopie)', createdAt: '2026-04-17T00:00:00.000Z' });
    expect(copy).toEqual({ ...saved, id: 's2', name: 'Basis (Kopie)', createdAt: '2026-04-17T00:00:00.000Z' });
    expect(copy.edits).not.toBe(saved.edits);
    expect(copy.edits.segments[segmentKey('web', 'Nord')]).not.toBe(saved.edits.segments[segmentKey('web', 'Nord')]);
  });
});

describe('scenarioFigures and compareScenarios', () => {
  it('computes revenue, cost, ROI and gap of a plan (hand-computed)', () => {
    // 100 leads × 0.1 × 1000 = 10 000 revenue; cost 100 × 20 = 2000; margin 0.5 → ROI (5000 − 2000)/2000 = 1.5; gap 12 000 − 10 000.
    const p = plan([segment({ medium: 'web', unit: 'A', rates: [0.5, 0.5, 0.4, 1], dealSize: 1000, leads: everyMonth(100 / 12), costPerLead: 20 })], {
      targets: { A: 12_000 },
      margin: 0.5,
    });
    const f = scenarioFigures(p, 0.3);
    expect(f.revenue).toBeCloseTo(10_000, 9);
    expect(f.cost).toBeCloseTo(2000, 9);
    expect(f.roi).toBeCloseTo(1.5, 12);
    expect(f.gap).toBeCloseTo(2000, 9);
    expect(f.probability).toBe(0.3);
    const unknownCost = plan([segment({ medium: 'web', unit: 'A', leads: everyMonth(1), costPerLead: null })]);
    expect(scenarioFigures(unknownCost, null)).toMatchObject({ cost: null, roi: null, gap: null, probability: null });
  });

  it('lays scenarios side by side with differences to the first and the best marked', () => {
    const c = compareScenarios([
      { id: 'a', name: 'A', figures: { revenue: 100, cost: 50, roi: 1, probability: 0.4, gap: 20 } },
      { id: 'b', name: 'B', figures: { revenue: 130, cost: null, roi: null, probability: 0.6, gap: -10 } },
      { id: 'c', name: 'C', figures: { revenue: 90, cost: 40, roi: 1.25, probability: null, gap: 30 } },
    ]);
    expect(c.scenarios.map((s) => s.name)).toEqual(['A', 'B', 'C']);
    const row = (figure: string) => c.rows.find((r) => r.figure === figure)!;
    expect(row('revenue')).toEqual({ figure: 'revenue', values: [100, 130, 90], deltas: [0, 30, -10], best: 1 });
    expect(row('cost')).toEqual({ figure: 'cost', values: [50, null, 40], deltas: [0, null, -10], best: 2 });
    expect(row('roi').best).toBe(2);
    expect(row('probability').deltas[1]).toBeCloseTo(0.2, 12);
    expect(row('probability').deltas[2]).toBeNull();
    expect(row('gap').best).toBe(1);
    const tie = compareScenarios([
      { id: 'a', name: 'A', figures: { revenue: 1, cost: null, roi: null, probability: null, gap: null } },
      { id: 'b', name: 'B', figures: { revenue: 1, cost: null, roi: null, probability: null, gap: null } },
    ]);
    expect(tie.rows.every((r) => r.best === null)).toBe(true);
  });
});
