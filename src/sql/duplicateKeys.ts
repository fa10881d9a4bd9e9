/**
 * Match keys for duplicate leads, as SQL expressions on lead_facts' columns. Each key is a block: only
 * leads with equal keys are compared, so finding duplicates is a GROUP BY, linear in the leads.
 *   email:   the address in lower case (only a syntactically valid one);
 *   person:  company and contact name, both normalised (below), and the e-mail domain, phone or region;
 *   phone:   company and the phone's last eight digits (a country code or a trunk 0 before them).
 * A company alone or an e-mail domain alone is never a key: colleagues share both.
 */

import type { DuplicateMatchKind } from '../domain/quality/duplicates';
import { emailIsValid } from './emailSyntax';
import { LEAD_FACTS } from './leadFacts';

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


/**
 * The blocks. `sql` is the block's key over keyedLeadsSql's columns (NULL: not in the block);
 * `core` the cheaper key part that must repeat first (a block is only built for leads whose core
 * repeats: most leads are nobody's duplicate, and grouping every lead by a long key was most of the
 * time at 1M leads). A person at a company is only taken as the same person with one more thing in
 * common: the e-mail domain, the phone or the region. Measured on the sample's planted duplicates
 * (tests/integration/duplicates.test.ts), company and name alone joined same-named companies of
 * other cities and countries. The keys are numbers where they can be: a block's text is only
 * written for the few leads whose core repeats.
 */
export const MATCH_BLOCKS: readonly { readonly match: DuplicateMatchKind; readonly sql: string; readonly core: keyof typeof CORES }[] = [
  { match: 'id', sql: 'lead_id', core: 'lead_id' },
  { match: 'email', sql: 'email_key', core: 'email_key' },
  { match: 'person', sql: "person_core || '|' || split_part(email_key, '@', 2)", core: 'person_core' },
  { match: 'person', sql: "person_core || '|' || phone_key", core: 'person_core' },
  { match: 'person', sql: "person_core || '|' || region_id", core: 'person_core' },
  { match: 'phone', sql: "company_id || '|' || phone_key", core: 'company_phone' },
];

/** The cores: the block keys' first, cheap parts (NULL: the lead is in no such block). */
const CORES = {
  lead_id: 'lead_id',
  email_key: 'email_key',
  person_core: 'person_core',
  company_phone: 'CASE WHEN company_id IS NOT NULL THEN phone_key END',
} as const;

/**
 * A number per distinct key of a text column (`alias`), computed once per distinct value of the
 * column: names and regions repeat across leads, and the folding is the costly part. Equal keys get
 * equal numbers, so grouping by the number groups by the key, and numbers group faster than text.
 */
const lookup = (column: string, key: string, alias: string) =>
  `LEFT JOIN (SELECT ${column}, CASE WHEN _key IS NOT NULL THEN dense_rank() OVER (ORDER BY _key) END::INTEGER AS ${alias} FROM (SELECT ${column}, ${key} AS _key FROM (SELECT DISTINCT ${column} FROM ${LEAD_FACTS} WHERE ${column} IS NOT NULL))) ${alias}_of ON ${alias}_of.${column} = f.${column}`;

/** 10^8: a phone key is its number's last eight digits plus this times how many there are ("0123456" and "00123456" differ). */
const PHONE_KEY_DIGITS = 100000000;

/**
 * Every lead of lead_facts with its identity and match keys: `email_key` (text), `company_id`,
 * `name_id`, `region_id` (numbers of the normalised texts, see lookup), `phone_key` (its last eight
 * digits as a number, see PHONE_KEY_DIGITS) and `person_core` (company and name in one number).
 * Stored text is trimmed at import, so no key trims again.
 */
export function keyedLeadsSql(): string {
  return [
    `SELECT f.lead_id, f._source, f._line, f.created_at, CASE WHEN ${emailIsValid('f.email')} THEN lower(f.email) END AS email_key, company_id, name_id, region_id,`,
    `CASE WHEN length(f.phone_digits) >= 6 THEN length(right(f.phone_digits, 8)) * ${PHONE_KEY_DIGITS} + right(f.phone_digits, 8)::BIGINT END AS phone_key,`,
    // Both numbers are below 2^31: one BIGINT holds the pair.
    'company_id::BIGINT * 4294967296 + name_id AS person_core',
    // The phone's digits once per lead (a regular expression over every lead is not cheap).
    `FROM (SELECT lead_id, _source, _line, created_at, email, company, contact_name, region, regexp_replace(phone, '[^0-9]', '', 'g') AS phone_digits FROM ${LEAD_FACTS}) f`,
    lookup('company', words('company', LEGAL_FORMS, false), 'company_id'),
    lookup('contact_name', words('contact_name', TITLES, true), 'name_id'),
    lookup('region', `nullif(trim(${folded('region')}), '')`, 'region_id'),
  ].join(' ');
}

/**
 * The duplicate links: per block of MATCH_BLOCKS with two or more leads, each of its leads once:
 * `b` (the block's index in MATCH_BLOCKS), `block` (its key as text), `_source`, `_line`, `is_first`
 * (the lead entered first: earliest created, then lead id, file and line; it keeps its points) and
 * that first lead's `first_source`, `first_line`. Blocks are found by GROUP BY, so the work grows with
 * the leads, not with their pairs. `keys` names a table of keyedLeadsSql's rows made for the same data.
 */
export function duplicateLinksSql(keys?: string): string {
  const keyed = keys ?? 'keyed';
  // Per core the values that repeat and the leads that have one: only they go into the core's blocks.
  const candidates = Object.entries(CORES).map(
    ([name, sql]) => `${name}_candidates AS MATERIALIZED (SELECT * FROM ${keyed} WHERE ${sql} IN (SELECT ${sql} FROM ${keyed} WHERE ${sql} IS NOT NULL GROUP BY ALL HAVING count(*) > 1))`,
  );
  const blocks = MATCH_BLOCKS.map((b, i) => `SELECT ${i} AS b, ${b.sql} AS block, _source, _line, lead_id, created_at FROM ${b.core}_candidates WHERE ${b.sql} IS NOT NULL`);
  return `WITH ${keys ? '' : `keyed AS MATERIALIZED (${keyedLeadsSql()}), `}${candidates.join(', ')}, blocks AS MATERIALIZED (${blocks.join(' UNION ALL ')}),
firsts AS (SELECT b, block, min({c: coalesce(created_at, DATE '9999-12-31'), id: lead_id, s: _source, l: _line}) AS first FROM blocks GROUP BY b, block HAVING count(*) > 1)
SELECT bl.b, bl.block, bl._source, bl._line, (bl._source = fi.first.s AND bl._line = fi.first.l) AS is_first, fi.first.s AS first_source, fi.first.l AS first_line
FROM blocks bl JOIN firsts fi ON fi.b = bl.b AND fi.block = bl.block`;
}
