import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeCodec } from '../../etl/nodeCodec';
import { toRows } from '../../src/db/arrowRows';
import { openNativeDb } from '../../src/db/nativeNode';
import type { Db } from '../../src/db/types';
import { importCsv } from '../../src/services/importCsv';
import { ENGINES } from './helpers/engines';

const dir = mkdtempSync(path.join(tmpdir(), 'leadloop-parquet-'));
const parquetFile = path.join(dir, 'leads-export.parquet');

/** A warehouse-style Parquet extract with typed columns, written by native DuckDB. */
beforeAll(async () => {
  const native = await openNativeDb();
  await native.query({
    sql:
      `COPY (SELECT * FROM (VALUES ('P1', DATE '2025-03-01', 'Messe', 'Neu', 'Bäckerei „Süß“ – 5 €', 1234.5::DOUBLE, TIMESTAMP '2025-03-02 10:30:00'), ` +
      `('P2', DATE '2025-03-04', 'Website', 'MQL', 'Weiß, Meier & Co', NULL, NULL), ` +
      `('P3', NULL, 'Website', 'Neu', 'ohne Datum', 7::DOUBLE, NULL)) ` +
      `AS t("Lead ID", "Created Date", "Lead Source", "Lead Status", "Company", "Amount", "MQL Date")) TO ? (FORMAT parquet)`,
    params: [parquetFile],
  });
  await native.close();
});

describe.each(ENGINES)('Parquet import on $name', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('loads a typed Parquet extract through the same mapping and checks as a CSV', async () => {
    const bytes = new Uint8Array(readFileSync(parquetFile));
    const report = await importCsv(db, { fileName: 'leads-export.parquet', source: { kind: 'bytes', bytes }, head: bytes.subarray(0, 65536) }, nodeCodec);
    // created_at is optional: a lead without one is loaded (the views that need a date leave it out).
    expect(report).toMatchObject({ kind: 'leads', rowsRead: 3, rowsLoaded: 3, rowsRejected: 0 });
    expect(report.rejects).toEqual([]);
    const rows = toRows(await db.query({ sql: 'SELECT lead_id, created_at, medium, stage, company, amount, mql_at FROM leads ORDER BY lead_id', params: [] }));
    expect(rows).toEqual([
      { lead_id: 'P1', created_at: Date.UTC(2025, 2, 1), medium: 'trade_fair', stage: 'lead', company: 'Bäckerei „Süß“ – 5 €', amount: 1234.5, mql_at: Date.UTC(2025, 2, 2) },
      { lead_id: 'P2', created_at: Date.UTC(2025, 2, 4), medium: 'web', stage: 'mql', company: 'Weiß, Meier & Co', amount: null, mql_at: null },
      { lead_id: 'P3', created_at: null, medium: 'web', stage: 'lead', company: 'ohne Datum', amount: 7, mql_at: null },
    ]);
  });

  it('names a file that starts like Parquet but is not', async () => {
    const bytes = new TextEncoder().encode('PAR1 this is no parquet file at all');
    await expect(importCsv(db, { fileName: 'kaputt.parquet', source: { kind: 'bytes', bytes }, head: bytes }, nodeCodec)).rejects.toThrow(/^kaputt\.parquet: this is a Parquet file but could not be read/);
  });
});
