import type { Data, Table, Utf8 } from 'apache-arrow';
import { isPlausiblePhone, KEPT_DIGITS } from '../../../domain/quality/phonePlausibility';

/**
 * The browser's phone judge over the Arrow rows of phonesOfTableSql (`id`, `country`, `phone`),
 * reading the numbers' UTF-8 bytes rather than decoding 900,000 texts (which took a second of the
 * worker's time, beside the engine on two cores). A number's shape (phoneShape) is made on its
 * bytes: an ASCII digit is one byte, and no byte of another character is one. Each (country, shape)
 * is decoded and judged once.
 */
export function implausibleIdsInArrow(table: Table): number[] {
  const index = (name: string) => table.schema.fields.findIndex((f) => f.name === name);
  const [idAt, countryAt, phoneAt] = [index('id'), index('country'), index('phone')];
  if (idAt < 0 || countryAt < 0 || phoneAt < 0) throw new Error('the phones to judge lack an id, country or phone column');
  const decoder = new TextDecoder();
  const verdicts = new Map<string, boolean>();
  const implausible: number[] = [];
  const key: number[] = [];
  for (const batch of table.batches) {
    const ids = batch.data.children[idAt]!;
    const countries = batch.data.children[countryAt] as Data<Utf8>;
    const phones = batch.data.children[phoneAt] as Data<Utf8>;
    for (let row = 0; row < batch.numRows; row++) {
      if (!phones.getValid(row)) continue;
      key.length = 0;
      // The country's length first (0: none), so that no country and number run into each other.
      const hasCountry = countries.getValid(row);
      const countryStart = countries.valueOffsets[row]!;
      const countryEnd = hasCountry ? countries.valueOffsets[row + 1]! : countryStart;
      const countryLength = hasCountry ? countryEnd - countryStart + 1 : 0;
      key.push(countryLength >>> 16, countryLength & 0xffff);
      for (let b = countryStart; b < countryEnd; b++) key.push(countries.values[b]!);
      let digits = 0;
      for (let b = phones.valueOffsets[row]!; b < phones.valueOffsets[row + 1]!; b++) {
        const byte = phones.values[b]!;
        const digit = byte >= 48 && byte <= 57;
        key.push(digit && ++digits > KEPT_DIGITS ? 53 : byte);
      }
      const text = String.fromCharCode(...key);
      let plausible = verdicts.get(text);
      if (plausible === undefined) {
        const country = hasCountry ? decoder.decode(countries.values.subarray(countryStart, countryEnd)) : null;
        const shape = decoder.decode(Uint8Array.from(key.slice(2 + (countryEnd - countryStart))));
        verdicts.set(text, (plausible = isPlausiblePhone(shape, country)));
      }
      if (!plausible) implausible.push(Number((ids.values as Int32Array)[row]));
    }
  }
  return implausible;
}
