import type { Table } from 'apache-arrow';
import type { SqlQuery } from '../domain/sqlQuery';
import type { Db } from './types';

/**
 * Sits between the views and the Db, in the spirit of Mosaic's coordinator: identical queries
 * from several views run once (in-flight sharing), results are cached by SQL + params, and a data
 * change (a new import) invalidates everything so no view shows figures of the old data.
 */
export class QueryCoordinator {
  private readonly cache = new Map<string, Promise<Table>>();
  private generation = 0;

  constructor(
    readonly db: Db,
    private readonly capacity = 256,
  ) {}

  query(query: SqlQuery): Promise<Table> {
    const key = JSON.stringify([query.sql, query.params]);
    const hit = this.cache.get(key);
    if (hit) {
      // Refresh recency: Map iteration order is insertion order, so re-insert.
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const generation = this.generation;
    const pending = this.db.query(query);
    this.cache.set(key, pending);
    pending.catch(() => {
      // A failed query must be retried next time, not served from the cache.
      if (this.generation === generation) this.cache.delete(key);
    });
    this.evict();
    return pending;
  }

  /** Call after any change to the data: cached and in-flight results belong to the old data. */
  invalidate(): void {
    this.generation++;
    this.cache.clear();
  }

  get dataVersion(): number {
    return this.generation;
  }

  private evict(): void {
    while (this.cache.size > this.capacity) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }
}
