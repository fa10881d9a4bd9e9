import type { Data, Table, Utf8 } from 'apache-arrow';
import { ByteNumbering } from '../../../domain/quality/byteKeys';
import { isPlausiblePhone, KEPT_DIGITS, withoutStackTraces } from '../../../domain/quality/phonePlausibility';

/** Bytes of (country, shape) keys written per arena; a full one is left to the numbering and a new one begun. */
const ARENA_BYTES = 1 << 20;

/**
 * The browser's phone judge over the Arrow rows of phonesOfTableSql (`id`, `country`, `phone`),
 * reading the numbers' UTF-8 bytes rather than decoding 900,000 texts (which took a second of the
 * worker's time, beside the engine on two cores). A number's shape (phoneShape) is made on its
 * bytes: an ASCII digit is one byte, and no byte of another character is one. Each (country, shape)
 * is numbered on its bytes, without a text per number (a text and a Map per number took 1 s of the
 * worker's time), then decoded and judged once.
 */
export function implausibleIdsInArrow(table: Table): number[] {
  return withoutStackTraces(() => judgedIds(table));
}

function judgedIds(table: Table): number[] {
  const index = (name: string) => table.schema.fields.findIndex((f) => f.name === name);
  const [idAt, countryAt, phoneAt] = [index('id'), index('country'), index('phone')];
  if (idAt < 0 || countryAt < 0 || phoneAt < 0) throw new Error('the phones to judge lack an id, country or phone column');
  const decoder = new TextDecoder();
  const keys = new ByteNumbering();
  // Per key number: 1 plausible, 0 not.
  const verdicts: number[] = [];
  const implausible: number[] = [];
  let arena = new Uint8Array(ARENA_BYTES);
  let used = 0;
  for (const batch of table.batches) {
    const ids = batch.data.children[idAt]!;
    const countries = batch.data.children[countryAt] as Data<Utf8>;
    const phones = batch.data.children[phoneAt] as Data<Utf8>;
    for (let row = 0; row < batch.numRows; row++) {
      if (!phones.getValid(row)) continue;
      const hasCountry = countries.getValid(row);
      const countryStart = countries.valueOffsets[row]!;
      const countryEnd = hasCountry ? countries.valueOffsets[row + 1]! : countryStart;
      const [phoneStart, phoneEnd] = [phones.valueOffsets[row]!, phones.valueOffsets[row + 1]!];
      const length = 5 + (countryEnd - countryStart) + (phoneEnd - phoneStart);
      if (used + length > arena.length) {
        arena = new Uint8Array(Math.max(ARENA_BYTES, length));
        used = 0;
      }
      // The country's length + 1 first (0: none), seven bits a byte, so that no country and number run into each other.
      let at = used;
      for (let rest = hasCountry ? countryEnd - countryStart + 1 : 0; ; rest >>>= 7) {
        if (rest < 128) {
          arena[at++] = rest;
          break;
        }
        arena[at++] = 128 | (rest & 127);
      }
      for (let b = countryStart; b < countryEnd; b++) arena[at++] = countries.values[b]!;
      const shapeStart = at;
      let digits = 0;
      for (let b = phoneStart; b < phoneEnd; b++) {
        const byte = phones.values[b]!;
        arena[at++] = byte >= 48 && byte <= 57 && ++digits > KEPT_DIGITS ? 53 : byte;
      }
      const key = keys.numberOf(arena, used, at);
      if (key === verdicts.length) {
        // A new key keeps its bytes in the arena.
        used = at;
        const country = hasCountry ? decoder.decode(countries.values.subarray(countryStart, countryEnd)) : null;
        verdicts.push(isPlausiblePhone(decoder.decode(arena.subarray(shapeStart, at)), country) ? 1 : 0);
      }
      if (!verdicts[key]) implausible.push(Number((ids.values as Int32Array)[row]));
    }
  }
  return implausible;
}
