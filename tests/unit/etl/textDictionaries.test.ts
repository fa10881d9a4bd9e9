import { DataType, Float64, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { withTextDictionaries } from '../../../etl/textDictionaries';

const ROWS = 3000;
const MEDIA = ['Messe', 'Webinar', 'Google Ads', '', null];

/** A small export: a repetitive text with blanks and empties, a unique text, a number. */
function exportStream(): Uint8Array {
  const medium = Array.from({ length: ROWS }, (_, i) => MEDIA[i % MEDIA.length]!);
  const email = Array.from({ length: ROWS }, (_, i) => (i % 7 === 0 ? null : `lead${i}@firma-${i}.de`));
  const amount = Array.from({ length: ROWS }, (_, i) => i * 1.5);
  return tableToIPC(new Table({ medium: vectorFromArray(medium, new Utf8()), email: vectorFromArray(email, new Utf8()), amount: vectorFromArray(amount, new Float64()) }), 'stream');
}

describe('the Arrow copy with text dictionaries', () => {
  it('encodes a repetitive text column, keeps unique texts and other columns, and holds the same values', () => {
    const plain = exportStream();
    const encoded = withTextDictionaries(plain);
    const before = tableFromIPC(plain);
    const after = tableFromIPC(encoded);
    expect(after.schema.fields.map((f) => f.name)).toEqual(['medium', 'email', 'amount']);
    expect(DataType.isDictionary(after.schema.fields[0]!.type)).toBe(true);
    expect(String(after.schema.fields[1]!.type)).toBe('Utf8');
    expect(String(after.schema.fields[2]!.type)).toBe('Float64');
    for (const name of ['medium', 'email', 'amount']) expect(after.getChild(name)!.toArray(), name).toEqual(before.getChild(name)!.toArray());
    // Blank (null) and empty texts stay apart.
    expect(after.getChild('medium')!.get(3)).toBe('');
    expect(after.getChild('medium')!.get(4)).toBeNull();
    expect(encoded.length).toBeLessThan(plain.length);
  });

  it('returns the stream unchanged when no text column would get smaller', () => {
    const unique = tableToIPC(new Table({ id: vectorFromArray(['a-1', 'b-2', 'c-3'], new Utf8()) }), 'stream');
    expect(withTextDictionaries(unique)).toBe(unique);
  });
});
