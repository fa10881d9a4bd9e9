import { makeData, makeVector, Utf8, type Vector } from 'apache-arrow';

/**
 * A text vector built in one buffer (null and undefined: no value). Arrow's generic builder
 * (vectorFromArray) took 2.3 s for 900,000 numbers (the phone check reads every lead's), this 0.1 s;
 * and the builder compiles code at run time, which the app's Content-Security-Policy refuses.
 */
export function utf8Vector(values: readonly unknown[]): Vector<Utf8> {
  const encoder = new TextEncoder();
  const offsets = new Int32Array(values.length + 1);
  const valid = new Uint8Array(Math.ceil(values.length / 8));
  let bytes = new Uint8Array(Math.max(1024, values.length * 16));
  let end = 0;
  let nullCount = 0;
  values.forEach((value, i) => {
    if (value == null) nullCount++;
    else {
      const text = String(value);
      // UTF-8 takes at most three bytes per UTF-16 unit.
      if (end + text.length * 3 > bytes.length) {
        const grown = new Uint8Array(Math.max(bytes.length * 2, end + text.length * 3));
        grown.set(bytes.subarray(0, end));
        bytes = grown;
      }
      end += encoder.encodeInto(text, bytes.subarray(end)).written;
      valid[i >> 3]! |= 1 << (i & 7);
    }
    offsets[i + 1] = end;
  });
  return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount, nullBitmap: valid, valueOffsets: offsets, data: bytes.subarray(0, end) }));
}
