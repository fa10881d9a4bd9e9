import { ByteNumbering, compareBytes, hashOfBytes, hashOfPair, isValid, PairNumbering, rowsSharingHash, type Utf8Column } from './byteKeys';
import { MATCH_ORDER, type DuplicateMatchKind } from './duplicates';
import { isEmailSyntax } from './emailSyntax';
import { companyKey, nameKey, regionKey } from './matchKeys';

/**
 * Duplicate leads found by blocks: each lead gets a key per block (below), only leads with equal keys
 * are compared, so the work grows with the leads, not with their pairs. A lead that shares a block with
 * an earlier entry is a later entry (the first keeps its points); leads joined by any block, also
 * through a third lead, are one cluster. The blocks:
 *   id:      the same lead id;
 *   email:   the address in lower case (only a syntactically valid one);
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
  /** As stored: only an address of valid syntax (emailSyntax.ts) is a key. */
  readonly email: Utf8Column;
  readonly company: Utf8Column;
  readonly contactName: Utf8Column;
  readonly region: Utf8Column;
  readonly phone: Utf8Column;
  /** Not read by the scan: the phone's country, for the phone judge that reads the same batches (PhoneJudge). */
  readonly country: Utf8Column;
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

/**
 * Where a row's e-mail address lies, in lower case: ASCII letters are folded by the numbering itself
 * (caseless); an address with other letters is decoded, lowered and encoded again (rare).
 */
class EmailBytes {
  values: Uint8Array = new Uint8Array(0);
  start = 0;
  end = 0;

  /** Points at the row's address; false when it has none of valid syntax. */
  locate(column: Utf8Column, row: number): boolean {
    if (!isValid(column, row)) return false;
    this.values = column.values;
    this.start = column.offsets[row]!;
    this.end = column.offsets[row + 1]!;
    if (!isEmailSyntax(this.values, this.start, this.end)) return false;
    for (let b = this.start; b < this.end; b++) {
      if (this.values[b]! < 128) continue;
      this.values = encoder.encode(decoder.decode(this.values.subarray(this.start, this.end)).toLowerCase());
      [this.start, this.end] = [0, this.values.length];
      break;
    }
    return true;
  }

  /** Where the domain starts (after the @), or -1. */
  domainStart(): number {
    for (let b = this.start; b < this.end; b++) if (this.values[b] === 64) return b + 1;
    return -1;
  }
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

/** The blocks' members, and what orders the entries: each lead's file (numbered), line, creation day and where its id lies. */
interface Blocked {
  readonly blocks: readonly Block[];
  readonly total: number;
  readonly sources: ByteNumbering;
  readonly sourceOf: Int32Array;
  readonly lineOf: Int32Array;
  readonly createdOf: Int32Array;
  /** The batch of the lead's id (-1: none). */
  readonly batchOf: Int32Array;
  readonly leadIdStart: Int32Array;
  readonly leadIdEnd: Int32Array;
}

/** The scan over batches at hand (tests, Node). */
export function scanDuplicates(batches: readonly LeadKeyBatch[]): DuplicateScan {
  const scan = new IncrementalDuplicateScan();
  scan.add(batches);
  return scan.finish();
}

/** A copy of `array` with room for `length` values. */
function withRoom<T extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(array: T, length: number): T {
  if (length <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(length, array.length * 2));
  next.set(array);
  return next;
}

/**
 * The scan fed batch by batch: `add` makes each lead's keys as its batch comes (the app's worker
 * does this while the engine is still handing the later batches over), `finish` forms the blocks
 * and the clusters, which need every lead.
 */
export class IncrementalDuplicateScan {
  private readonly batches: LeadKeyBatch[] = [];
  private total = 0;
  private readonly sources = new ByteNumbering();
  private sourceOf = new Int32Array(0);
  private lineOf = new Int32Array(0);
  private createdOf = new Int32Array(0);
  // Where each lead's id lies (its batch; -1: none), for ordering the entries of a block.
  private batchOf = new Int32Array(0);
  private leadIdStart = new Int32Array(0);
  private leadIdEnd = new Int32Array(0);
  // Ids and e-mails are mostly distinct: their hashes now, and at the end only the rows whose hash
  // another shares are numbered exactly.
  private idHash = new Int32Array(0);
  private emailHash = new Int32Array(0);
  private emailKeyed = new Uint8Array(0);
  private readonly companies = new TextKeys(companyKey);
  private readonly names = new TextKeys(nameKey);
  private companyOf = new Int32Array(0);
  private nameOf = new Int32Array(0);
  private phoneOf = new Int32Array(0);
  private readonly email = new EmailBytes();

  /** Makes the keys of the leads in `batches`, which must stay unchanged until finish. */
  add(batches: readonly LeadKeyBatch[]): void {
    const first = this.total;
    const total = first + batches.reduce((sum, b) => sum + b.length, 0);
    this.reserve(total);
    const firstBatch = this.batches.length;
    this.batches.push(...batches);
    this.total = total;
    const { sources, sourceOf, lineOf, createdOf, batchOf, leadIdStart, leadIdEnd, idHash, emailHash, emailKeyed, email } = this;
    // Column by column, not lead by lead: each numbering's table stays in the cache (a pass over all
    // the columns per lead took twice as long).
    const eachRow = (visit: (batch: LeadKeyBatch, r: number, row: number, batchIndex: number) => void) => {
      let row = first;
      batches.forEach((batch, b) => {
        for (let r = 0; r < batch.length; r++, row++) visit(batch, r, row, firstBatch + b);
      });
    };
    eachRow(({ source, line, createdDay, leadId }, r, row, batchIndex) => {
      // Rows come file by file: the file of the row before is the likely one.
      const [start, end] = [source.offsets[r]!, source.offsets[r + 1]!];
      sourceOf[row] = r > 0 && compareBytes(source.values, start, end, source.values, source.offsets[r - 1]!, start) === 0 ? sourceOf[row - 1]! : sources.numberOf(source.values, start, end);
      lineOf[row] = line[r]!;
      createdOf[row] = createdDay[r]!;
      batchOf[row] = isValid(leadId, r) ? batchIndex : -1;
      leadIdStart[row] = leadId.offsets[r]!;
      leadIdEnd[row] = leadId.offsets[r + 1]!;
      if (batchOf[row]! >= 0) idHash[row] = hashOfBytes(leadId.values, leadIdStart[row]!, leadIdEnd[row]!, false);
    });
    eachRow((batch, r, row) => {
      emailKeyed[row] = email.locate(batch.email, r) ? 1 : 0;
      if (emailKeyed[row]) emailHash[row] = hashOfBytes(email.values, email.start, email.end, true);
    });
    const { companies, names, companyOf, nameOf, phoneOf } = this;
    eachRow(({ company }, r, row) => (companyOf[row] = companies.keyOf(company, r)));
    eachRow(({ contactName }, r, row) => (nameOf[row] = names.keyOf(contactName, r)));
    eachRow(({ phone }, r, row) => (phoneOf[row] = phoneKey(phone, r)));
  }

  /** The duplicates among every lead added. */
  finish(): DuplicateScan {
    return clustersOf(this.batches, this.blocks());
  }

  private reserve(length: number): void {
    if (length <= this.sourceOf.length) return;
    const room = Math.max(length, this.sourceOf.length * 2);
    for (const name of ['sourceOf', 'lineOf', 'createdOf', 'batchOf', 'leadIdStart', 'leadIdEnd', 'idHash', 'emailHash', 'companyOf', 'nameOf', 'phoneOf'] as const) {
      this[name] = withRoom(this[name], room);
    }
    this.emailKeyed = withRoom(this.emailKeyed, room);
  }

  /** Every lead's keys into the blocks. */
  private blocks(): Blocked {
    const { batches, total, email } = this;
    const rows = <T extends Int32Array | Uint8Array>(array: T) => array.subarray(0, total) as T;
    const [batchOf, leadIdStart, leadIdEnd] = [rows(this.batchOf), rows(this.leadIdStart), rows(this.leadIdEnd)];
    const [companyOf, nameOf, phoneOf] = [rows(this.companyOf), rows(this.nameOf), rows(this.phoneOf)];
    const blocks = BLOCKS.map(() => new Block());
    const eachRow = (visit: (batch: LeadKeyBatch, r: number, row: number) => void) => {
      let row = 0;
      for (const batch of batches) for (let r = 0; r < batch.length; r++, row++) visit(batch, r, row);
    };

    const keyedIds = new Uint8Array(total);
    for (let row = 0; row < total; row++) keyedIds[row] = batchOf[row]! >= 0 ? 1 : 0;
    let sharing = rowsSharingHash(rows(this.idHash), keyedIds);
    const leadIds = new ByteNumbering();
    eachRow(({ leadId }, _, row) => {
      if (sharing[row]) blocks[0]!.add(leadIds.numberOf(leadId.values, leadIdStart[row]!, leadIdEnd[row]!), row);
    });
    sharing = rowsSharingHash(rows(this.emailHash), rows(this.emailKeyed));
    const addresses = new ByteNumbering(true);
    eachRow((batch, r, row) => {
      if (sharing[row] && email.locate(batch.email, r)) blocks[1]!.add(addresses.numberOf(email.values, email.start, email.end), row);
    });

    const keyed = new Uint8Array(total);
    const hashes = new Int32Array(total);
    /** Numbers pairs of the rows whose pair's hash another row's shares; adds them to `block`. */
    const pairBlock = (firsts: Int32Array, seconds: Int32Array, block: Block) => {
      for (let row = 0; row < total; row++) {
        keyed[row] = firsts[row]! >= 0 && seconds[row]! >= 0 ? 1 : 0;
        if (keyed[row]) hashes[row] = hashOfPair(firsts[row]!, seconds[row]!);
      }
      const pairs = new PairNumbering();
      const shared = rowsSharingHash(hashes, keyed);
      for (let row = 0; row < total; row++) if (shared[row]) block.add(pairs.numberOf(firsts[row]!, seconds[row]!), row);
    };
    const personBlock = new Block();
    pairBlock(companyOf, nameOf, personBlock);
    pairBlock(companyOf, phoneOf, blocks[5]!);

    // The same person with one more thing in common: only for the few leads whose person repeats.
    const { members } = personBlock;
    const personRepeats = new Uint8Array(total);
    for (let i = 1; i < members.length; i += 2) personRepeats[members[i]!] = 1;
    const domains = new ByteNumbering(true);
    const regions = new TextKeys(regionKey);
    const domainOf = new Int32Array(total).fill(-1);
    const regionOf = new Int32Array(total).fill(-1);
    eachRow((batch, r, row) => {
      if (!personRepeats[row]) return;
      regionOf[row] = regions.keyOf(batch.region, r);
      if (!email.locate(batch.email, r)) return;
      const at = email.domainStart();
      if (at >= 0) domainOf[row] = domains.numberOf(email.values, at, email.end);
    });
    const personPairs = [new PairNumbering(), new PairNumbering(), new PairNumbering()];
    const more = [domainOf, phoneOf, regionOf];
    for (let i = 0; i < members.length; i += 2) {
      const [person, r] = [members[i]!, members[i + 1]!];
      more.forEach((values, m) => {
        if (values[r]! >= 0) blocks[2 + m]!.add(personPairs[m]!.numberOf(person, values[r]!), r);
      });
    }
    return { blocks, total, sources: this.sources, sourceOf: rows(this.sourceOf), lineOf: rows(this.lineOf), createdOf: rows(this.createdOf), batchOf, leadIdStart, leadIdEnd };
  }
}

/** The blocks' leads joined into clusters: which entry of each block came first, which came later, and each cluster's name. */
function clustersOf(batches: readonly LeadKeyBatch[], blocked: Blocked): DuplicateScan {
  const { blocks, total, sources, sourceOf, lineOf, createdOf, batchOf, leadIdStart, leadIdEnd } = blocked;
  // Sources in byte order, as DuckDB orders texts: a cluster is named by its smallest first entry.
  const sourceRank = new Int32Array(sources.size);
  [...Array(sources.size).keys()].sort((a, b) => sources.compare(a, b)).forEach((id, rank) => (sourceRank[id] = rank));
  const byFileAndLine = (a: number, b: number) => sourceRank[sourceOf[a]!]! - sourceRank[sourceOf[b]!]! || lineOf[a]! - lineOf[b]!;
  // Earliest created (none last), then lead id, file and line: the entry that keeps its points.
  const enteredBefore = (a: number, b: number) => {
    const byDay = createdOf[a]! - createdOf[b]!;
    if (byDay !== 0) return byDay < 0;
    const [batchA, batchB] = [batchOf[a]!, batchOf[b]!];
    const byId =
      batchA < 0 || batchB < 0
        ? Number(batchA < 0) - Number(batchB < 0)
        : compareBytes(batches[batchA]!.leadId.values, leadIdStart[a]!, leadIdEnd[a]!, batches[batchB]!.leadId.values, leadIdStart[b]!, leadIdEnd[b]!);
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
