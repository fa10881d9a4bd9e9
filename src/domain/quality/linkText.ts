/**
 * The Data quality page's settings in the link, as text (like the Planning scenario: the page reads
 * them against its rules, settingsLink.ts, so the app's first chunk carries no
 * rules): `qd` the dead-file days, `qo` the rules switched off, `qw` rule weights that differ from
 * the defaults (`rule:weight`), `qm` dimension weights that do (`dimension:weight`).
 */
export const QUALITY_LINK_KEYS = ['qd', 'qo', 'qw', 'qm'] as const;
export type QualityLinkKey = (typeof QUALITY_LINK_KEYS)[number];
export type QualityLink = Readonly<Partial<Record<QualityLinkKey, string>>>;

export const QUALITY_LINK_SYNTAX: Readonly<Record<QualityLinkKey, RegExp>> = {
  qd: /^\d{1,3}$/,
  qo: /^[a-z_]+(,[a-z_]+)*$/,
  qw: /^[a-z_]+:\d{1,2}(,[a-z_]+:\d{1,2})*$/,
  qm: /^[a-z]+:\d{1,2}(,[a-z]+:\d{1,2})*$/,
};

/** Whether two links carry the same settings (absent and empty alike). */
export const sameQualityLink = (a: QualityLink | null | undefined, b: QualityLink | null | undefined): boolean => QUALITY_LINK_KEYS.every((key) => a?.[key] === b?.[key]);

/**
 * Link text read from untrusted JSON (a bundle's manifest, the browser's storage): the parts in their
 * syntax, and the keys of those out of it (the caller refuses or drops them).
 */
export function qualityLinkFromJson(json: Readonly<Record<string, unknown>>): { link: QualityLink; unreadable: QualityLinkKey[] } {
  const unreadable = QUALITY_LINK_KEYS.filter((key) => json[key] !== undefined && (typeof json[key] !== 'string' || !QUALITY_LINK_SYNTAX[key].test(json[key])));
  const link = Object.fromEntries(QUALITY_LINK_KEYS.filter((key) => typeof json[key] === 'string' && !unreadable.includes(key)).map((key) => [key, json[key] as string]));
  return { link, unreadable };
}
