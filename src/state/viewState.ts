import { FILTER_DIMENSIONS, isExtraDimension, type ExtraDimension, type LeadDimension, type LeadFilter, type Selection, type SplitBy, type ViewId } from '../domain/leadFilter';
import type { QualityLink } from '../domain/quality/linkText';
import { resolvePeriod, type PeriodChoice } from './period';

/**
 * What the user looks at, as plain data (TanStack-style: state in, pure transitions out): the
 * global filters every page shares, the selections clicked in charts, and the split dimension.
 */
export interface ViewState {
  readonly period: PeriodChoice | null;
  /** Values per dimension: the fixed ones and extra columns (`x:<header>`), in the order they were set. */
  readonly values: Readonly<Partial<Record<LeadDimension, readonly (string | null)[]>>>;
  readonly selections: readonly Selection[];
  readonly split: SplitBy;
  /**
   * The Planning page's scenario as its link text (src/domain/planning/scenario.ts encodeScenario):
   * carried like the filters so a sent link opens the same plan; read and checked by the page, not here.
   */
  readonly scenario?: string;
  /** The Media & campaigns page's rows (per raw source; absent: per medium) and margin for the ROI (absent: 1). */
  readonly mediaBySource?: boolean;
  readonly margin?: number;
  /** Costs over several months split by days (absent: shared by lead count; see src/sql/costShares.ts). */
  readonly costByDays?: boolean;
  /** The Media page's bubbles and attribution per campaign (absent: per medium or source). */
  readonly bubblesPerCampaign?: boolean;
  readonly attributionPerCampaign?: boolean;
  /** The Data quality page's rule settings, where they differ from the defaults (src/state/qualityLink.ts). */
  readonly quality?: QualityLink;
}

export const INITIAL_VIEW: ViewState = { period: null, values: {}, selections: [], split: 'medium' };

/** The extra columns a view state filters on, in the order they were set. */
export const extraFilterDimensions = (state: ViewState): ExtraDimension[] => Object.keys(state.values).filter(isExtraDimension);

/** The global filters as conditions (the period resolved for today): fixed dimensions first, then extra columns. */
export function globalFilter(state: ViewState, today: string): LeadFilter {
  const conditions: LeadFilter[number][] = [];
  if (state.period) conditions.push({ kind: 'created', range: resolvePeriod(state.period, today) });
  for (const dimension of [...FILTER_DIMENSIONS, ...extraFilterDimensions(state)]) {
    const values = state.values[dimension];
    if (values?.length) conditions.push({ kind: 'values', dimension, values });
  }
  return conditions;
}

export function setPeriod(state: ViewState, period: PeriodChoice | null): ViewState {
  return { ...state, period };
}

/** Sets the values of one dimension filter; an empty list removes the filter. */
export function setValues(state: ViewState, dimension: LeadDimension, values: readonly (string | null)[]): ViewState {
  const { [dimension]: _removed, ...rest } = state.values;
  return { ...state, values: values.length ? { ...rest, [dimension]: [...new Set(values)] } : rest };
}

/**
 * A click in a chart: it replaces that view's selection; the same click again clears it (a toggle,
 * as in Mosaic's crossfilter), so a second click on a bar brings the other views back.
 */
export function select(state: ViewState, selection: Selection): ViewState {
  const previous = state.selections.find((s) => s.source === selection.source);
  const others = state.selections.filter((s) => s.source !== selection.source);
  const same = previous !== undefined && JSON.stringify(previous.condition) === JSON.stringify(selection.condition);
  return { ...state, selections: same ? others : [...others, selection] };
}

export function clearSelection(state: ViewState, source: ViewId): ViewState {
  return { ...state, selections: state.selections.filter((s) => s.source !== source) };
}

export function setSplit(state: ViewState, split: SplitBy): ViewState {
  return { ...state, split };
}

/** Clears the filters and selections; the split and the planning scenario (not a filter) stay. */
export function clearAll(state: ViewState): ViewState {
  return { ...INITIAL_VIEW, split: state.split, ...(state.scenario ? { scenario: state.scenario } : {}) };
}

/** Sets the planning scenario's link text; null removes it. */
export function setScenario(state: ViewState, scenario: string | null): ViewState {
  const { scenario: _removed, ...rest } = state;
  return scenario ? { ...rest, scenario } : rest;
}

/** The Media & campaigns page's settings; the defaults (per medium, margin 1, by lead count) leave nothing in the link. */
export interface MediaSettings {
  readonly bySource?: boolean;
  readonly margin?: number;
  readonly costByDays?: boolean;
  readonly bubblesPerCampaign?: boolean;
  readonly attributionPerCampaign?: boolean;
}

export function setMediaSettings(state: ViewState, settings: MediaSettings): ViewState {
  const { mediaBySource: _bySource, margin: _margin, costByDays: _byDays, bubblesPerCampaign: _bubbles, attributionPerCampaign: _attribution, ...rest } = state;
  const bySource = settings.bySource ?? state.mediaBySource ?? false;
  const margin = settings.margin ?? state.margin ?? 1;
  const byDays = settings.costByDays ?? state.costByDays ?? false;
  const bubbles = settings.bubblesPerCampaign ?? state.bubblesPerCampaign ?? false;
  const attribution = settings.attributionPerCampaign ?? state.attributionPerCampaign ?? false;
  return {
    ...rest,
    ...(bySource ? { mediaBySource: true } : {}),
    ...(margin !== 1 ? { margin } : {}),
    ...(byDays ? { costByDays: true } : {}),
    ...(bubbles ? { bubblesPerCampaign: true } : {}),
    ...(attribution ? { attributionPerCampaign: true } : {}),
  };
}

/** The Data quality page's settings as link text; none (the defaults) leaves nothing in the state. */
export function setQualityLink(state: ViewState, link: QualityLink): ViewState {
  const { quality: _old, ...rest } = state;
  return Object.keys(link).length ? { ...rest, quality: link } : rest;
}
