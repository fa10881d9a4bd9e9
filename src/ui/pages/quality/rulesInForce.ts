import { sameQualityLink, type QualityLink } from '../../../domain/quality/linkText';
import { DEFAULT_QUALITY_SETTINGS } from '../../../domain/quality/rules';
import type { DataOrigin } from '../../data/startupData';

/** Where the rules in force came from: the link, the published dashboard, the user's saved ones, or none (the defaults). */
export type RulesSource = 'link' | 'published' | 'saved' | 'defaults';

export interface RulesContext {
  /** The link's own rules (absent: the link names none). */
  readonly link: QualityLink | undefined;
  readonly origin: DataOrigin;
  /** The rules the bundle was built with (published and sample dashboards). */
  readonly published: QualityLink | null;
  /** The user's rules kept in this browser (savedRules.ts). */
  readonly saved: QualityLink | null;
}

/**
 * The rules a page opens with where its link names none, and the rules in force with their source.
 * A published dashboard scores by the rules it was published with; the user's own data (and the
 * sample) by the user's saved rules, else the bundle's. Starting rules once written into the link
 * still count as theirs.
 */
export function rulesInForce({ link, origin, published, saved }: RulesContext): { starting: QualityLink | null; rules: QualityLink | undefined; source: RulesSource } {
  const starting = origin === 'published' ? published : (saved ?? published);
  const startingSource: RulesSource = starting !== null && starting === saved ? 'saved' : 'published';
  const fromLink = link !== undefined && !sameQualityLink(link, starting);
  const source: RulesSource = fromLink ? 'link' : starting && Object.keys(starting).length ? startingSource : 'defaults';
  return { starting, rules: link ?? starting ?? undefined, source };
}

/**
 * The link text of rules the user chose. The defaults are said out loud (the dead-file days) where
 * the page starts from other rules (a published dashboard's, the saved ones): an empty link would
 * bring those back, and a reset to the defaults could not be shared.
 */
export function linkOfChosenRules(link: QualityLink, starting: QualityLink | null): QualityLink {
  const startsElsewhere = starting !== null && Object.keys(starting).length > 0;
  return Object.keys(link).length === 0 && startsElsewhere ? { qd: String(DEFAULT_QUALITY_SETTINGS.deadFileDays) } : link;
}
