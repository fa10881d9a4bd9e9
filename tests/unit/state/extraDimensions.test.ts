import { describe, expect, it } from 'vitest';
import { extraDimension, extraLeadColumns, type ExtraDimension } from '../../../src/domain/leadFilter';
import { namesExtraDimensions, withKnownExtras } from '../../../src/state/knownDimensions';
import { decodeViewState, encodeViewState } from '../../../src/state/urlCodec';
import { INITIAL_VIEW, globalFilter, select, setSplit, setValues, type ViewState } from '../../../src/state/viewState';

const roundTrip = (state: ViewState) => decodeViewState(encodeViewState(state));

/** Headers an export may have: every character a link or SQL treats specially, and non-ASCII. */
const AWKWARD = ['Lead "Origin", 2', 'a=b&c', 'x.split.m', 'Größe (m²) – 50%', "O'Brien's #1!", ' padded ', 'e.', '日本語'];

describe('source and extra columns in a link', () => {
  it('writes source under its own short key and reads old links as before', () => {
    const state = setValues(INITIAL_VIEW, 'source', ['organic_search', 'Google Ads']);
    expect(encodeViewState(state)).toBe('v=1&s=organic_search,Google%20Ads');
    expect(roundTrip(setSplit(state, 'source'))).toEqual({ state: setSplit(state, 'source'), ignored: [] });
    // A link written before extra columns existed reads exactly as it did.
    const old = decodeViewState('v=1&m=web&sp=r&x.split.m=web');
    expect(old.ignored).toEqual([]);
    expect(old.state).toEqual(select(setSplit(setValues(INITIAL_VIEW, 'medium', ['web']), 'region'), { source: 'split', condition: { kind: 'values', dimension: 'medium', values: ['web'] } }));
  });

  it.each(AWKWARD)('keeps a filter, a split and a selection on the extra column %j through a round trip', (header) => {
    const dimension = extraDimension(header);
    let state = setValues(INITIAL_VIEW, 'medium', ['web']);
    state = setValues(state, dimension, ['a,b', null, 'c=d&e', '!', 'ü "q"']);
    state = setSplit(state, dimension);
    state = select(state, { source: 'split', condition: { kind: 'values', dimension, values: ['x y'] } });
    const link = encodeViewState(state);
    // Nothing of the header is left that would end a key or a parameter.
    for (const part of link.split('&')) expect(part.split('=').length, part).toBe(2);
    expect(roundTrip(state)).toEqual({ state, ignored: [] });
  });

  it('writes an extra column percent-encoded after e., fixed dimensions first', () => {
    let state = setValues(INITIAL_VIEW, extraDimension('Lead "Origin", 2'), ['API']);
    state = setValues(state, 'owner', ['Anna']);
    state = setSplit(state, extraDimension('Größe'));
    expect(encodeViewState(state)).toBe('v=1&o=Anna&e.Lead%20%22Origin%22%2C%202=API&sp=e.Gr%C3%B6%C3%9Fe');
  });

  it('keeps several extra columns in the order they were set', () => {
    let state = setValues(INITIAL_VIEW, extraDimension('b'), ['1']);
    state = setValues(state, extraDimension('a'), ['2']);
    expect(encodeViewState(state)).toBe('v=1&e.b=1&e.a=2');
    expect(globalFilter(roundTrip(state).state, '2025-06-01')).toEqual([
      { kind: 'values', dimension: 'x:b', values: ['1'] },
      { kind: 'values', dimension: 'x:a', values: ['2'] },
    ]);
  });

  it('skips an extra key with broken escapes, no name or a NUL, and reports it', () => {
    const decoded = decodeViewState('v=1&e.%E0%A4%A=1&e.=2&e.a%00b=3&sp=e.&x.split.e.=4&e.ok=5');
    expect(decoded.state).toEqual(setValues(INITIAL_VIEW, extraDimension('ok'), ['5']));
    expect(decoded.ignored).toEqual(['e.%E0%A4%A=1', 'e.=2', 'e.a%00b=3', 'sp=e.', 'x.split.e.=4']);
  });
});

describe('extra columns the data does not have', () => {
  const origin = extraDimension('Lead "Origin", 2');
  const gone = extraDimension('a=b&c');
  let state = setValues(INITIAL_VIEW, 'medium', ['web']);
  state = setValues(state, origin, ['API']);
  state = setValues(state, gone, ['x']);
  state = setSplit(state, gone);
  state = select(state, { source: 'trend', condition: { kind: 'values', dimension: gone, values: [null] } });

  it('are dropped and reported as the link parameters that named them', () => {
    expect(namesExtraDimensions(state)).toBe(true);
    const known = withKnownExtras(state, [origin]);
    expect(known.state).toEqual({ ...setValues(setValues(INITIAL_VIEW, 'medium', ['web']), origin, ['API']) });
    expect(known.dropped).toEqual(['e.a%3Db%26c=x', 'x.trend.e.a%3Db%26c=!', 'sp=e.a%3Db%26c']);
    expect(namesExtraDimensions(known.state)).toBe(true);
  });

  it('leave the state as it is (the same object) when every column is known', () => {
    const known: ExtraDimension[] = [origin, gone];
    expect(withKnownExtras(state, known)).toEqual({ state, dropped: [] });
    expect(withKnownExtras(state, known).state).toBe(state);
  });

  it('are all dropped while no column is known, fixed dimensions kept', () => {
    const none = withKnownExtras(state, []).state;
    expect(none).toEqual(setValues(INITIAL_VIEW, 'medium', ['web']));
    expect(namesExtraDimensions(none)).toBe(false);
  });
});

describe('the extra columns of lead_facts', () => {
  it('are its columns but the canonical ones and _source/_line, in any case', () => {
    const columns = ['lead_id', 'Lead "Origin", 2', 'medium', 'source', 'MEDIUM', '_source', '_line', 'regional_office', 'R'].map((name) => ({ name, type: 'VARCHAR' }));
    expect(extraLeadColumns(columns).map((c) => c.name)).toEqual(['Lead "Origin", 2', 'regional_office', 'R']);
  });
});
