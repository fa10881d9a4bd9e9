import { useCallback, useEffect, useMemo, useRef, type MutableRefObject } from 'react';
import { QueryCoordinator } from '../../db/coordinator';
import { EngineCrashedError } from '../../db/crashGuard';
import { openSnapshotStore, type SnapshotStore } from '../../db/opfsSnapshot';
import type { Db } from '../../db/types';
import { openBrowserDb } from '../../db/wasmBrowser';
import { errorText } from '../../domain/errorText';
import type { SqlQuery } from '../../domain/sqlQuery';
import type { DataStore, StorageState } from './dataState';
import { manifestReaderForOneStart } from './publishedBundle';
import { BundleError, prepareStartupFigures, type PreparedStart } from './startupData';

export interface Engine {
  /** The snapshot store of this browser, once opened (null where there is none). */
  readonly storeRef: MutableRefObject<SnapshotStore | null>;
  /** After a dashboard named by the link failed: opens the user's own stored data, else the sample. */
  openWithoutBundle(): Promise<void>;
  /** Deletes the stored copy that could not be read; saving is possible again. */
  discardStoredCopy(): Promise<void>;
}

/**
 * Starts the in-browser database and loads what the app opens with. If the engine's worker
 * crashes, its pending queries have been rejected (see crashGuard); the engine is started again
 * with the stored data and the user is told what happened. Each start has a generation: a crash or
 * a restart makes the older one's late results void.
 */
export function useEngine({ current, update }: DataStore): Engine {
  const storeRef = useRef<SnapshotStore | null>(null);
  const generation = useRef(0);

  const start = useCallback(
    async (options: { skipBundle?: boolean; restartedAfter?: string } = {}) => {
      const mine = ++generation.current;
      const live = () => generation.current === mine;
      const previous = current.current.coordinator;
      update((s) => ({ ...s, status: { phase: 'starting' }, coordinator: null, cube: null, prepared: null }));
      if (previous) await previous.db.close().catch(() => undefined);
      const storeOpened = storeRef.current ? Promise.resolve(storeRef.current) : openSnapshotStore();
      const readManifest = manifestReaderForOneStart();
      // The loading code's chunk is fetched while the engine starts; it is needed once the engine is there.
      const loading = import('./startupLoad');
      // A failure is reported where it is awaited, below.
      loading.catch(() => undefined);
      // The figures computed ahead are fetched beside the engine's start, and painted as soon as they are here.
      void prepareStartupFigures(storeOpened, { ...options, readManifest }).then((prepared) => prepared && live() && update((s) => (s.status.phase === 'starting' || s.status.phase === 'loading' ? { ...s, prepared } : s)));
      const timings: Record<string, number> = {};
      let started = performance.now();
      const lap = (name: string) => {
        timings[name] = Math.round(performance.now() - started);
        started = performance.now();
      };
      try {
        const [db, store] = await Promise.all([openBrowserDb(), storeOpened]);
        lap('engine');
        if (!live()) return void (await db.close());
        // Versions keep counting up across restarts: a view never takes the new data's results for the old ones.
        const coordinator = new QueryCoordinator(db, undefined, (previous?.dataVersion ?? 0) + 1);
        db.onCrash?.((error) => {
          if (live()) void start({ restartedAfter: error instanceof EngineCrashedError ? error.reason : error.message });
        });
        // Only in a bench build (vite build --mode bench; the code is dropped from the app's build):
        // the engine itself, so a benchmark can time queries past the coordinator's cache.
        if (import.meta.env.MODE === 'bench') Object.assign(window, { __leadloopBench: benchHook(db) });
        storeRef.current = store;
        update((s) => ({ ...s, coordinator, engine: db.engine }));
        const { loadStartupData } = await loading;
        const data = await loadStartupData(db, store, (table) => live() && update((s) => ({ ...s, status: { phase: 'loading', table } })), { ...options, readManifest });
        lap('data');
        if (!live()) return;
        coordinator.invalidate();
        const storage: StorageState = store ? { state: data.savedAt ? 'saved' : 'idle', persistent: store.persistent, ...(data.savedAt ? { savedAt: data.savedAt } : {}) } : { state: 'unavailable' };
        const notice = data.storedUnreadable
          ? ({ kind: 'stored-unreadable', message: data.storedUnreadable } as const)
          : options.restartedAfter
            ? ({ kind: 'engine-restarted', message: options.restartedAfter } as const)
            : null;
        // Figures prepared for other data than what loaded (a stored copy that could not be read, a bundle
        // replaced in between) are dropped: same origin and same build or save time, or nothing.
        const sameData = (p: PreparedStart) => p.origin === data.origin && p.asOf === (data.builtAt ?? data.savedAt);
        const prepared = (s: { prepared: PreparedStart | null }) => (s.prepared && sameData(s.prepared) ? { ...s.prepared, dataVersion: coordinator.dataVersion } : null);
        update((s) => ({ ...s, status: { phase: 'ready' }, origin: data.origin, builtAt: data.builtAt ?? null, qualityLink: data.qualityLink ?? null, tables: data.tables, storage, notice, timings, dataVersion: coordinator.dataVersion, prepared: prepared(s) }));
      } catch (error) {
        if (live()) update((s) => ({ ...s, status: { phase: 'error', message: errorText(error), ...(error instanceof BundleError ? { bundle: true } : {}) }, prepared: null }));
      }
    },
    [current, update],
  );

  useEffect(() => {
    void start();
    const starts = generation;
    const state = current;
    return () => {
      starts.current++;
      void state.current.coordinator?.db.close();
    };
  }, [start, current]);

  const openWithoutBundle = useCallback(async () => {
    // The link no longer names the dashboard: a reload opens what the user chose, not the error again.
    const url = new URL(location.href);
    url.searchParams.delete('bundle');
    history.replaceState(history.state, '', url);
    await start({ skipBundle: true });
  }, [start]);

  const discardStoredCopy = useCallback(async () => {
    await storeRef.current?.clear();
    update((s) => ({ ...s, notice: null, storage: storeRef.current ? { state: 'idle', persistent: storeRef.current.persistent } : { state: 'unavailable' } }));
  }, [update]);

  return useMemo(() => ({ storeRef, openWithoutBundle, discardStoredCopy }), [openWithoutBundle, discardStoredCopy]);
}

/** What the interaction benchmark runs in the page: a query, timed, its rows counted. */
function benchHook(db: Db) {
  return {
    async query(query: SqlQuery): Promise<{ ms: number; rows: number }> {
      const start = performance.now();
      const table = await db.query(query);
      return { ms: performance.now() - start, rows: table.numRows };
    },
  };
}
