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
  private generation: number;

  /** `firstVersion`: where the data versions start (after an engine restart, past the old engine's). */
  constructor(
    readonly db: Db,
    private readonly capacity = 256,
    firstVersion = 0,
  ) {
    this.generation = firstVersion;
  }

  query(query: SqlQuery): Promise<Table> {
    const asked = performance.now();
    const key = JSON.stringify([query.sql, query.params]);
    const hit = this.cache.get(key);
    if (hit) {
      // Refresh recency: Map iteration order is insertion order, so re-insert.
      this.cache.delete(key);
      this.cache.set(key, hit);
      measureQuery(hit, asked, true);
      return hit;
    }
    const generation = this.generation;
    const pending = this.db.query(query);
    measureQuery(pending, asked, false);
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

/** The name of the performance.measure entry each query() call leaves (DevTools' Timings track, benchmarks). */
export const QUERY_MEASURE = 'leadloop:query';

/**
 * Records a query() call from its asking to its answer (or failure) as a user-timing measure;
 * `cached` marks answers from the cache or a query already in flight, which cost the engine nothing.
 * One small entry per call: cheap enough to leave on, so benchmarks time the real app.
 */
function measureQuery(result: Promise<Table>, asked: number, cached: boolean): void {
  const done = () => {
    performance.measure(QUERY_MEASURE, { start: asked, end: performance.now(), detail: { cached } });
  };
  result.then(done, done);
}
