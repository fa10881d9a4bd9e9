import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeCodec } from '../../etl/nodeCodec';
import { toRows } from '../../src/db/arrowRows';
import type { Db } from '../../src/db/types';
import type { SqlQuery } from '../../src/domain/sqlQuery';
import { importCsv, type ImportOptions } from '../../src/services/importCsv';
import { ENGINES } from './helpers/engines';

const HEADER = 'Lead ID,Created Date,Lead Source,Lead Status,Company';
const JANUARY = `${HEADER}\nL1,2025-01-02,Website,Open,Alt GmbH\nL2,2025-01-03,Website,Open,Zwei AG\nL3,2025-01-04,Event,MQL,Drei KG\n`;
const FEBRUARY = `${HEADER}\nL2,2025-01-03,Website,Won,Zwei AG\nL4,2025-02-01,Event,Open,Vier KG\n`;
const OUT_OF_MEMORY = 'Out of Memory Error: could not allocate block of size 256.0 KiB';

/**
 * The engine, failing the statement that contains `marker` as an engine would part-way through a
 * string of statements: those before it in the same call have run (DuckDB commits each), it has not.
 */
function failingAt(db: Db, marker: RegExp, message = OUT_OF_MEMORY): Db & { failed: () => boolean } {
  let failed = false;
  return {
    ...db,
    failed: () => failed,
    async query(query: SqlQuery, options) {
      const match = marker.exec(query.sql);
      if (!match || failed) return db.query(query, options);
      failed = true;
      const upToMarker = query.sql.slice(0, match.index);
      const before = upToMarker.slice(0, upToMarker.lastIndexOf(';') + 1).trim();
      if (before && query.params.length === 0) await db.query({ sql: before, params: [] });
      throw new Error(message);
    },
  };
}

describe.each(ENGINES)('imports are all-or-nothing on $name', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  const load = (target: Db, fileName: string, text: string, options?: ImportOptions) => {
    const bytes = new TextEncoder().encode(text);
    return importCsv(target, { fileName, source: { kind: 'bytes', bytes }, head: bytes }, nodeCodec, options);
  };
  const leads = async () => toRows(await db.query({ sql: 'SELECT lead_id, stage, company, _source, _line FROM leads ORDER BY lead_id', params: [] }));
  const JANUARY_ROWS = [
    { lead_id: 'L1', stage: 'lead', company: 'Alt GmbH', _source: 'jan.csv', _line: 2 },
    { lead_id: 'L2', stage: 'lead', company: 'Zwei AG', _source: 'jan.csv', _line: 3 },
    { lead_id: 'L3', stage: 'mql', company: 'Drei KG', _source: 'jan.csv', _line: 4 },
  ];

  it('a replace that fails between dropping the table and renaming the new one keeps the earlier table', async () => {
    await load(db, 'jan.csv', JANUARY);
    expect(await leads()).toEqual(JANUARY_ROWS);
    const failing = failingAt(db, /ALTER TABLE \S+ RENAME TO/);
    await expect(load(failing, 'feb.csv', FEBRUARY)).rejects.toThrow(/^feb\.csv: Out of Memory Error: could not allocate block of size 256\.0 KiB; nothing was imported, your earlier data is unchanged$/);
    expect(failing.failed()).toBe(true);
    expect(await leads()).toEqual(JANUARY_ROWS);
  });

  it('an update by id that fails between deleting the replaced rows and inserting the new ones keeps every earlier row', async () => {
    await load(db, 'jan.csv', JANUARY);
    const failing = failingAt(db, /INSERT INTO "leads" BY NAME/);
    await expect(load(failing, 'feb.csv', FEBRUARY, { mode: 'upsert' })).rejects.toThrow(/your earlier data is unchanged/);
    expect(failing.failed()).toBe(true);
    expect(await leads()).toEqual(JANUARY_ROWS);
    // The engine is usable afterwards: no transaction was left open.
    const report = await load(db, 'feb.csv', FEBRUARY, { mode: 'upsert' });
    expect(report).toMatchObject({ mode: 'upsert', rowsLoaded: 2, rowsReplaced: 1 });
    expect((await leads()).map((r) => [r.lead_id, r.stage, r._source])).toEqual([
      ['L1', 'lead', 'jan.csv'],
      ['L2', 'won', 'feb.csv'],
      ['L3', 'mql', 'jan.csv'],
      ['L4', 'lead', 'feb.csv'],
    ]);
  });

  it("another caller's statement sent during the import's transaction waits for its end: a rollback does not take it along", async () => {
    await load(db, 'jan.csv', JANUARY);
    await db.query({ sql: 'DROP TABLE IF EXISTS bystander', params: [] });
    let bystander: Promise<unknown> | undefined;
    // A view's or the cube build's statement arriving between the import's BEGIN and its failing RENAME.
    const failing = failingAt(db, /ALTER TABLE \S+ RENAME TO/);
    const sendingBystander: Db = {
      ...failing,
      query(query, options) {
        if (/RENAME TO/.test(query.sql)) bystander ??= db.query({ sql: 'CREATE TABLE bystander AS SELECT 42 AS answer', params: [] });
        return failing.query(query, options);
      },
    };
    await expect(load(sendingBystander, 'feb.csv', FEBRUARY)).rejects.toThrow(/your earlier data is unchanged/);
    await bystander;
    expect(toRows(await db.query({ sql: 'SELECT answer FROM bystander', params: [] }))).toEqual([{ answer: 42 }]);
    expect(await leads()).toEqual(JANUARY_ROWS);
  });

  it('a step after the swap that fails is reported with the import, which stays done', async () => {
    await load(db, 'jan.csv', JANUARY);
    const failing = failingAt(db, /lead_facts/, 'IO Error: something went wrong');
    const report = await load(failing, 'feb.csv', FEBRUARY);
    expect(failing.failed()).toBe(true);
    expect(report.rowsLoaded).toBe(2);
    expect(report.afterwards).toEqual(['the figures could not be refreshed: IO Error: something went wrong']);
    expect((await leads()).map((r) => r.lead_id)).toEqual(['L2', 'L4']);
  });

  it("an update by id from a workbook renumbers only its own rows onto sheet rows, not other files' rows", async () => {
    await load(db, 'jan.csv', JANUARY);
    // Sheet rows 1 (header), 2 and 4: the blank row 3 is skipped, so the CSV's line 3 is sheet row 4.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Leads');
    sheet.getRow(1).values = HEADER.split(',');
    sheet.getRow(2).values = ['L7', '2025-02-02', 'Website', 'Open', 'Sieben AG'];
    sheet.getRow(4).values = ['L8', '2025-02-03', 'Website', 'Open', 'Acht AG'];
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const report = await importCsv(db, { fileName: 'feb.xlsx', source: { kind: 'bytes', bytes }, head: bytes }, nodeCodec, { mode: 'upsert' });
    expect(report).toMatchObject({ mode: 'upsert', rowsLoaded: 2 });
    expect((await leads()).map((r) => [r.lead_id, r._source, r._line])).toEqual([
      ['L1', 'jan.csv', 2],
      ['L2', 'jan.csv', 3],
      ['L3', 'jan.csv', 4],
      ['L7', 'feb.xlsx', 2],
      ['L8', 'feb.xlsx', 4],
    ]);
  });
});
