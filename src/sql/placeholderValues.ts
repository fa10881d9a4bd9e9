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

/** The usual separators in a phone number, skipped when its digits are compared (a regular-expression class). */
const SEPARATOR = '[ ()+./-]';

/** The digits up or down placeholder phones count through ("0123456789", "9876543210"). */
const COUNTED = ['01234567890', '9876543210'];

/**
 * A placeholder phone as one regular expression over the number as written: one digit repeated,
 * or digits counted up or down, from PLACEHOLDER_PHONE_MIN_DIGITS digits, separators anywhere (a
 * repeated letter is no number: "xxxx" is a placeholder by its word). One pass per number, with
 * nothing written: taking the separators out first and testing the digits took 0.7 s in duckdb-wasm
 * on a million leads, the expression 0.08 s.
 */
function placeholderPhonePattern(): string {
  const { repeated, counted } = PLACEHOLDER_PHONE_MIN_DIGITS;
  const digits = (sequence: string) => [...sequence].map((d) => `${d}${SEPARATOR}*`).join('');
  const runs = [...'0123456789'].map((d) => `(?:${d}${SEPARATOR}*){${repeated},}`);
  const counts = COUNTED.flatMap((sequence) =>
    Array.from({ length: Math.max(0, sequence.length - counted + 1) }, (_, extra) => counted + extra).flatMap((length) =>
      Array.from({ length: sequence.length - length + 1 }, (_, start) => digits(sequence.slice(start, start + length))),
    ),
  );
  return `${SEPARATOR}*(?:${[...runs, ...counts].join('|')})`;
}

/** Our constant texts as a regular expression's alternation, their dots and other signs escaped. */
const alternation = (values: readonly string[]) => values.map((v) => v.replace(/[.?*+()|[\]{}^$\\-]/g, (c) => `\\${c}`)).join('|');

/**
 * A placeholder e-mail address (in lower case) as one regular expression, read as split_part reads
 * it: a placeholder name before the first @, a placeholder domain after the last, or a reserved
 * top-level domain after the domain's last dot (an address without an @ is all name and all domain;
 * (?s): a line break is a character like others). One expression took 0.2 s in duckdb-wasm on a
 * million leads, the three lookups of split_part's parts 0.43 s.
 */
function placeholderEmailPattern(): string {
  const names = alternation(PLACEHOLDER_EMAIL_NAMES);
  const domains = alternation(PLACEHOLDER_EMAIL_DOMAINS);
  const reserved = alternation(RESERVED_TOP_LEVEL_DOMAINS);
  return `(?is)(?:${names})(?:@.*)?|(?:.*@)?(?:${domains})|(?:.*@)?(?:[^@]*\\.)?(?:${reserved})`;
}

/**
 * Whether a lead of lead_facts (company, contact_name, phone, email) holds a placeholder
 * (src/domain/quality/placeholderValues.ts), as SQL. The tests are added up rather than joined by
 * OR: on a million leads DuckDB took 1.9 s for the OR of them, 0.7 s for the sum. Each is a
 * regular expression that ignores case, not a comparison of the lower-cased value: lower() writes
 * a new text, which took duckdb-wasm 0.5 s more on a million leads.
 */
export function placeholderValueSql(): string {
  // Our constant patterns: no quote in them (the lists hold none), doubled all the same.
  const matches = (column: string, pattern: string) => `regexp_full_match(${column}, '${pattern.replace(/'/g, "''")}')`;
  const texts = `(?i)(?:${alternation(PLACEHOLDER_TEXTS)})`;
  const tests = [
    matches('company', texts),
    matches('contact_name', texts),
    // A phone's words and its digits in one pass over the number.
    matches('phone', `${texts}|(?:${placeholderPhonePattern()})`),
    matches('email', placeholderEmailPattern()),
  ];
  return `(${tests.map((t) => `coalesce((${t})::INTEGER, 0)`).join(' + ')} > 0)`;
}
