import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows } from '../../src/db/arrowRows';
import { partQueries } from '../../src/db/opfsSnapshot';
import type { Db } from '../../src/db/types';
import { openWasmNodeDb } from '../../src/db/wasmNode';

/**
 * The browser keeps a table in OPFS as parts of rowid ranges (5M leads as one Arrow stream did not
 * fit duckdb-wasm's memory) and loads them back one after another, the first creating the table.
 */
describe('a table stored in parts', () => {
  let db: Db;
  const rows = async (sql: string, params: readonly (string | number)[] = []) => toRows(await db.query({ sql, params }));

  beforeAll(async () => {
    db = await openWasmNodeDb();
    await db.query({ sql: "CREATE TABLE t AS SELECT i AS id, 'v' || i AS text FROM range(10) r(i)", params: [] });
    // Rows 3-5 deleted: the second part of 3 rowids is empty, and rowids still end at 9.
    await db.query({ sql: 'DELETE FROM t WHERE id BETWEEN 3 AND 5', params: [] });
  });
  afterAll(async () => db?.close());

  it('covers every row exactly once, in table order, across the gaps deleted rows leave', async () => {
    const parts = await partQueries(db, 't', 3);
    expect(parts).toHaveLength(4);
    const read: unknown[] = [];
    for (const part of parts) read.push(...(await rows(part.sql, part.params as number[])).map((r) => r.id));
    expect(read).toEqual([0, 1, 2, 6, 7, 8, 9]);
  });

  it('keeps an empty table as one part, so its columns come back', async () => {
    await db.query({ sql: 'CREATE TABLE empty AS SELECT * FROM t WHERE false', params: [] });
    expect(await partQueries(db, 'empty', 3)).toHaveLength(1);
  });

  it('loads parts back: the first creates the table, the others append to it', async () => {
    const part = (from: number) => tableToIPC(tableFromArrays({ id: Int32Array.from([from, from + 1]), text: [`v${from}`, `v${from + 1}`] }), 'stream');
    await db.insertArrowStream!('copy', part(0));
    await db.insertArrowStream!('copy', part(2), { append: true });
    expect(await rows('SELECT id, text FROM copy ORDER BY id')).toEqual([0, 1, 2, 3].map((id) => ({ id, text: `v${id}` })));
    // Without append the table is replaced, as a reload of a newer save does.
    await db.insertArrowStream!('copy', part(7));
    expect((await rows('SELECT id FROM copy ORDER BY id')).map((r) => r.id)).toEqual([7, 8]);
  });
});
