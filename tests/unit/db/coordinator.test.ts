import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { QueryCoordinator } from '../../../src/db/coordinator';
import type { Db } from '../../../src/db/types';
import type { SqlQuery } from '../../../src/domain/sqlQuery';

/** A Db that counts calls and answers with the number of the call; enough to test caching. */
function countingDb(fail = false): Db & { calls: SqlQuery[] } {
  const calls: SqlQuery[] = [];
  return {
    calls,
    engine: 'counting',
    async query(q) {
      calls.push(q);
      if (fail && calls.length === 1) throw new Error('boom');
      return tableFromArrays({ n: Int32Array.from([calls.length]) }) as Table;
    },
    exclusive: (work) => work({ id: 0 }),
    registerFile: async (name) => name,
    unregisterFile: async () => undefined,
    dropTable: async () => undefined,
    close: async () => undefined,
  };
}

const q = (sql: string, params: (string | number)[] = []): SqlQuery => ({ sql, params });
const n = async (t: Promise<Table>) => (await t).getChild('n')?.get(0);

describe('QueryCoordinator', () => {
  it('runs identical queries once, including while in flight', async () => {
    const db = countingDb();
    const c = new QueryCoordinator(db);
    const [a, b] = await Promise.all([n(c.query(q('SELECT 1'))), n(c.query(q('SELECT 1')))]);
    expect([a, b]).toEqual([1, 1]);
    expect(await n(c.query(q('SELECT ?', [1])))).toBe(2);
    expect(await n(c.query(q('SELECT ?', [2])))).toBe(3);
    expect(db.calls).toHaveLength(3);
  });

  it('forgets everything when the data changes', async () => {
    const db = countingDb();
    const c = new QueryCoordinator(db);
    await c.query(q('SELECT 1'));
    c.invalidate();
    expect(await n(c.query(q('SELECT 1')))).toBe(2);
    expect(c.dataVersion).toBe(1);
  });

  it('does not cache failures', async () => {
    const c = new QueryCoordinator(countingDb(true));
    await expect(c.query(q('SELECT 1'))).rejects.toThrow('boom');
    expect(await n(c.query(q('SELECT 1')))).toBe(2);
  });

  it('evicts the least recently used entries beyond its capacity', async () => {
    const db = countingDb();
    const c = new QueryCoordinator(db, 2);
    await c.query(q('a'));
    await c.query(q('b'));
    await c.query(q('a'));
    await c.query(q('c'));
    await c.query(q('a'));
    expect(db.calls.map((x) => x.sql)).toEqual(['a', 'b', 'c']);
  });
});
