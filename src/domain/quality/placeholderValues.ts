/**
 * Values typed to get past a required field rather than to say something: "unbekannt", "test",
 * "test@test.de", "0000000". The import already reads its short list of blanks ("n/a", "Select";
 * src/ingest/placeholders.ts) as empty; these look like data, so they are kept and cost points.
 * Compared trimmed and lower-cased. Lower-case letters, digits and punctuation only: they are
 * written into the rule's SQL as constants.
 */

/** Whole values of a company, contact name or phone field. */
export const PLACEHOLDER_TEXTS: readonly string[] = [
  'unbekannt', 'unknown', 'nicht bekannt', 'keine angabe', 'k.a.', 'k. a.', 'n.n.', 'nn', 'ohne', 'none', 'kein', 'keine',
  'test', 'testing', 'dummy', 'tbd', 'tba', 'folgt', 'siehe zentrale', 'siehe oben', 'asdf', 'x', 'xx', 'xxx', 'xxxx', '?', '??', '.', '..', '...',
  'max mustermann', 'erika mustermann', 'mustermann', 'musterfirma', 'muster gmbh', 'test gmbh', 'testfirma', 'firma', 'john doe', 'jane doe',
];

/** The part of an e-mail address before the @ that names nobody. */
export const PLACEHOLDER_EMAIL_NAMES: readonly string[] = [
  'test', 'dummy', 'noreply', 'no-reply', 'keine', 'kein', 'none', 'nomail', 'noemail', 'no.email', 'xxx', 'asdf', 'unknown', 'unbekannt',
  'max.mustermann', 'mustermann', 'muster',
];

/**
 * Domains of no one's mailbox: the ones reserved for examples (RFC 2606) and their German
 * stand-ins. The reserved top-level domains (.test, .example, .invalid, .localhost) count too.
 */
export const PLACEHOLDER_EMAIL_DOMAINS: readonly string[] = [
  'example.com', 'example.org', 'example.net', 'example.de', 'beispiel.de', 'test.de', 'test.com', 'mustermann.de', 'muster.de', 'domain.de', 'domain.com',
];
export const RESERVED_TOP_LEVEL_DOMAINS: readonly string[] = ['test', 'example', 'invalid', 'localhost'];

/** A phone number of one digit repeated ("0000000") or counted up or down ("123456789") from this many digits. */
export const PLACEHOLDER_PHONE_MIN_DIGITS = { repeated: 4, counted: 6 } as const;
