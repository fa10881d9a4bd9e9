import type { Db } from '../db/types';
import type { SqlQuery } from '../domain/sqlQuery';

const statement = (sql: string): SqlQuery => ({ sql, params: [] });

/**
 * Runs the statements as one: all of them, or on any failure (out of memory included) none, the
 * tables exactly as they were. DuckDB runs a string of several statements one by one, each
 * committed, so a replace (DROP + RENAME) or an update by id (DELETE + INSERT) that failed half-way
 * lost the earlier rows. The Db has one connection for the app's statements, so the transaction
 * spans the calls, all made in one exclusive turn.
 */
export function inTransaction(db: Db, statements: readonly SqlQuery[]): Promise<void> {
  // One turn for all of it: another caller's statement in between would join the transaction.
  return db.exclusive(async (turn) => {
    const run = (query: SqlQuery) => db.query(query, { turn });
    await run(statement('BEGIN TRANSACTION'));
    try {
      for (const query of statements) await run(query);
      await run(statement('COMMIT'));
    } catch (error) {
      // A failed COMMIT has already rolled back; then ROLLBACK finds no transaction, which is fine.
      await run(statement('ROLLBACK')).catch(() => undefined);
      throw error;
    }
  });
}
