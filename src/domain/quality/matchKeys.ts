/**
 * The normalised texts duplicate leads are matched by (duplicateScan.ts). Each is computed once per
 * distinct value of its column: companies, names and regions repeat across leads.
 */

/** German umlauts as a second CRM user types them without the keys ("Müller" = "Mueller"). */
const FOLDS: readonly (readonly [RegExp, string])[] = [
  [/ä/g, 'ae'],
  [/ö/g, 'oe'],
  [/ü/g, 'ue'],
  [/ß/g, 'ss'],
];

/**
 * Legal forms and joining words dropped from company names ("MÜLLER G.m.b.H." = "Müller GmbH" =
 * "Mueller"), after punctuation became spaces: longer forms first, as the alternation takes the first.
 */
const LEGAL_FORMS = [
  'g m b h', 'gmbh', 'mbh', 'aktiengesellschaft', 'ag', 'kgaa', 'kg', 'co', 'ohg', 'gbr', 'se', 'ug', 'haftungsbeschraenkt',
  'e k', 'e u', 'eg', 'og', 'mbb', 'ltd', 'limited', 'inc', 'llc', 'sarl', 'sa', 'bv', 'nv', 'und', 'and',
];

/** Titles dropped from contact names. */
const TITLES = ['dr', 'prof', 'herr', 'frau', 'mr', 'mrs', 'ms', 'ing', 'dipl'];

const wordsPattern = (dropped: readonly string[]) => new RegExp(`\\b(${dropped.join('|')})\\b`, 'g');
const LEGAL_FORM_WORDS = wordsPattern(LEGAL_FORMS);
const TITLE_WORDS = wordsPattern(TITLES);

/** Lower case, NFC (a decomposed "u" + diaeresis is "ü"), umlauts folded, other accents dropped. */
export function folded(text: string): string {
  let lower = text.normalize('NFC').toLowerCase();
  for (const [from, to] of FOLDS) lower = lower.replace(from, to);
  return lower.normalize('NFD').replace(/\p{Mn}/gu, '');
}

/** The folded text's words of a–z and 0–9 without the dropped ones, single-spaced; null when none are left. */
function words(text: string, dropped: RegExp): string[] {
  const spaced = folded(text).replace(/[^a-z0-9]+/g, ' ');
  return spaced.replace(dropped, ' ').split(' ').filter(Boolean);
}

/** A company's words in their order, without legal forms. */
export function companyKey(company: string): string | null {
  return words(company, LEGAL_FORM_WORDS).join(' ') || null;
}

/** A contact's name words in a fixed order ("Berg, Anna" = "Anna Berg"), without titles. */
export function nameKey(name: string): string | null {
  return words(name, TITLE_WORDS).sort().join(' ') || null;
}

/** A region folded, without the spaces around it. */
export function regionKey(region: string): string | null {
  return folded(region).replace(/^ +| +$/g, '') || null;
}
