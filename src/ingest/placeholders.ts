/**
 * Cell texts that CRM exports write for "not filled": a picker left at its prompt ("Select"), a
 * dash, "n/a". They are read as empty and counted in the report, so "Select" never becomes a
 * region of its own. Compared trimmed and case-insensitively. Deliberately short: "NA" is also
 * Namibia's country code and "none" can be a real answer, so neither is in it.
 */
export const DEFAULT_PLACEHOLDERS: readonly string[] = ['Select', '-', '--', 'n/a', '#N/A', '(none)', '(blank)', 'null'];

/** A user's list as typed (one per line or comma-separated): trimmed, blanks and repeats dropped. */
export function parsePlaceholders(text: string): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const part of text.split(/[\n,]/)) {
    const value = part.trim();
    if (value === '' || seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    result.push(value);
  }
  return result;
}
