/**
 * An e-mail address in plain syntax: dot-separated words (no dot first, last or twice), one @, and
 * a domain of dot-separated words ending in a top-level domain of letters.
 */
const EMAIL_SYNTAX = '[^@\\s.]+(\\.[^@\\s.]+)*@[^@\\s.]+(\\.[^@\\s.]+)*\\.[A-Za-z]{2,}';

/**
 * Whether the e-mail column (stored trimmed; `column` as the query names it) is in that syntax, as
 * SQL. The pattern is a constant of ours, not user text: it is written into the SQL.
 */
export const emailIsValid = (column: string): string => `regexp_full_match(${column}, '${EMAIL_SYNTAX}')`;
