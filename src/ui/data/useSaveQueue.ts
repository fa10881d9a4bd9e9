import { useCallback, useMemo, useRef, type MutableRefObject } from 'react';
import type { SnapshotStore } from '../../db/opfsSnapshot';
import { errorText } from '../../domain/errorText';
import { DEFAULT_PIPELINE } from '../../domain/pipeline';
import { computePreparedFigures } from '../../services/preparedFigures';
import type { DataStore } from './dataState';
import type { VersionGate } from './versionGate';

export interface SaveQueue {
  /** Stores the changed tables (after the cube of the current data is built); resolves when done. */
  persist(): Promise<void>;
  /** Marks a table changed, for the next save. */
  changed(table: string): void;
  /** Waits for the save in progress and forgets what was still to be saved. */
  drain(): Promise<void>;
}

/**
 * Keeps the user's tables in the browser. Saves run one at a time; imports that finish during a
 * save are stored by one more save after it. A failed save leaves the data loaded and says so. A
 * stored copy that could not be read is never saved over until the user discards it.
 */
export function useSaveQueue({ current, update }: DataStore, storeRef: MutableRefObject<SnapshotStore | null>, cubeSettled: VersionGate): SaveQueue {
  const saving = useRef<Promise<void>>(Promise.resolve());
  const unsaved = useRef(new Set<string>());
  const pending = useRef(false);

  const persist = useCallback(() => {
    const store = storeRef.current;
    if (!store || pending.current) return saving.current;
    if (current.current.notice?.kind === 'stored-unreadable') {
      update((s) => ({ ...s, storage: { state: 'failed', persistent: store.persistent, message: 'not saved: the copy stored earlier could not be read and is kept until you discard it' } }));
      return saving.current;
    }
    pending.current = true;
    update((s) => ({ ...s, storage: { state: 'saving', persistent: store.persistent } }));
    saving.current = saving.current.then(async () => {
      // The cube build first: it is what the user waits for, and at 5M leads the two side by side
      // did not fit duckdb-wasm's memory (the stored part's result is held while it is written).
      const version = current.current.coordinator?.dataVersion;
      if (version !== undefined) await cubeSettled.passed(version);
      pending.current = false;
      const { coordinator, tables } = current.current;
      if (!coordinator) return;
      const changed = new Set(unsaved.current);
      unsaved.current.clear();
      try {
        // The default view's figures go with the tables, for the next visit's first paint; without
        // leads there are none, and a failure to compute them only costs that paint, not the save.
        const figures = tables.some((t) => t.kind === 'leads') ? await computePreparedFigures(coordinator, DEFAULT_PIPELINE).catch(() => undefined) : undefined;
        await store.save(coordinator.db, tables.map((t) => ({ table: t.table ?? t.kind, meta: t })), changed, figures);
        if (!pending.current) update((s) => ({ ...s, storage: { state: 'saved', persistent: store.persistent, savedAt: new Date().toISOString() } }));
      } catch (error) {
        for (const table of changed) unsaved.current.add(table);
        update((s) => ({ ...s, storage: { state: 'failed', persistent: store.persistent, message: errorText(error) } }));
      }
    });
    return saving.current;
  }, [current, update, storeRef, cubeSettled]);

  const changed = useCallback((table: string) => void unsaved.current.add(table), []);
  const drain = useCallback(async () => {
    await saving.current;
    unsaved.current.clear();
  }, []);
  return useMemo(() => ({ persist, changed, drain }), [persist, changed, drain]);
}
