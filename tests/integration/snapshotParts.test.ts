import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows } from '../../src/db/arrowRows';
import { partQueries } from '../../src/db/opfsSnapshot';
import type { Db } from '../../src/db/types';
import type { SqlQuery } from '../../src/domain/sqlQuery';
import { openCutWasmNodeDb } from '../support/nodeEngine';

/**
 * The browser keeps a table in OPFS as parts of rowid ranges (5M leads as one Arrow stream did not
 * fit duckdb-wasm's memory) and loads them back one after another, the first creating the table.
 */
describe('a table stored in parts', () => {
  let db: Db;
  const rows = async (sql: string, params: readonly (string | number)[] = []) => toRows(await db.query({ sql, params }));

  beforeAll(async () => {
    db = await openCutWasmNodeDb();
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

  /** A query's streamed bytes joined, as the snapshot writes them to a file. */
  const streamed = async (sql: string, params: readonly number[] = []) => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of db.queryIpcStream!({ sql, params })) chunks.push(chunk.slice());
    return { chunks, bytes: new Uint8Array(chunks.flatMap((c) => [...c])) };
  };

  it('streams each part as Arrow IPC chunks that load back to the same rows and types', async () => {
    await db.query({ sql: "CREATE TABLE wide AS SELECT i AS id, 'v' || i AS text, DATE '2026-01-01' + i::INT AS day, i / 4 AS share FROM range(5000) r(i)", params: [] });
    const parts = await partQueries(db, 'wide', 3000);
    expect(parts).toHaveLength(2);
    const [first, second] = parts as [SqlQuery, SqlQuery];
    const a = await streamed(first.sql, first.params as number[]);
    // The schema, more than one batch (2048 rows each), and the end-of-stream marker.
    expect(a.chunks.length).toBeGreaterThan(3);
    expect([...a.bytes.slice(-8)]).toEqual([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);
    expect(tableFromIPC(a.bytes).numRows).toBe(3000);
    await db.insertArrowStream!('wide_copy', a.bytes);
    await db.insertArrowStream!('wide_copy', (await streamed(second.sql, second.params as number[])).bytes, { append: true });
    expect(await rows('SELECT count(*)::INT AS n FROM (SELECT * FROM wide EXCEPT ALL SELECT * FROM wide_copy)')).toEqual([{ n: 0 }]);
    expect(await rows('SELECT count(*)::INT AS n FROM wide_copy')).toEqual([{ n: 5000 }]);
    const types = (table: string) => rows(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`);
    expect((await types('wide_copy')).map((c) => c.data_type)).toEqual((await types('wide')).map((c) => c.data_type));
  });

  it('streams an empty part as a schema that creates the table with its columns', async () => {
    const empty = await streamed('SELECT * FROM t WHERE rowid >= ? AND rowid < ?', [3, 6]);
    await db.insertArrowStream!('empty_copy', empty.bytes);
    expect(await rows('SELECT count(*)::INT AS n FROM empty_copy')).toEqual([{ n: 0 }]);
    expect((await rows("SELECT column_name FROM information_schema.columns WHERE table_name = 'empty_copy' ORDER BY ordinal_position")).map((c) => c.column_name)).toEqual(['id', 'text']);
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
