import {
  PLACEHOLDER_EMAIL_DOMAINS,
  PLACEHOLDER_EMAIL_NAMES,
  PLACEHOLDER_PHONE_MIN_DIGITS,
  PLACEHOLDER_TEXTS,
  RESERVED_TOP_LEVEL_DOMAINS,
} from '../domain/quality/placeholderValues';

/** Our constant lists as SQL literals (quotes doubled, though the lists hold none). */
const list = (values: readonly string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');

/** The phone's digits: separators taken out by translate (a regular expression costs 5× more on a million rows). */
const PHONE_DIGITS = "translate(phone, ' -/()+.', '')";

/**
 * Whether a lead of lead_facts (company, contact_name, email, phone; stored trimmed) holds a
 * placeholder in any of them (src/domain/quality/placeholderValues.ts), as SQL.
 */
export function placeholderValueSql(): string {
  const texts = list(PLACEHOLDER_TEXTS);
  const { repeated, counted } = PLACEHOLDER_PHONE_MIN_DIGITS;
  const email = 'lower(email)';
  const domain = `split_part(${email}, '@', -1)`;
  return `(${[
    `lower(company) IN (${texts})`,
    `lower(contact_name) IN (${texts})`,
    `lower(phone) IN (${texts})`,
    `split_part(${email}, '@', 1) IN (${list(PLACEHOLDER_EMAIL_NAMES)})`,
    `${domain} IN (${list(PLACEHOLDER_EMAIL_DOMAINS)})`,
    `split_part(${domain}, '.', -1) IN (${list(RESERVED_TOP_LEVEL_DOMAINS)})`,
    `(length(${PHONE_DIGITS}) >= ${repeated} AND translate(${PHONE_DIGITS}, left(${PHONE_DIGITS}, 1), '') = '')`,
    `(length(${PHONE_DIGITS}) >= ${counted} AND (strpos('01234567890', ${PHONE_DIGITS}) > 0 OR strpos('9876543210', ${PHONE_DIGITS}) > 0))`,
  ].join(' OR ')})`;
}
