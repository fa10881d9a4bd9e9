import {
  PLACEHOLDER_EMAIL_DOMAINS,
  PLACEHOLDER_EMAIL_NAMES,
  PLACEHOLDER_PHONE_MIN_DIGITS,
  PLACEHOLDER_TEXTS,
  RESERVED_TOP_LEVEL_DOMAINS,
} from '../domain/quality/placeholderValues';

/**
 * Whether `value` is one of our constant texts (quotes doubled, though the lists hold none), as
 * SQL. list_contains, not IN: duckdb-wasm took 0.45 s for an IN of 40 texts on a million leads,
 * 0.14 s for list_contains.
 */
export const oneOf = (value: string, values: readonly string[]) => `list_contains([${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}], ${value})`;

/** No placeholder text is longer: longer values skip the lower-casing. */
const LONGEST_TEXT = Math.max(...PLACEHOLDER_TEXTS.map((t) => t.length));

/** The usual separators in a phone number, dropped before its digits are compared. */
const SEPARATORS = [' ', '-', '/', '(', ')', '+', '.'];

/**
 * Columns placeholderValueSql reads beside lead_facts' own, computed once per lead in the query's
 * FROM: the e-mail in lower case, and the phone without its separators. By nested replace: in
 * duckdb-wasm on 300k leads it took 0.15 s, translate 0.22 s, a regular expression 0.21 s.
 */
export const PLACEHOLDER_INPUTS = {
  email_lower: 'lower(email)',
  phone_digits: SEPARATORS.reduce((sql, separator) => `replace(${sql}, '${separator}', '')`, 'phone'),
} as const;

/**
 * Whether a lead of lead_facts (company, contact_name, phone, and PLACEHOLDER_INPUTS) holds a
 * placeholder (src/domain/quality/placeholderValues.ts), as SQL. The tests are added up rather than
 * joined by OR: on a million leads DuckDB took 1.9 s for the OR of them, 0.7 s for the sum.
 */
export function placeholderValueSql(): string {
    const text = (column: string) => `(length(${column}) <= ${LONGEST_TEXT} AND ${oneOf(`lower(${column})`, PLACEHOLDER_TEXTS)})`;
  const { repeated, counted } = PLACEHOLDER_PHONE_MIN_DIGITS;
  const domain = "split_part(email_lower, '@', -1)";
  const tests = [
    text('company'),
    text('contact_name'),
    text('phone'),
    oneOf("split_part(email_lower, '@', 1)", PLACEHOLDER_EMAIL_NAMES),
    oneOf(domain, PLACEHOLDER_EMAIL_DOMAINS),
    oneOf(`split_part(${domain}, '.', -1)`, RESERVED_TOP_LEVEL_DOMAINS),
    `(length(phone_digits) >= ${repeated} AND phone_digits = repeat(left(phone_digits, 1), length(phone_digits)))`,
    `(length(phone_digits) BETWEEN ${counted} AND 11 AND (strpos('01234567890', phone_digits) > 0 OR strpos('9876543210', phone_digits) > 0))`,
  ];
  return `(${tests.map((t) => `coalesce((${t})::INTEGER, 0)`).join(' + ')} > 0)`;
}
