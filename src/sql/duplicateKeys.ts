/**
 * Match keys for duplicate leads, as SQL expressions on lead_facts' columns. Each key is a block: only
 * leads with equal keys are compared, so finding duplicates is a GROUP BY, linear in the leads.
 *   email:   the address in lower case (only a syntactically valid one);
 *   person:  company and contact name, both normalised (below), and the e-mail domain, phone or region;
 *   phone:   company and the phone's last eight digits (a country code or a trunk 0 before them).
 * A company alone or an e-mail domain alone is never a key: colleagues share both.
 */

/** German umlauts as a second CRM user types them without the keys ("Müller" = "Mueller"). */
const FOLDS: readonly (readonly [string, string])[] = [
  ['ä', 'ae'],
  ['ö', 'oe'],
  ['ü', 'ue'],
  ['ß', 'ss'],
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

/** Lower case, NFC (a decomposed "u" + diaeresis is "ü"), umlauts folded, other accents dropped. */
function folded(column: string): string {
  let text = `lower(nfc_normalize(${column}))`;
  for (const [from, to] of FOLDS) text = `replace(${text}, '${from}', '${to}')`;
  return `strip_accents(${text})`;
}

/** Words of the folded text without the given words, in a fixed order or as written. */
function words(column: string, dropped: readonly string[], sorted: boolean): string {
  const spaced = `regexp_replace(${folded(column)}, '[^a-z0-9]+', ' ', 'g')`;
  const kept = `trim(regexp_replace(regexp_replace(${spaced}, '\\b(${dropped.join('|')})\\b', ' ', 'g'), ' +', ' ', 'g'))`;
  // "Berg, Anna" and "Anna Berg" are the same name; a company's words keep their order.
  return `nullif(${sorted ? `array_to_string(list_sort(string_split(${kept}, ' ')), ' ')` : kept}, '')`;
}

/** The keys' SQL, given the e-mail syntax check used by the validity rule. */
export function duplicateKeyColumns(emailIsValid: string): { email: string; company: string; name: string; phone: string; region: string } {
  const digits = "regexp_replace(phone, '[^0-9]', '', 'g')";
  return {
    email: `CASE WHEN ${emailIsValid} THEN lower(trim(email)) END`,
    company: words('company', LEGAL_FORMS, false),
    name: words('contact_name', TITLES, true),
    phone: `CASE WHEN length(${digits}) >= 6 THEN right(${digits}, 8) END`,
    region: `nullif(trim(${folded('region')}), '')`,
  };
}

/** The match kinds, in the order a cluster names them. */
export const DUPLICATE_MATCHES = ['id', 'email', 'person', 'phone'] as const;
export type DuplicateMatch = (typeof DUPLICATE_MATCHES)[number];

const PERSON = "company_key IS NOT NULL AND name_key IS NOT NULL";
const personAnd = (what: string, value: string): string =>
  `CASE WHEN ${PERSON} AND ${value} IS NOT NULL THEN '${what}|' || company_key || '|' || name_key || '|' || ${value} END`;

/**
 * The blocks, as SQL over columns `lead_id`, `email_key`, `company_key`, `name_key`, `phone_key`,
 * `region_key` (NULL: not in the block). A person at a company is only taken as the same person with
 * one more thing in common: the e-mail domain, the phone or the region. Measured on the sample's
 * planted duplicates (tests/integration/duplicates.test.ts), company and name alone joined
 * same-named companies of other cities and countries.
 */
export const MATCH_BLOCKS: readonly { readonly match: DuplicateMatch; readonly sql: string }[] = [
  { match: 'id', sql: 'lead_id' },
  { match: 'email', sql: 'email_key' },
  { match: 'person', sql: personAnd('domain', "split_part(email_key, '@', 2)") },
  { match: 'person', sql: personAnd('phone', 'phone_key') },
  { match: 'person', sql: personAnd('region', 'region_key') },
  { match: 'phone', sql: "CASE WHEN company_key IS NOT NULL AND phone_key IS NOT NULL THEN company_key || '|' || phone_key END" },
];
