/**
 * Numbers for byte strings and for pairs of numbers: equal inputs get equal numbers (0, 1, 2, … in
 * order of first sight), compared exactly, never by a hash alone. The duplicate scan keys a million
 * leads by them without decoding a million texts (decoding and a Map of strings took it 1.3 s per
 * column; hashing the bytes ~0.05 s).
 */

/**
 * A text column's UTF-8 bytes: row r is values[offsets[r]] up to values[offsets[r + 1]], when its bit
 * in `validity` is set (least significant bit first, as Arrow has it; no bitmap: every row is valid).
 */
export interface Utf8Column {
  readonly values: Uint8Array;
  readonly offsets: Int32Array;
  readonly validity: Uint8Array | null;
}

export const isValid = (column: Utf8Column, row: number): boolean => column.validity === null || ((column.validity[row >> 3]! >> (row & 7)) & 1) === 1;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * MurmurHash3's finaliser: every bit of the result depends on every bit of the input. A multiply
 * alone carries bits upwards only, so the table's low bits (its slot) saw only the inputs' low bits:
 * a company's thousands of pairs fell into one run of slots, and probing took seconds.
 */
function mixed(hash: number): number {
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

/** ASCII A–Z as a–z, every other byte as it is. */
const asciiLower = (byte: number) => (byte >= 65 && byte <= 90 ? byte + 32 : byte);

/** A 32-bit hash of bytes (FNV-1a, mixed), with ASCII letters in lower case when `caseless`. */
export function hashOfBytes(values: Uint8Array, start: number, end: number, caseless: boolean): number {
  let hash = FNV_OFFSET;
  if (caseless) for (let b = start; b < end; b++) hash = Math.imul(hash ^ asciiLower(values[b]!), FNV_PRIME);
  else for (let b = start; b < end; b++) hash = Math.imul(hash ^ values[b]!, FNV_PRIME);
  return mixed(hash);
}

/** A 32-bit hash of a pair of numbers. */
export const hashOfPair = (first: number, second: number): number => mixed(Math.imul(first, 0x9e3779b1) ^ second);

/**
 * Marks the rows whose hash another row shares (only rows with `keyed[row]` count): every row whose
 * key repeats, and the few (~3 %) whose hash's top bits merely meet another's. Numbering only these
 * rows exactly keeps a million distinct ids or e-mails out of the hash tables. Two bitmaps of the
 * hashes' top bits (seen, seen twice) instead of sorting the hashes: a quarter of the time.
 */
export function rowsSharingHash(hashes: Int32Array, keyed: Uint8Array): Uint8Array {
  let count = 0;
  for (let row = 0; row < hashes.length; row++) count += keyed[row]!;
  // About 32 bits per keyed row, at most 2^25 (4 MiB per bitmap).
  const bits = Math.min(25, Math.max(10, Math.ceil(Math.log2(count + 1)) + 5));
  const shift = 32 - bits;
  const seen = new Int32Array(1 << (bits - 5));
  const twice = new Int32Array(1 << (bits - 5));
  for (let row = 0; row < hashes.length; row++) {
    if (!keyed[row]) continue;
    const slot = hashes[row]! >>> shift;
    const bit = 1 << (slot & 31);
    if (seen[slot >>> 5]! & bit) twice[slot >>> 5]! |= bit;
    else seen[slot >>> 5]! |= bit;
  }
  const sharing = new Uint8Array(hashes.length);
  for (let row = 0; row < hashes.length; row++) {
    if (!keyed[row]) continue;
    const slot = hashes[row]! >>> shift;
    if (twice[slot >>> 5]! & (1 << (slot & 31))) sharing[row] = 1;
  }
  return sharing;
}

/**
 * Open addressing over a power-of-two table of (id + 1, hash) pairs, side by side so that a probe
 * reads one cache line (0: empty), kept at most half full (a quarter was slower).
 */
abstract class Numbering {
  protected slots: Int32Array<ArrayBuffer> = new Int32Array(2 << 12);
  size = 0;

  /** Whether the input being numbered is the one numbered `id`. */
  protected abstract same(id: number): boolean;
  /** Records the input being numbered as `id`. */
  protected abstract store(id: number): void;

  /** The number of the input with this hash whose `same` is true; or a new one, which `store` records. */
  protected numberFor(hash: number): number {
    const mask = (this.slots.length >> 1) - 1;
    let slot = hash & mask;
    for (;;) {
      const held = this.slots[slot << 1]!;
      if (held === 0) break;
      if (this.slots[(slot << 1) + 1] === hash && this.same(held - 1)) return held - 1;
      slot = (slot + 1) & mask;
    }
    const id = this.size++;
    this.store(id);
    this.slots[slot << 1] = id + 1;
    this.slots[(slot << 1) + 1] = hash;
    if (this.size * 2 > this.slots.length >> 1) this.rehash();
    return id;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] === 0) continue;
      let slot = old[i + 1]! & mask;
      while (slots[slot << 1] !== 0) slot = (slot + 1) & mask;
      slots[slot << 1] = old[i]!;
      slots[(slot << 1) + 1] = old[i + 1]!;
    }
    this.slots = slots;
  }
}

function grown(array: Int32Array): Int32Array<ArrayBuffer> {
  const next = new Int32Array(array.length * 2);
  next.set(array);
  return next;
}

/** Numbers for byte strings, optionally with ASCII letters taken in lower case. */
export class ByteNumbering extends Numbering {
  // The buffers the numbered bytes lie in (one per Arrow batch), and each id's buffer by index.
  private buffers: Uint8Array[] = [];
  private bufferOf: Int32Array<ArrayBuffer> = new Int32Array(1 << 15);
  private starts: Int32Array<ArrayBuffer> = new Int32Array(1 << 15);
  private ends: Int32Array<ArrayBuffer> = new Int32Array(1 << 15);
  // The input being numbered, as fields rather than an object: numberOf runs millions of times.
  private buffer: Uint8Array = new Uint8Array(0);
  private start = 0;
  private end = 0;

  constructor(private readonly caseless = false) {
    super();
  }

  numberOf(buffer: Uint8Array, start: number, end: number): number {
    this.buffer = buffer;
    this.start = start;
    this.end = end;
    return this.numberFor(hashOfBytes(buffer, start, end, this.caseless));
  }

  protected store(id: number): void {
    if (id === this.starts.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
      this.bufferOf = grown(this.bufferOf);
    }
    if (this.buffers[this.buffers.length - 1] !== this.buffer) this.buffers.push(this.buffer);
    this.bufferOf[id] = this.buffers.length - 1;
    this.starts[id] = this.start;
    this.ends[id] = this.end;
  }

  /** The bytes numbered `id`, as first seen. */
  bytesOf(id: number): Uint8Array {
    return this.buffers[this.bufferOf[id]!]!.subarray(this.starts[id], this.ends[id]);
  }

  /** Two numbered byte strings in byte order (compareBytes). */
  compare(a: number, b: number): number {
    return compareBytes(this.buffers[this.bufferOf[a]!]!, this.starts[a]!, this.ends[a]!, this.buffers[this.bufferOf[b]!]!, this.starts[b]!, this.ends[b]!);
  }

  protected same(id: number): boolean {
    const { buffer, start, end } = this;
    const held = this.buffers[this.bufferOf[id]!]!;
    const heldStart = this.starts[id]!;
    if (this.ends[id]! - heldStart !== end - start) return false;
    for (let b = 0; b < end - start; b++) {
      const x = held[heldStart + b]!;
      const y = buffer[start + b]!;
      if (x !== y && (!this.caseless || asciiLower(x) !== asciiLower(y))) return false;
    }
    return true;
  }
}

/** Numbers for pairs of non-negative 31-bit integers. */
export class PairNumbering extends Numbering {
  private firsts: Int32Array<ArrayBuffer> = new Int32Array(1 << 15);
  private seconds: Int32Array<ArrayBuffer> = new Int32Array(1 << 15);
  private first = 0;
  private second = 0;

  numberOf(first: number, second: number): number {
    this.first = first;
    this.second = second;
    return this.numberFor(hashOfPair(first, second));
  }

  protected store(id: number): void {
    if (id === this.firsts.length) {
      this.firsts = grown(this.firsts);
      this.seconds = grown(this.seconds);
    }
    this.firsts[id] = this.first;
    this.seconds[id] = this.second;
  }

  protected same(id: number): boolean {
    return this.firsts[id] === this.first && this.seconds[id] === this.second;
  }
}

/** Byte order, as DuckDB compares texts: the shorter of two texts that agree up to its end first. */
export function compareBytes(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, bStart: number, bEnd: number): number {
  const length = Math.min(aEnd - aStart, bEnd - bStart);
  for (let i = 0; i < length; i++) {
    const d = a[aStart + i]! - b[bStart + i]!;
    if (d !== 0) return d;
  }
  return aEnd - aStart - (bEnd - bStart);
}
