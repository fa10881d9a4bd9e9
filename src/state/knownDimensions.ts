import { isExtraDimension, type ExtraDimension, type LeadDimension, type Selection } from '../domain/leadFilter';
import { filterParam, selectionParam, splitParam } from './urlCodec';
import { INITIAL_VIEW, type ViewState } from './viewState';

/** Whether the view state names an extra column anywhere (a filter, a chart selection, the split). */
export function namesExtraDimensions(state: ViewState): boolean {
  return (
    Object.keys(state.values).some(isExtraDimension) ||
    isExtraDimension(state.split) ||
    state.selections.some((s) => s.condition.kind === 'values' && isExtraDimension(s.condition.dimension))
  );
}

export interface KnownView {
  /** The view state without the extra columns the data lacks (the same object when nothing was dropped). */
  readonly state: ViewState;
  /** What was dropped, as the link parameters that name it, for the "could not be used" notice. */
  readonly dropped: readonly string[];
}

/**
 * Keeps only the extra columns lead_facts has (`known`): a link, typed or edited by hand, or made
 * on other data, may name any header, and a name from a link is never trusted. An unknown split
 * falls back to the default one.
 */
export function withKnownExtras(state: ViewState, known: readonly ExtraDimension[]): KnownView {
  const knownSet = new Set<string>(known);
  const isKnown = (dimension: LeadDimension) => !isExtraDimension(dimension) || knownSet.has(dimension);
  const dropped: string[] = [];
  const values: Partial<Record<LeadDimension, readonly (string | null)[]>> = {};
  for (const [dimension, list = []] of Object.entries(state.values) as [LeadDimension, readonly (string | null)[] | undefined][]) {
    if (isKnown(dimension)) values[dimension] = list;
    else dropped.push(filterParam(dimension, list));
  }
  const selections = state.selections.filter((selection: Selection) => {
    const ok = selection.condition.kind !== 'values' || isKnown(selection.condition.dimension);
    if (!ok) dropped.push(selectionParam(selection));
    return ok;
  });
  const split = isKnown(state.split) ? state.split : INITIAL_VIEW.split;
  if (split !== state.split) dropped.push(splitParam(state.split));
  return dropped.length ? { state: { ...state, values, selections, split }, dropped } : { state, dropped };
}
