/** The ScenariosBar's logic without React: what opening a scenario must tell, and the links it copies. */
import { unmatchedEdits, type PlanEdits } from '../../../../domain/planning/edits';
import type { Plan } from '../../../../domain/planning/plan';
import { DEFAULT_SCENARIO_OPTIONS, type ScenarioOptions } from '../../../../domain/planning/scenario';
import { encodeViewState } from '../../../../state/urlCodec';
import { setScenario, type ViewState } from '../../../../state/viewState';

export interface OpeningNotice {
  /** The scenario was made on other data: its fingerprint and the loaded data's. */
  readonly otherData: { readonly made: string; readonly loaded: string } | null;
  /** Edited segments the loaded data lacks (their edits do nothing here), as (medium, unit). */
  readonly unmatched: readonly { readonly medium: string; readonly unit: string }[];
}

/** A segmentKey back as (medium, unit); a key that is no segment key stays whole as the medium. */
export function parseSegmentKey(key: string): { medium: string; unit: string } {
  try {
    const parsed: unknown = JSON.parse(key);
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((p) => typeof p === 'string')) return { medium: parsed[0] as string, unit: parsed[1] as string };
  } catch {
    // not a segment key
  }
  return { medium: key, unit: '' };
}

/**
 * What to tell when a scenario is opened: other data, and edits without a segment. `defaults` is the
 * plan the loaded data gives under the scenario's options (null when none could be made: then no
 * edit can be matched either, and all are named).
 */
export function openingNotice(
  scenario: { readonly edits: PlanEdits; readonly dataFingerprint: string },
  loadedFingerprint: string,
  defaults: Plan | null,
): OpeningNotice | null {
  const otherData = scenario.dataFingerprint === loadedFingerprint ? null : { made: scenario.dataFingerprint, loaded: loadedFingerprint };
  const keys = defaults ? unmatchedEdits(defaults, scenario.edits) : Object.keys(scenario.edits.segments);
  const unmatched = keys.map(parseSegmentKey);
  return otherData || unmatched.length ? { otherData, unmatched } : null;
}

/** Whether the page shows the plain defaults (nothing to carry in a link). */
export function isUnchanged(edits: PlanEdits, options: ScenarioOptions): boolean {
  return (
    Object.keys(edits.segments).length === 0 &&
    Object.keys(edits.targets).length === 0 &&
    Object.keys(edits.extraLeadCaps).length === 0 &&
    edits.margin === undefined &&
    options.byUnit === DEFAULT_SCENARIO_OPTIONS.byUnit &&
    options.plannedLeadsFrom === DEFAULT_SCENARIO_OPTIONS.plannedLeadsFrom &&
    options.year === DEFAULT_SCENARIO_OPTIONS.year
  );
}

/**
 * The address of the current page with the view's filters and this scenario (`sc=`) in its hash;
 * `href` is the current address (location.href), whose page path (#/planning) is kept.
 */
export function linkWithScenario(href: string, view: ViewState, scenario: string | null): string {
  const at = href.indexOf('#');
  const base = at < 0 ? href : href.slice(0, at);
  const hash = at < 0 ? '' : href.slice(at);
  const path = (hash.includes('?') ? hash.slice(0, hash.indexOf('?')) : hash) || '#/planning';
  return `${base}${path}?${encodeViewState(setScenario(view, scenario))}`;
}
