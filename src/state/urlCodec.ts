import { QUALITY_LINK_KEYS, QUALITY_LINK_SYNTAX, type QualityLinkKey } from '../domain/quality/linkText';
import {
  dimensionColumn,
  extraDimension,
  FILTER_DIMENSIONS,
  isExtraDimension,
  SPLIT_DIMENSIONS,
  type FilterDimension,
  type LeadCondition,
  type LeadDimension,
  type Selection,
  type SplitBy,
  type ViewId,
} from '../domain/leadFilter';
import { isValidRange, PERIOD_PRESETS, type PeriodChoice, type PeriodPreset } from './period';
import { extraFilterDimensions, INITIAL_VIEW, type ViewState } from './viewState';

/**
 * The view state in a link: `v=1&p=ytd&m=web,event&e.Lead%20Origin=API&sp=ch&x.split.m=web`. Short
 * keys keep links short; the version lets a later format read (or knowingly ignore) an older link.
 * Anything not understood is skipped and reported, so a damaged link still opens what it can, never
 * crashes. An extra column (a header of the user's export) is keyed `e.` + its header
 * percent-encoded; whether the data has that column is checked when the data is known
 * (src/state/knownDimensions.ts), not here. `sc=` carries the Planning page's scenario (base64url).
 */
export const URL_STATE_VERSION = 1;

const DIMENSION_KEYS: Readonly<Record<FilterDimension, string>> = {
  medium: 'm',
  source: 's',
  campaign_id: 'c',
  channel: 'ch',
  sales_unit: 'su',
  region: 'r',
  owner: 'o',
  industry: 'i',
  _source: 'f',
};
/** Before an extra column's encoded header. Not `x.`: that starts a chart selection. */
const EXTRA_KEY_PREFIX = 'e.';
const PRESET_KEYS: Readonly<Record<PeriodPreset, string>> = { this_quarter: 'tq', last_quarter: 'lq', year_to_date: 'ytd', last_12_months: '12m' };
const VIEWS: readonly ViewId[] = ['funnel', 'split', 'cohorts', 'velocity', 'trend', 'media', 'quality'];

/** Percent-decoded text, or null when the escapes are broken. */
function decodeText(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** A dimension's key; encodeURIComponent leaves none of `=`, `&`, `,`, `%`, `#` or a space in a header. */
const dimensionKey = (dimension: LeadDimension): string =>
  isExtraDimension(dimension) ? `${EXTRA_KEY_PREFIX}${encodeURIComponent(dimensionColumn(dimension))}` : DIMENSION_KEYS[dimension];

function dimensionOfKey(key: string): LeadDimension | undefined {
  if (!key.startsWith(EXTRA_KEY_PREFIX)) return FILTER_DIMENSIONS.find((d) => DIMENSION_KEYS[d] === key);
  const header = decodeText(key.slice(EXTRA_KEY_PREFIX.length));
  // No column of lead_facts has an empty name or a NUL (quoteIdent refuses it).
  return header && !header.includes('\0') ? extraDimension(header) : undefined;
}

const isSplitBy = (dimension: LeadDimension): dimension is SplitBy => isExtraDimension(dimension) || (SPLIT_DIMENSIONS as readonly string[]).includes(dimension);

/** A value in a list: percent-encoded, with ',' and '!' escaped too; '!' alone is "not given". */
const encodeValue = (value: string | null) => (value === null ? '!' : encodeURIComponent(value).replace(/!/g, '%21'));
const encodeValues = (values: readonly (string | null)[]) => values.map(encodeValue).join(',');

function decodeValues(text: string): (string | null)[] | null {
  try {
    return text.split(',').map((part) => (part === '!' ? null : decodeURIComponent(part)));
  } catch {
    return null;
  }
}

const encodePeriod = (period: PeriodChoice) => ('preset' in period ? PRESET_KEYS[period.preset] : `${period.range.from}_${period.range.to}`);

function decodePeriod(text: string): PeriodChoice | null {
  const preset = PERIOD_PRESETS.find((p) => PRESET_KEYS[p] === text);
  if (preset) return { preset };
  const [from = '', to = ''] = text.split('_');
  const range = { from, to };
  return isValidRange(range) ? { range } : null;
}

function encodeCondition(condition: LeadCondition): [string, string] {
  switch (condition.kind) {
    case 'values':
      return [dimensionKey(condition.dimension), encodeValues(condition.values)];
    case 'created':
      return ['p', `${condition.range.from}_${condition.range.to}`];
    case 'reached':
      return ['st', encodeValue(condition.stage)];
  }
}

function decodeCondition(key: string, text: string): LeadCondition | null {
  if (key === 'p') {
    const period = decodePeriod(text);
    return period && 'range' in period ? { kind: 'created', range: period.range } : null;
  }
  if (key === 'st') {
    const [stage] = decodeValues(text) ?? [];
    return typeof stage === 'string' && stage ? { kind: 'reached', stage } : null;
  }
  const dimension = dimensionOfKey(key);
  const values = decodeValues(text);
  return dimension && values?.length ? { kind: 'values', dimension, values } : null;
}

/** One dimension filter as a link parameter. */
export const filterParam = (dimension: LeadDimension, values: readonly (string | null)[]): string => `${dimensionKey(dimension)}=${encodeValues(values)}`;
export const splitParam = (split: SplitBy): string => `sp=${dimensionKey(split)}`;
export function selectionParam({ source, condition }: Selection): string {
  const [key, value] = encodeCondition(condition);
  return `x.${source}.${key}=${value}`;
}

export function encodeViewState(state: ViewState): string {
  const parts = [`v=${URL_STATE_VERSION}`];
  if (state.period) parts.push(`p=${encodePeriod(state.period)}`);
  for (const dimension of [...FILTER_DIMENSIONS, ...extraFilterDimensions(state)]) {
    const values = state.values[dimension];
    if (values?.length) parts.push(filterParam(dimension, values));
  }
  if (state.split !== INITIAL_VIEW.split) parts.push(splitParam(state.split));
  for (const selection of state.selections) parts.push(selectionParam(selection));
  if (state.scenario) parts.push(`sc=${state.scenario}`);
  if (state.mediaBySource) parts.push('mg=src');
  if (state.margin !== undefined && state.margin !== 1) parts.push(`mm=${state.margin}`);
  if (state.costByDays) parts.push('ca=days');
  if (state.bubblesPerCampaign) parts.push('mb=cmp');
  if (state.attributionPerCampaign) parts.push('ab=cmp');
  for (const key of QUALITY_LINK_KEYS) if (state.quality?.[key] !== undefined) parts.push(`${key}=${state.quality[key]}`);
  return parts.join('&');
}

export interface DecodedViewState {
  readonly state: ViewState;
  /** The parameters that were skipped (unknown, malformed, or of a newer version), as written. */
  readonly ignored: readonly string[];
}

export function decodeViewState(query: string): DecodedViewState {
  const ignored: string[] = [];
  let state: ViewState = INITIAL_VIEW;
  const values: Partial<Record<LeadDimension, readonly (string | null)[]>> = {};
  const selections: Selection[] = [];
  const pairs = query.replace(/^\?/, '').split('&').filter(Boolean);
  const version = pairs.find((p) => p.startsWith('v='))?.slice(2);
  if (version !== undefined && version !== String(URL_STATE_VERSION)) return { state, ignored: pairs };
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const [key, text] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    if (key === 'v') continue;
    if (key === 'p') {
      const period = decodePeriod(text);
      if (period) state = { ...state, period };
      else ignored.push(pair);
    } else if (key === 'sp') {
      const split = dimensionOfKey(text);
      if (split && isSplitBy(split)) state = { ...state, split };
      else ignored.push(pair);
    } else if (key === 'sc') {
      // The scenario's own text is base64url (its shape is checked where it is opened).
      if (/^[A-Za-z0-9_-]+$/.test(text)) state = { ...state, scenario: text };
      else ignored.push(pair);
    } else if (key === 'mg') {
      if (text === 'src') state = { ...state, mediaBySource: true };
      else ignored.push(pair);
    } else if (key === 'mm') {
      // The margin for the ROI: a share, 0 to 10 (a link's typo is refused, not read as a margin of 0).
      const margin = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
      if (margin >= 0 && margin <= 10) state = { ...state, margin };
      else ignored.push(pair);
    } else if (key === 'ca') {
      if (text === 'days') state = { ...state, costByDays: true };
      else ignored.push(pair);
    } else if (key === 'mb' || key === 'ab') {
      if (text === 'cmp') state = { ...state, [key === 'mb' ? 'bubblesPerCampaign' : 'attributionPerCampaign']: true };
      else ignored.push(pair);
    } else if ((QUALITY_LINK_KEYS as readonly string[]).includes(key)) {
      // The Data quality settings: only their syntax here; the page reads them against its rules.
      if (QUALITY_LINK_SYNTAX[key as QualityLinkKey].test(text)) state = { ...state, quality: { ...state.quality, [key]: text } };
      else ignored.push(pair);
    } else if (key.startsWith('x.')) {
      // x.<view>.<condition key>; the condition key may hold dots of its own (an extra column's header).
      const rest = key.slice(2);
      const dot = rest.indexOf('.');
      const view = VIEWS.find((v) => v === (dot < 0 ? rest : rest.slice(0, dot)));
      const condition = dot < 0 ? null : decodeCondition(rest.slice(dot + 1), text);
      if (view && condition && !selections.some((s) => s.source === view)) selections.push({ source: view, condition });
      else ignored.push(pair);
    } else {
      const dimension = dimensionOfKey(key);
      const list = decodeValues(text);
      if (dimension && list?.length && !(list.length === 1 && list[0] === '')) values[dimension] = [...new Set(list)];
      else ignored.push(pair);
    }
  }
  return { state: { ...state, values, selections }, ignored };
}
