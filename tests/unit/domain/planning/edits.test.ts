import { describe, expect, it } from 'vitest';
import { applyEdits, NO_EDITS, segmentKey, shiftLag, unmatchedEdits } from '../../../../src/domain/planning/edits';
import { everyMonth, plan, segment } from './planFixtures';

const defaults = plan(
  [
    segment({ medium: 'Events', unit: 'North', leads: [10, 20, 30, 40, 0, 0, 0, 0, 0, 0, 0, 0], lag: [0.5, 0.5] }),
    segment({ medium: 'Web', unit: 'North', leads: everyMonth(0), costPerLead: 12 }),
  ],
  { targets: { North: 50_000 } },
);

describe('applyEdits', () => {
  it('keeps the defaults without edits', () => {
    expect(applyEdits(defaults, NO_EDITS)).toEqual(defaults);
  });

  it('changes one step rate, the deal size, the cost and the target, and keeps the rest', () => {
    const edited = applyEdits(defaults, {
      segments: { [segmentKey('Events', 'North')]: { rates: [null, 0.25], dealSize: 2000, costPerLead: 80 } },
      targets: { North: 70_000, South: 10_000 },
      extraLeadCaps: { Web: 100 },
      margin: 0.4,
    });
    expect(edited.segments[0]!.rates).toEqual([0.5, 0.25, 0.5, 0.5]);
    expect(edited.segments[0]!.dealSize).toBe(2000);
    expect(edited.segments[0]!.costPerLead).toBe(80);
    expect(edited.segments[1]).toEqual(defaults.segments[1]);
    expect(edited.targets).toEqual({ North: 70_000, South: 10_000 });
    expect(edited.extraLeadCaps).toEqual({ Web: 100 });
    expect(edited.margin).toBe(0.4);
  });

  it('scales planned leads to a new total and keeps their months (10:20:30:40)', () => {
    const edited = applyEdits(defaults, { ...NO_EDITS, segments: { [segmentKey('Events', 'North')]: { leadsTotal: 200 } } });
    expect(edited.segments[0]!.leads.slice(0, 4)).toEqual([20, 40, 60, 80]);
    // A segment planned at zero: spread evenly.
    const web = applyEdits(defaults, { ...NO_EDITS, segments: { [segmentKey('Web', 'North')]: { leadsTotal: 120 } } });
    expect(web.segments[1]!.leads).toEqual(everyMonth(10));
  });

  it('clamps rates to [0, 1] and amounts at 0, and ignores non-numbers', () => {
    const edited = applyEdits(defaults, { ...NO_EDITS, segments: { [segmentKey('Events', 'North')]: { rates: [1.5, -1, Number.NaN], dealSize: -5 } } });
    expect(edited.segments[0]!.rates).toEqual([1, 0, 0.5, 0.5]);
    expect(edited.segments[0]!.dealSize).toBe(0);
  });

  it('moves the lag by whole months and names edits for segments the data lacks', () => {
    expect(shiftLag([0.5, 0.5], 2)).toEqual([0, 0, 0.5, 0.5]);
    expect(shiftLag([0.2, 0.3, 0.5], -1)).toEqual([0.5, 0.5, 0]);
    expect(applyEdits(defaults, { ...NO_EDITS, segments: { [segmentKey('Events', 'North')]: { lagShiftMonths: 1 } } }).segments[0]!.lag).toEqual([0, 0.5, 0.5]);
    expect(unmatchedEdits(defaults, { ...NO_EDITS, segments: { [segmentKey('Radio', 'North')]: { dealSize: 1 } } })).toEqual([segmentKey('Radio', 'North')]);
  });
});
