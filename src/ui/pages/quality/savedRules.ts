import { qualityLinkFromJson, type QualityLink } from '../../../domain/quality/linkText';

/**
 * The user's data-quality rules, kept in this browser (as link text) for their own data: the page
 * opens with them where a link names none. A published dashboard scores by the rules it was
 * published with instead. What the storage holds is untrusted: a part out of syntax is dropped,
 * and the page reads the rest against its rules (and says what it could not).
 */
export const SAVED_RULES_KEY = 'leadloop.quality.rules.v1';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

const browserStore = (): Store | null => (typeof localStorage === 'undefined' ? null : localStorage);

export function readSavedRules(store: Store | null = browserStore()): QualityLink | null {
  try {
    const parsed: unknown = JSON.parse(store?.getItem(SAVED_RULES_KEY) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return null;
    return qualityLinkFromJson(parsed as Record<string, unknown>).link;
  } catch {
    // Storage switched off, or the entry damaged: as if nothing were saved.
    return null;
  }
}

export function saveRules(link: QualityLink, store: Store | null = browserStore()): void {
  try {
    store?.setItem(SAVED_RULES_KEY, JSON.stringify(link));
  } catch {
    // Storage full or switched off: the rules still travel in the link.
  }
}
