import { Bool, Int32, makeData, makeVector, Table, tableFromIPC, tableToIPC, Uint8, type Data, type Utf8 } from 'apache-arrow';
import { utf8Vector } from '../db/arrowVectors';
import type { Db } from '../db/types';
import type { Utf8Column } from '../domain/quality/byteKeys';
import { IncrementalDuplicateScan, type DuplicateScan, type LeadKeyBatch } from '../domain/quality/duplicateScan';
import { PhoneJudge } from '../domain/quality/phoneJudge';
import { quoteIdent } from '../domain/sqlQuery';
import { DUPLICATE_COLUMNS, duplicateInputSql } from '../sql/duplicateInput';
import { IMPLAUSIBLE_PHONE_COLUMNS } from '../sql/phoneChecks';

/**
 * Finds the duplicate leads outside the engine: reads duplicateInputSql's rows, then answers `scan`.
 * The app scans in a worker of its own (src/ui/pages/quality/duplicateScan.ts) while the engine
 * scores the other rules; the caller waits only for the reading, which must come first: the engine
 * answers its queries one after another. With `judgePhones`, the same rows' phone numbers are
 * judged too (PhoneJudge), instead of in a reading of their own.
 */
export type DuplicateScanner = (db: Db, options: { readonly judgePhones: boolean }) => Promise<{ readonly scan: Promise<ScannedDuplicates> }>;

/** Rows as the Arrow IPC stream of a table, for Db.insertArrowStream, and how many. */
export interface ArrowRows {
  readonly ipc: Uint8Array;
  readonly rows: number;
}

/** A scan's rows (a table in DUPLICATE_COLUMNS, duplicateScanIpc) and its counts; the implausible phones when asked for. */
export interface ScannedDuplicates {
  readonly ipc: Uint8Array;
  readonly clusters: number;
  readonly clusteredLeads: number;
  /** The distinct (country, phone) pairs judged implausible, a table in IMPLAUSIBLE_PHONE_COLUMNS; null: not judged. */
  readonly implausiblePhones: ArrowRows | null;
}

/** The scan, and the phone judge when asked for, fed the same batches as they come. */
export class ScanInProgress {
  private readonly scan = new IncrementalDuplicateScan();
  private readonly phones: PhoneJudge | null;

  constructor(judgePhones: boolean) {
    this.phones = judgePhones ? new PhoneJudge() : null;
  }

  add(batches: readonly LeadKeyBatch[]): void {
    this.scan.add(batches);
    for (const batch of batches) this.phones?.add(batch.country, batch.phone, batch.length);
  }

  finish(): ScannedDuplicates {
    const scan = this.scan.finish();
    const pairs = this.phones?.implausiblePairs();
    return {
      ipc: duplicateScanIpc(scan),
      clusters: scan.clusters,
      clusteredLeads: scan.line.length,
      implausiblePhones: pairs ? pairsIpc(pairs) : null,
    };
  }
}

/** The implausible (country, phone) pairs as a table in IMPLAUSIBLE_PHONE_COLUMNS. */
function pairsIpc(pairs: readonly { readonly country: string | null; readonly phone: string }[]): ArrowRows {
  const table = new Table({ country: utf8Vector(pairs.map((p) => p.country)), phone: utf8Vector(pairs.map((p) => p.phone)) });
  return { ipc: tableToIPC(table, 'stream'), rows: pairs.length };
}

/** An Arrow text column's bytes, for the scan. */
function utf8Column(data: Data): Utf8Column {
  const text = data as Data<Utf8>;
  if (text.offset !== 0) throw new Error('the duplicate scan reads whole Arrow batches only');
  return { values: text.values, offsets: text.valueOffsets, validity: text.nullCount > 0 ? text.nullBitmap : null };
}

/** duplicateInputSql's rows, batch by batch, as the scan reads them (an empty batch, as the stream's end gives, left out). */
export function leadKeyBatches(table: Table): LeadKeyBatch[] {
  return table.batches.filter((batch) => batch.numRows > 0).map((batch) => {
    const data = (name: string) => {
      const child = batch.getChild(name);
      if (!child || child.data.length !== 1) throw new Error(`the duplicate scan lacks the column ${name}`);
      return child.data[0]!;
    };
    const ints = (name: string) => {
      const column = data(name);
      if (column.nullCount > 0 || !(column.values instanceof Int32Array)) throw new Error(`the duplicate scan's column ${name} is not a 32-bit integer in every row`);
      return column.values;
    };
    return {
      length: batch.numRows,
      source: utf8Column(data('_source')),
      line: ints('_line'),
      leadId: utf8Column(data('lead_id')),
      createdDay: ints('created_day'),
      email: utf8Column(data('email')),
      company: utf8Column(data('company')),
      contactName: utf8Column(data('contact_name')),
      region: utf8Column(data('region')),
      phone: utf8Column(data('phone')),
      country: utf8Column(data('country')),
    };
  });
}

/** The scan as the Arrow IPC stream of a table in DUPLICATE_COLUMNS, for Db.insertArrowStream (built without Arrow's builders: see utf8Vector). */
function duplicateScanIpc(scan: DuplicateScan): Uint8Array {
  const booleans = makeVector(makeData({ type: new Bool(), length: scan.later.length, data: packBits(scan.later) }));
  return tableToIPC(
    new Table({
      _source: utf8Vector(scan.source),
      _line: makeVector(makeData({ type: new Int32(), length: scan.line.length, data: scan.line })),
      cluster_source: utf8Vector(scan.clusterSource),
      cluster_line: makeVector(makeData({ type: new Int32(), length: scan.clusterLine.length, data: scan.clusterLine })),
      later: booleans,
      matches: makeVector(makeData({ type: new Uint8(), length: scan.matches.length, data: scan.matches })),
    }),
    'stream',
  );
}

/** One bit per 0/1 byte, least significant first (Arrow's booleans). */
function packBits(flags: Uint8Array): Uint8Array {
  const bits = new Uint8Array(Math.ceil(flags.length / 8));
  flags.forEach((flag, i) => {
    if (flag) bits[i >> 3]! |= 1 << (i & 7);
  });
  return bits;
}

/** Writes the scan into the table `name` (replaced). */
export async function storeDuplicateScan(db: Db, name: string, scan: ScannedDuplicates): Promise<void> {
  await storeArrowRows(db, name, { ipc: scan.ipc, rows: scan.clusteredLeads }, DUPLICATE_COLUMNS);
}

/** Writes the implausible phones the scan judged into the table `name` (replaced). */
export async function storeImplausiblePhones(db: Db, name: string, phones: ArrowRows): Promise<void> {
  await storeArrowRows(db, name, phones, IMPLAUSIBLE_PHONE_COLUMNS);
}

/** Arrow rows into the table `name` (replaced); without a row, the table of `columns` made empty. */
async function storeArrowRows(db: Db, name: string, rows: ArrowRows, columns: string): Promise<void> {
  if (!db.insertArrowStream) throw new Error(`${db.engine} cannot take rows judged outside it`);
  if (rows.rows > 0) await db.insertArrowStream(name, rows.ipc);
  else await db.query({ sql: `CREATE OR REPLACE TABLE ${quoteIdent(name)} (${columns})`, params: [] });
}

/**
 * The scan on the caller's thread, for Node (the ETL, the tests, the benchmark's native run): it
 * runs after the caller's next await (native DuckDB, which works on threads of its own, scores the
 * other rules meanwhile).
 */
export const scanDuplicatesHere: DuplicateScanner = async (db, { judgePhones }) => {
  // As Arrow bytes: native DuckDB's plain results convert every value (12 s for a million leads).
  if (!db.queryIpc) throw new Error(`${db.engine} cannot hand over the duplicate scan's columns`);
  const batches = leadKeyBatches(tableFromIPC(await db.queryIpc({ sql: duplicateInputSql(), params: [] })));
  const scan = new Promise<ScannedDuplicates>((resolve, reject) =>
    setTimeout(() => {
      try {
        const scan = new ScanInProgress(judgePhones);
        scan.add(batches);
        resolve(scan.finish());
      } catch (error) {
        reject(error);
      }
    }, 0),
  );
  return { scan };
};
