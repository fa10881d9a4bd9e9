import countries from 'i18n-iso-countries';
import { isSupportedCountry, isValidPhoneNumber, type CountryCode } from 'libphonenumber-js/min';

/**
 * Whether a phone number is plausible for its lead's country, by libphonenumber's rules (a
 * maintained library; its small metadata checks a number's length and leading digits per country).
 */

/** The lead's country as libphonenumber's code: an ISO alpha-2 or alpha-3 code in any case; else none. */
export function phoneCountry(country: string | null): CountryCode | undefined {
  const code = country?.trim().toUpperCase() ?? '';
  const alpha2 = code.length === 3 ? countries.alpha3ToAlpha2(code) : code;
  return alpha2 && isSupportedCountry(alpha2) ? alpha2 : undefined;
}

/**
 * A number written in its national form ("0711 2305-71") says nothing of its country: without a
 * country to read it by it is not judged (plausible) rather than failed for what the lead lacks.
 */
export function isPlausiblePhone(phone: string, country: string | null): boolean {
  const code = phoneCountry(country);
  if (code === undefined && !phone.trim().startsWith('+')) return true;
  return isValidPhoneNumber(phone, code);
}

/**
 * Digits kept as written at the start of a number. The library's small metadata judges a number by
 * its calling code, its leading digits and its length only, so numbers alike in their first six
 * digits, their other characters and their length are judged alike (checked across every country
 * the library knows by tests/unit/phonePlausibility.test.ts). An export's 900,000 numbers are some
 * 60,000 such shapes: fifteen times fewer calls.
 */
export const KEPT_DIGITS = 6;

const isAsciiDigit = (code: number) => code >= 48 && code <= 57;

/**
 * The number with every (ASCII) digit after the first KEPT_DIGITS written as 5. A loop, not a
 * replace with a function: it runs for every lead's number (0.47 s instead of 1.0 s for 900,000).
 */
export function phoneShape(phone: string): string {
  let seen = 0;
  let kept = 0;
  while (kept < phone.length && !(isAsciiDigit(phone.charCodeAt(kept)) && ++seen === KEPT_DIGITS)) kept++;
  if (kept >= phone.length - 1) return phone;
  let shape = phone.slice(0, kept + 1);
  for (let i = kept + 1; i < phone.length; i++) shape += isAsciiDigit(phone.charCodeAt(i)) ? '5' : phone.charAt(i);
  return shape;
}

/**
 * The positions of the implausible numbers among these (`countryOf[i]` is the country of
 * `phones[i]`): every lead's number, each judged by its shape, and each shape once per country.
 */
export function implausiblePhones(phones: readonly string[], countryOf: readonly (string | null)[]): number[] {
  const verdicts = new Map<string, boolean>();
  const implausible: number[] = [];
  phones.forEach((phone, i) => {
    const country = countryOf[i] ?? null;
    const shape = phoneShape(phone);
    // The country, then a character no stored country holds: "DE" + "0711…" never meets "DE0" + "711…".
    const key = `${country ?? ''}\u0000${shape}`;
    let plausible = verdicts.get(key);
    if (plausible === undefined) verdicts.set(key, (plausible = isPlausiblePhone(shape, country)));
    if (!plausible) implausible.push(i);
  });
  return implausible;
}
