import { getCountries, getCountryCallingCode, getExampleNumber, isValidPhoneNumber } from 'libphonenumber-js/min';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { implausiblePhones, isPlausiblePhone, phoneCountry, phoneShape } from '../../../src/domain/quality/phonePlausibility';

describe('phone plausibility', () => {
  it('reads the country from an ISO code of two or three letters in any case, nothing else', () => {
    expect(phoneCountry('DE')).toBe('DE');
    expect(phoneCountry(' deu ')).toBe('DE');
    expect(phoneCountry('ch')).toBe('CH');
    expect(phoneCountry('Deutschland')).toBeUndefined();
    expect(phoneCountry(null)).toBeUndefined();
  });

  it("judges a number by its lead's country, and a national one without a country not at all", () => {
    expect(isPlausiblePhone('0711 2305-71', 'DE')).toBe(true);
    expect(isPlausiblePhone('+49 (0)711 230571', 'DE')).toBe(true);
    expect(isPlausiblePhone('044 668 18 00', 'CH')).toBe(true);
    // Swiss numbers have nine digits after the trunk zero; this one has ten.
    expect(isPlausiblePhone('044 668 18 000', 'CH')).toBe(false);
    expect(isPlausiblePhone('05111', 'DE')).toBe(false);
    expect(isPlausiblePhone('siehe Zentrale', 'DE')).toBe(false);
    expect(isPlausiblePhone('0711 2305', null)).toBe(true);
    expect(isPlausiblePhone('+49 7', null)).toBe(false);
  });

  it('keeps the first six digits and the other characters of a number, and its length', () => {
    expect(phoneShape('+49 (0)711 230571')).toBe('+49 (0)711 555555');
    expect(phoneShape('0711/23-05')).toBe('0711/23-55');
  });

  // The shapes stand for the numbers only if the library judges both alike: random numbers around
  // each country's example number, in international and national form, with and without the country.
  it('judges a shape as the library judges the number itself, in every country it knows', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const differing = new Set<string>();
    let compared = 0;
    for (const country of getCountries()) {
      const national = getExampleNumber(country, examples)?.nationalNumber;
      if (!national) continue;
      const callingCode = getCountryCallingCode(country);
      for (let i = 0; i < 40; i++) {
        const length = Math.max(2, national.length - 3 + random(6));
        let digits = national.slice(0, Math.min(length, 1 + random(national.length)));
        while (digits.length < length) digits += String(random(10));
        for (const phone of [`+${callingCode} ${digits}`, `0${digits}`, digits, `+${callingCode}${digits}`]) {
          for (const lead of [country, null]) {
            compared += 1;
            const direct = isPlausiblePhone(phone, lead);
            if (direct !== isPlausiblePhone(phoneShape(phone), lead)) differing.add(`${country} ${phone}`);
            if (lead !== null) expect(direct).toBe(isValidPhoneNumber(phone, country));
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(50_000);
    expect([...differing]).toEqual([]);
  });

  it('lists the positions of the implausible numbers', () => {
    expect(implausiblePhones(['0711 230571', '0711 23057x', '+41 44 668 18 00', '+41 44 668 18 000'], ['DE', 'DE', null, null])).toEqual([1, 3]);
  });
});
