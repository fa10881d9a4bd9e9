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
 * Runs `judge` with no stack traces taken: the library throws an error inside for every number it
 * cannot parse and catches it itself, and taking those errors' stack traces was a quarter of the
 * time of judging an export's numbers.
 */
export function withoutStackTraces<T>(judge: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return judge();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Digits kept as written at the start of a number. The library's small metadata judges a number by
 * its calling code, its leading digits and its length only, so numbers alike in their first six
 * digits, their other characters and their length are judged alike (checked across every country
 * the library knows by tests/unit/phonePlausibility.test.ts). An export's 900,000 numbers are some
 * 60,000 such shapes: fifteen times fewer calls.
 */
export const KEPT_DIGITS = 6;

/** The number with every digit after the first KEPT_DIGITS written as 5. */
export function phoneShape(phone: string): string {
  let seen = 0;
  return phone.replace(/\d/g, (digit) => (++seen <= KEPT_DIGITS ? digit : '5'));
}

/**
 * The positions of the implausible numbers among these (`countryOf[i]` is the country of
 * `phones[i]`). Node's check hands over shapes, each once (src/services/phoneCheck.ts); the
 * browser's judges every lead's number on its bytes (phoneJudge.ts).
 */
export function implausiblePhones(phones: readonly string[], countryOf: readonly (string | null)[]): number[] {
  return withoutStackTraces(() => phones.flatMap((phone, i) => (isPlausiblePhone(phone, countryOf[i] ?? null) ? [] : [i])));
}
