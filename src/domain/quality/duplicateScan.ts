import { ByteNumbering, isValid, PairNumbering, type Utf8Column } from './byteKeys';
import { MATCH_ORDER, type DuplicateMatchKind } from './duplicates';
import { companyKey, nameKey, regionKey } from './matchKeys';

/**
 * Duplicate leads found by blocks: each lead gets a key per block (below), only leads with equal keys
 * are compared, so the work grows with the leads, not with their pairs. A lead that shares a block with
 * an earlier entry is a later entry (the first keeps its points); leads joined by any block, also
 * through a third lead, are one cluster. The blocks:
 *   id:      the same lead id;
 *   email:   the address in lower case (only a syntactically valid one, as the caller hands them);
 *   person:  company and contact name, both normalised (matchKeys.ts), and the e-mail domain, the
 *            phone or the region: a person at a company is only taken as the same person with one
 *            more thing in common. Measured on the sample's planted duplicates
 *            (tests/integration/duplicates.test.ts), company and name alone joined same-named
 *            companies of other cities and countries;
 *   phone:   company and the phone's last eight digits (a country code or a trunk 0 before them).
 * A company alone or an e-mail domain alone is never a key: colleagues share both.
 *
 * This runs in JavaScript over the leads' UTF-8 bytes, not in SQL: in duckdb-wasm the text functions
 * the keys need and the GROUP BYs over a million leads took 5 s on the engine's one thread; here it
 * takes a fraction of that on another core, while the engine scores the other rules.
 */

/** One batch of the leads, in the columns the scan reads. */
export interface LeadKeyBatch {
  readonly length: number;
  readonly source: Utf8Column;
  readonly line: Int32Array;
  readonly leadId: Utf8Column;
  /** Days since 1970-01-01 of the creation; a lead without one as the latest day (9999-12-31). */
  readonly createdDay: Int32Array;
  /** Only a syntactically valid address (others not valid). */
  readonly email: Utf8Column;
  readonly company: Utf8Column;
  readonly contactName: Utf8Column;
  readonly region: Utf8Column;
  readonly phone: Utf8Column;
}

/** Every lead in a cluster: its file and line, its cluster's first entry, whether it is a later entry, what joined it. */
export interface DuplicateScan {
  readonly source: readonly string[];
  readonly line: Int32Array;
  readonly clusterSource: readonly string[];
  readonly clusterLine: Int32Array;
  readonly later: Uint8Array;
  /** A bit per match kind, in MATCH_ORDER (matchKindsOf). */
  readonly matches: Uint8Array;
  readonly clusters: number;
}

const BLOCKS: readonly DuplicateMatchKind[] = ['id', 'email', 'person', 'person', 'person', 'phone'];

/** The match kinds of a DuplicateScan's `matches` bits. */
export const matchKindsOf = (bits: number): DuplicateMatchKind[] => MATCH_ORDER.filter((_, i) => bits & (1 << i));

/** 10^8: a phone key is its number's last eight digits plus this times how many there are ("0123456" and "00123456" differ). */
const PHONE_KEY_DIGITS = 100000000;

/** A number's key from its ASCII digits (other characters skipped): none with fewer than six. */
function phoneKey(column: Utf8Column, row: number): number {
  if (!isValid(column, row)) return -1;
  let digits = 0;
  let last8 = 0;
  for (let b = column.offsets[row]!; b < column.offsets[row + 1]!; b++) {
    const byte = column.values[b]!;
    if (byte < 48 || byte > 57) continue;
    digits++;
    last8 = (last8 * 10 + byte - 48) % PHONE_KEY_DIGITS;
  }
  return digits >= 6 ? Math.min(digits, 8) * PHONE_KEY_DIGITS + last8 : -1;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Per row, the number of its value's key (-1: none), the keys made once per distinct value. */
class TextKeys {
  private readonly raw = new ByteNumbering();
  private readonly keyOfRaw: number[] = [];
  private readonly keys = new Map<string, number>();

  constructor(private readonly key: (text: string) => string | null) {}

  keyOf(column: Utf8Column, row: number): number {
    if (!isValid(column, row)) return -1;
    const id = this.raw.numberOf(column.values, column.offsets[row]!, column.offsets[row + 1]!);
    if (id === this.keyOfRaw.length) {
      const key = this.key(decoder.decode(this.raw.bytesOf(id)));
      this.keyOfRaw.push(key === null ? -1 : (this.keys.get(key) ?? this.keys.set(key, this.keys.size).get(key)!));
    }
    return this.keyOfRaw[id]!;
  }
}

/** E-mail addresses in lower case, and their domains: ASCII folded on the bytes, other letters decoded and lowered. */
class EmailKeys {
  readonly addresses = new ByteNumbering(true);
  readonly domains = new ByteNumbering(true);

  /** The numbers of the last address given to read (-1: none). */
  address = -1;
  domain = -1;

  read(column: Utf8Column, row: number): void {
    this.address = -1;
    this.domain = -1;
    if (!isValid(column, row)) return;
    let values = column.values;
    let start = column.offsets[row]!;
    let end = column.offsets[row + 1]!;
    for (let b = start; b < end; b++) {
      if (values[b]! < 128) continue;
      values = encoder.encode(decoder.decode(values.subarray(start, end)).toLowerCase());
      [start, end] = [0, values.length];
      break;
    }
    let at = start;
    while (at < end && values[at] !== 64) at++;
    this.address = this.addresses.numberOf(values, start, end);
    if (at < end) this.domain = this.domains.numberOf(values, at + 1, end);
  }
}

/** Whether values[start..end] equals the bytes from `otherStart` up to `otherEnd`. */
function sameBytes(values: Uint8Array, start: number, end: number, otherStart: number, otherEnd: number): boolean {
  if (end - start !== otherEnd - otherStart) return false;
  for (let b = 0; b < end - start; b++) if (values[start + b] !== values[otherStart + b]) return false;
  return true;
}

/**
 * The leads of one block that share a key with another: `members` holds (key, row) pairs, a key's
 * first row added when the key comes again. Keys must come numbered in order of first sight (as
 * byteKeys.ts numbers them), so a key not below all before it is new.
 */
class Block {
  private firstRow: Int32Array<ArrayBuffer> = new Int32Array(1 << 12);
  private repeated: Uint8Array<ArrayBuffer> = new Uint8Array(1 << 12);
  private seen = 0;
  readonly members: number[] = [];

  add(key: number, row: number): void {
    if (key < 0) return;
    if (key >= this.seen) {
      if (key >= this.firstRow.length) {
        const length = Math.max(key + 1, this.firstRow.length * 2);
        this.firstRow = copyInto(new Int32Array(length), this.firstRow);
        this.repeated = copyInto(new Uint8Array(length), this.repeated);
      }
      this.firstRow[key] = row;
      this.seen = key + 1;
      return;
    }
    if (!this.repeated[key]) {
      this.repeated[key] = 1;
      this.members.push(key, this.firstRow[key]!);
    }
    this.members.push(key, row);
  }
}

function copyInto<T extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(into: T, from: T): T {
  into.set(from);
  return into;
}

/** Union-find over the rows, with path halving. */
function findRoot(parent: Int32Array, row: number): number {
  while (parent[row] !== row) {
    parent[row] = parent[parent[row]!]!;
    row = parent[row]!;
  }
  return row;
}

export function scanDuplicates(batches: readonly LeadKeyBatch[]): DuplicateScan {
  const total = batches.reduce((sum, b) => sum + b.length, 0);
  const sources = new ByteNumbering();
  const leadIds = new ByteNumbering();
  const sourceOf = new Int32Array(total);
  const lineOf = new Int32Array(total);
  const createdOf = new Int32Array(total);
  const leadIdOf = new Int32Array(total);
  const blocks = BLOCKS.map(() => new Block());
  const emails = new EmailKeys();
  const companies = new TextKeys(companyKey);
  const names = new TextKeys(nameKey);
  const regions = new TextKeys(regionKey);
  const persons = new PairNumbering();
  const personBlock = new Block();
  const domainOf = new Int32Array(total);
  const phoneOf = new Int32Array(total);
  const regionOf = new Int32Array(total);
  const companyPhones = new PairNumbering();

  // Column by column, not lead by lead: each numbering's table stays in the cache (a pass over all
  // the columns per lead took twice as long).
  const eachRow = (visit: (batch: LeadKeyBatch, r: number, row: number) => void) => {
    let row = 0;
    for (const batch of batches) for (let r = 0; r < batch.length; r++, row++) visit(batch, r, row);
  };
  eachRow(({ source }, r, row) => {
    // Rows come file by file: the file of the row before is the likely one.
    const [start, end] = [source.offsets[r]!, source.offsets[r + 1]!];
    sourceOf[row] = r > 0 && sameBytes(source.values, start, end, source.offsets[r - 1]!, start) ? sourceOf[row - 1]! : sources.numberOf(source.values, start, end);
  });
  eachRow(({ line, createdDay }, r, row) => {
    lineOf[row] = line[r]!;
    createdOf[row] = createdDay[r]!;
  });
  eachRow(({ leadId }, r, row) => {
    leadIdOf[row] = isValid(leadId, r) ? leadIds.numberOf(leadId.values, leadId.offsets[r]!, leadId.offsets[r + 1]!) : -1;
    blocks[0]!.add(leadIdOf[row]!, row);
  });
  eachRow(({ email }, r, row) => {
    emails.read(email, r);
    blocks[1]!.add(emails.address, row);
    domainOf[row] = emails.domain;
  });
  const companyOf = new Int32Array(total);
  const nameOf = new Int32Array(total);
  eachRow(({ company }, r, row) => (companyOf[row] = companies.keyOf(company, r)));
  eachRow(({ contactName }, r, row) => (nameOf[row] = names.keyOf(contactName, r)));
  eachRow(({ region }, r, row) => (regionOf[row] = regions.keyOf(region, r)));
  eachRow(({ phone }, r, row) => (phoneOf[row] = phoneKey(phone, r)));
  for (let row = 0; row < total; row++) {
    const [company, name, phone] = [companyOf[row]!, nameOf[row]!, phoneOf[row]!];
    if (company >= 0 && name >= 0) personBlock.add(persons.numberOf(company, name), row);
    if (company >= 0 && phone >= 0) blocks[5]!.add(companyPhones.numberOf(company, phone), row);
  }
  // The same person with one more thing in common: only for the few leads whose person repeats.
  const personPairs = [new PairNumbering(), new PairNumbering(), new PairNumbering()];
  const more = [domainOf, phoneOf, regionOf];
  const { members } = personBlock;
  for (let i = 0; i < members.length; i += 2) {
    const [person, r] = [members[i]!, members[i + 1]!];
    more.forEach((values, m) => {
      if (values[r]! >= 0) blocks[2 + m]!.add(personPairs[m]!.numberOf(person, values[r]!), r);
    });
  }

  // Sources in byte order, as DuckDB orders texts: a cluster is named by its smallest first entry.
  const sourceRank = new Int32Array(sources.size);
  [...Array(sources.size).keys()].sort((a, b) => sources.compare(a, b)).forEach((id, rank) => (sourceRank[id] = rank));
  const byFileAndLine = (a: number, b: number) => sourceRank[sourceOf[a]!]! - sourceRank[sourceOf[b]!]! || lineOf[a]! - lineOf[b]!;
  // Earliest created (none last), then lead id, file and line: the entry that keeps its points.
  const enteredBefore = (a: number, b: number) => {
    const byDay = createdOf[a]! - createdOf[b]!;
    if (byDay !== 0) return byDay < 0;
    const [idA, idB] = [leadIdOf[a]!, leadIdOf[b]!];
    const byId = idA === idB ? 0 : idA < 0 ? 1 : idB < 0 ? -1 : leadIds.compare(idA, idB);
    return (byId || byFileAndLine(a, b)) < 0;
  };

  const parent = new Int32Array(total);
  for (let r = 0; r < total; r++) parent[r] = r;
  const later = new Uint8Array(total);
  const matches = new Uint8Array(total);
  const isFirst = new Uint8Array(total);
  BLOCKS.forEach((kind, b) => {
    const { members } = blocks[b]!;
    const firsts = new Map<number, number>();
    for (let i = 0; i < members.length; i += 2) {
      const [key, r] = [members[i]!, members[i + 1]!];
      const first = firsts.get(key);
      if (first === undefined || enteredBefore(r, first)) firsts.set(key, r);
    }
    const bit = 1 << MATCH_ORDER.indexOf(kind);
    for (let i = 0; i < members.length; i += 2) {
      const r = members[i + 1]!;
      const first = firsts.get(members[i]!)!;
      matches[r]! |= bit;
      isFirst[first] = 1;
      if (r === first) continue;
      later[r] = 1;
      const [x, y] = [findRoot(parent, r), findRoot(parent, first)];
      if (x !== y) parent[x] = y;
    }
  });

  // A cluster's name: its smallest first entry by file and line.
  const label = new Int32Array(total).fill(-1);
  for (let r = 0; r < total; r++) {
    if (!isFirst[r]) continue;
    const root = findRoot(parent, r);
    if (label[root]! < 0 || byFileAndLine(r, label[root]!) < 0) label[root] = r;
  }
  const sourceText = Array.from({ length: sources.size }, (_, id) => decoder.decode(sources.bytesOf(id)));
  const clustered: number[] = [];
  for (let r = 0; r < total; r++) if (matches[r]) clustered.push(r);
  const clusterRow = clustered.map((r) => label[findRoot(parent, r)]!);
  return {
    source: clustered.map((r) => sourceText[sourceOf[r]!]!),
    line: Int32Array.from(clustered, (r) => lineOf[r]!),
    clusterSource: clusterRow.map((r) => sourceText[sourceOf[r]!]!),
    clusterLine: Int32Array.from(clusterRow, (r) => lineOf[r]!),
    later: Uint8Array.from(clustered, (r) => later[r]!),
    matches: Uint8Array.from(clustered, (r) => matches[r]!),
    clusters: new Set(clusterRow).size,
  };
}
