/**
 * Saved scenarios in the browser (localStorage), versioned. What the storage holds is untrusted: a
 * damaged entry (edited by hand, written by a newer version, cut short) never breaks the page: the
 * list starts empty or without the bad entries, and the page says so.
 */
import { validScenario, type Scenario } from '../../../../domain/planning/scenario';

export const SCENARIOS_KEY = 'leadloop.planning.scenarios';
export const SCENARIO_STORE_VERSION = 1;

/** What loading found wrong: nothing, unreadable JSON, a newer version's list, or single entries dropped. */
export type StoreNotice = 'corrupt' | 'newer' | 'dropped' | null;

export interface LoadedScenarios {
  readonly scenarios: readonly Scenario[];
  readonly notice: StoreNotice;
  /** Entries left out (notice 'dropped'). */
  readonly dropped: number;
}

type Reader = Pick<Storage, 'getItem'>;
type Writer = Pick<Storage, 'setItem'>;

export function loadScenarios(storage: Reader | null): LoadedScenarios {
  let text: string | null = null;
  try {
    text = storage?.getItem(SCENARIOS_KEY) ?? null;
  } catch {
    // Storage can be switched off (privacy settings): no saved scenarios.
  }
  if (text === null) return { scenarios: [], notice: null, dropped: 0 };
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return { scenarios: [], notice: 'corrupt', dropped: 0 };
  }
  if (typeof stored !== 'object' || stored === null || !Array.isArray((stored as { scenarios?: unknown }).scenarios)) {
    return { scenarios: [], notice: 'corrupt', dropped: 0 };
  }
  const { v, scenarios } = stored as { v?: unknown; scenarios: unknown[] };
  if (typeof v === 'number' && v > SCENARIO_STORE_VERSION) return { scenarios: [], notice: 'newer', dropped: 0 };
  if (v !== SCENARIO_STORE_VERSION) return { scenarios: [], notice: 'corrupt', dropped: 0 };
  const valid: Scenario[] = [];
  const ids = new Set<string>();
  for (const entry of scenarios) {
    try {
      const scenario = validScenario(entry);
      if (ids.has(scenario.id)) throw new Error('duplicate id');
      ids.add(scenario.id);
      valid.push(scenario);
    } catch {
      // counted below
    }
  }
  const dropped = scenarios.length - valid.length;
  return { scenarios: valid, notice: dropped > 0 ? 'dropped' : null, dropped };
}

/** Writes the list; false when the browser refused (storage full or switched off). */
export function saveScenarios(storage: Writer | null, scenarios: readonly Scenario[]): boolean {
  if (!storage) return false;
  try {
    storage.setItem(SCENARIOS_KEY, JSON.stringify({ v: SCENARIO_STORE_VERSION, scenarios }));
    return true;
  } catch {
    return false;
  }
}

/** `base`, or `base (2)`, `base (3)` … whichever no scenario of the list is called yet. */
export function uniqueName(scenarios: readonly Scenario[], base: string): string {
  const names = new Set(scenarios.map((s) => s.name));
  const name = base.trim();
  if (!names.has(name)) return name;
  for (let n = 2; ; n++) if (!names.has(`${name} (${n})`)) return `${name} (${n})`;
}

export function renameScenario(scenarios: readonly Scenario[], id: string, name: string): Scenario[] {
  return scenarios.map((s) => (s.id === id ? { ...s, name } : s));
}

export function removeScenario(scenarios: readonly Scenario[], id: string): Scenario[] {
  return scenarios.filter((s) => s.id !== id);
}

/** A fresh id: random where the browser offers it, else time and chance. */
export function newScenarioId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  return typeof c?.randomUUID === 'function' ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
