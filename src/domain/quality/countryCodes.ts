import countries from 'i18n-iso-countries';

/**
 * Every ISO 3166-1 country code, alpha-2 and alpha-3, upper case: from a maintained list
 * (i18n-iso-countries), not written here. Codes only, no country names: the check is whether an
 * export wrote a code, whatever its language.
 */
export const ISO_COUNTRY_CODES: readonly string[] = [...Object.keys(countries.getAlpha2Codes()), ...Object.keys(countries.getAlpha3Codes())].filter((code) =>
  /^[A-Z]{2,3}$/.test(code),
);
