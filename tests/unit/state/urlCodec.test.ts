import { describe, expect, it } from 'vitest';
import { decodeViewState, encodeViewState } from '../../../src/state/urlCodec';
import { clearAll, INITIAL_VIEW, select, setMediaSettings, setPeriod, setQualityLink, setScenario, setSplit, setValues, type ViewState } from '../../../src/state/viewState';
import { DEFAULT_QUALITY_SETTINGS, setDimensionWeight, setRule } from '../../../src/domain/quality/rules';
import { qualityLinkOf, settingsOfLink } from '../../../src/domain/quality/settingsLink';

const roundTrip = (state: ViewState) => decodeViewState(encodeViewState(state));

describe('the view state in a link', () => {
  it('writes the initial view as the version alone', () => {
    expect(encodeViewState(INITIAL_VIEW)).toBe('v=1');
    expect(decodeViewState('v=1')).toEqual({ state: INITIAL_VIEW, ignored: [] });
  });

  it('keeps filters, period, split and selections through a round trip', () => {
    let state = setValues(INITIAL_VIEW, 'medium', ['web', 'event']);
    state = setValues(state, 'owner', ["O'Brien, Anna", null, 'x!y&z=1']);
    state = setPeriod(state, { preset: 'year_to_date' });
    state = setSplit(state, 'channel');
    state = select(state, { source: 'split', condition: { kind: 'values', dimension: 'medium', values: ['web'] } });
    state = select(state, { source: 'trend', condition: { kind: 'created', range: { from: '2025-01-01', to: '2025-03-31' } } });
    state = select(state, { source: 'funnel', condition: { kind: 'reached', stage: 'sql' } });
    const link = encodeViewState(state);
    expect(link).toBe(
      'v=1&p=ytd&m=web,event&o=O\'Brien%2C%20Anna,!,x%21y%26z%3D1&sp=ch&x.split.m=web&x.trend.p=2025-01-01_2025-03-31&x.funnel.st=sql',
    );
    expect(roundTrip(state)).toEqual({ state, ignored: [] });
  });

  it('keeps a custom period', () => {
    const state = setPeriod(INITIAL_VIEW, { range: { from: '2024-11-01', to: '2025-02-28' } });
    expect(roundTrip(state).state).toEqual(state);
  });

  it('skips what it does not understand, reports it, and keeps the rest', () => {
    const decoded = decodeViewState('v=1&m=web&zz=1&p=2025-02-30_2025-03-01&sp=industry&x.nope.m=web&x.split.q=1&o=%E0%A4%A');
    expect(decoded.state).toEqual(setValues(INITIAL_VIEW, 'medium', ['web']));
    expect(decoded.ignored).toEqual(['zz=1', 'p=2025-02-30_2025-03-01', 'sp=industry', 'x.nope.m=web', 'x.split.q=1', 'o=%E0%A4%A']);
  });

  it('carries the planning scenario as sc= beside the filters, and skips one that is not base64url', () => {
    const state = setScenario(setValues(INITIAL_VIEW, 'medium', ['web']), 'eyJ2IjoxfQ-_x');
    expect(encodeViewState(state)).toBe('v=1&m=web&sc=eyJ2IjoxfQ-_x');
    expect(roundTrip(state)).toEqual({ state, ignored: [] });
    expect(decodeViewState('v=1&sc=a%20b')).toEqual({ state: INITIAL_VIEW, ignored: ['sc=a%20b'] });
    expect(decodeViewState('v=1&sc=')).toEqual({ state: INITIAL_VIEW, ignored: ['sc='] });
    expect(setScenario(state, null)).toEqual(setValues(INITIAL_VIEW, 'medium', ['web']));
    expect('scenario' in setScenario(state, null)).toBe(false);
    expect(clearAll(state)).toEqual(setScenario(INITIAL_VIEW, 'eyJ2IjoxfQ-_x'));
  });

  it('carries the Media page’s grouping, margin and cost allocation, leaves the defaults out, and refuses a margin it cannot read', () => {
    const state = setMediaSettings(setMediaSettings(setMediaSettings(INITIAL_VIEW, { bySource: true }), { margin: 0.35 }), { costByDays: true });
    const query = encodeViewState(state);
    expect(query).toBe('v=1&mg=src&mm=0.35&ca=days');
    expect(decodeViewState(query)).toEqual({ state: { ...INITIAL_VIEW, mediaBySource: true, margin: 0.35, costByDays: true }, ignored: [] });
    expect(encodeViewState(setMediaSettings(state, { bySource: false, margin: 1, costByDays: false }))).toBe('v=1');
    expect(decodeViewState('v=1&mm=-1&mm=abc&mm=11&mg=x&ca=weeks')).toEqual({ state: INITIAL_VIEW, ignored: ['mm=-1', 'mm=abc', 'mm=11', 'mg=x', 'ca=weeks'] });
  });

  it('carries the Media page’s bubbles and attribution per campaign', () => {
    const state = setMediaSettings(INITIAL_VIEW, { bubblesPerCampaign: true, attributionPerCampaign: true });
    expect(encodeViewState(state)).toBe('v=1&mb=cmp&ab=cmp');
    expect(decodeViewState('v=1&mb=cmp&ab=cmp')).toEqual({ state, ignored: [] });
    expect(encodeViewState(setMediaSettings(state, { bubblesPerCampaign: false, attributionPerCampaign: false }))).toBe('v=1');
    expect(decodeViewState('v=1&mb=x').ignored).toEqual(['mb=x']);
  });

  it('carries the Data quality rules switched off, their weights and the dead-file days, and only what differs', () => {
    let quality = setRule(DEFAULT_QUALITY_SETTINGS, 'phone_missing', { enabled: false });
    quality = setRule(quality, 'email_missing', { weight: 5 });
    const state = setQualityLink(INITIAL_VIEW, qualityLinkOf({ ...quality, deadFileDays: 45 }));
    expect(encodeViewState(state)).toBe('v=1&qd=45&qo=phone_missing&qw=email_missing:5');
    const decoded = decodeViewState('v=1&qd=45&qo=phone_missing&qw=email_missing:5');
    expect(decoded).toEqual({ state, ignored: [] });
    expect(settingsOfLink(decoded.state.quality)).toEqual({ settings: { ...quality, deadFileDays: 45 }, ignored: [] });
    // Back at the defaults, nothing is left in the link.
    const back = setRule(setRule(quality, 'phone_missing', { enabled: true }), 'email_missing', { weight: 2 });
    expect(encodeViewState(setQualityLink(state, qualityLinkOf({ ...back, deadFileDays: 30 })))).toBe('v=1');
    // The link's syntax is checked with the link; the rules and ranges by the page, which says what it could not read.
    expect(decodeViewState('v=1&qd=x&qo=Bad-Id&qw=email_missing').ignored).toEqual(['qd=x', 'qo=Bad-Id', 'qw=email_missing']);
    expect(settingsOfLink({ qd: '0', qo: 'nonsense,phone_missing', qw: 'email_missing:11,company_missing:3' })).toEqual({
      settings: setRule(setRule(DEFAULT_QUALITY_SETTINGS, 'phone_missing', { enabled: false }), 'company_missing', { weight: 3 }),
      ignored: ['qd=0', 'qo=nonsense', 'qw=email_missing:11'],
    });
    // The dimensions' weights: qm, with the same checks.
    expect(encodeViewState(setQualityLink(INITIAL_VIEW, qualityLinkOf(setDimensionWeight(DEFAULT_QUALITY_SETTINGS, 'timeliness', 3))))).toBe('v=1&qm=timeliness:3');
    expect(decodeViewState('v=1&qm=Timeliness').ignored).toEqual(['qm=Timeliness']);
    expect(settingsOfLink({ qm: 'timeliness:11,uniqueness:0,speed:2' })).toEqual({ settings: setDimensionWeight(DEFAULT_QUALITY_SETTINGS, 'uniqueness', 0), ignored: ['qm=timeliness:11', 'qm=speed:2'] });
  });

  it('ignores a link of another version as a whole rather than misreading it', () => {
    expect(decodeViewState('v=2&m=web')).toEqual({ state: INITIAL_VIEW, ignored: ['v=2', 'm=web'] });
  });
});

describe('view state transitions', () => {
  it('clears a chart selection when the same element is clicked again', () => {
    const selection = { source: 'split', condition: { kind: 'values', dimension: 'medium', values: ['web'] } } as const;
    const once = select(INITIAL_VIEW, selection);
    expect(once.selections).toEqual([selection]);
    expect(select(once, selection).selections).toEqual([]);
  });

  it('removes a dimension filter when its values are emptied', () => {
    expect(setValues(setValues(INITIAL_VIEW, 'medium', ['web']), 'medium', []).values).toEqual({});
  });
});
