import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { FunnelCube } from '../../domain/funnelCube';
import type { Inspection, TextChoice } from '../../services/inspectImport';
import { INITIAL_DATA_STATE, useDataStore, type DataState } from './dataState';
import type { AnyImportReport, ImportChoice, ImportOutcome } from './importChoice';
import { useCubeBuild } from './useCubeBuild';
import { useEngine } from './useEngine';
import { useImports } from './useImports';
import { useSaveQueue } from './useSaveQueue';

export type { DataNotice, DataPhase, DataState, StorageState } from './dataState';
export type { AnyImportReport, ImportChoice, ImportOutcome } from './importChoice';

export interface DataApi extends DataState {
  /** The cube of the data on screen; null until it is built (meanwhile the Funnel page reads the raw table). */
  readonly funnelCube: FunnelCube | null;
  /** The outcomes of the user's latest import batch, kept while they visit other pages. */
  readonly recentImports: readonly ImportOutcome[];
  setRecentImports(outcomes: readonly ImportOutcome[]): void;
  /** Reads a dropped file's head: what the user reviews before importing it. */
  inspectFile(file: File): Promise<Inspection>;
  /** Reads it again with the encoding or delimiter the user chose. */
  inspectAgain(inspection: Inspection, choice: TextChoice): Promise<Inspection>;
  /** Imports a reviewed file into its table (or as a lookup); the user's first import replaces the whole sample. */
  importFile(inspection: Inspection, choice: ImportChoice): Promise<AnyImportReport>;
  /** Forgets the user's data (in memory, in the browser's storage, the remembered mappings) and shows the sample again; throws, after doing what it could, if a step failed. */
  clearAllData(): Promise<void>;
  /** After a dashboard named by the link could not be opened: opens the user's own stored data, else the sample. */
  openWithoutBundle(): Promise<void>;
  /** Deletes the stored copy that could not be read (and saves the data shown, if it is the user's). */
  discardStoredCopy(): Promise<void>;
  /** Hides the notice. */
  dismissNotice(): void;
}

const notReady = () => Promise.reject(new Error('no DataProvider'));
const DataContext = createContext<DataApi>({
  ...INITIAL_DATA_STATE,
  funnelCube: null,
  recentImports: [],
  setRecentImports: () => undefined,
  inspectFile: notReady,
  inspectAgain: notReady,
  importFile: notReady,
  clearAllData: notReady,
  openWithoutBundle: notReady,
  discardStoredCopy: notReady,
  dismissNotice: () => undefined,
});

export function useData(): DataApi {
  return useContext(DataContext);
}

/**
 * The loaded data and what the user can do with it, composed of jobs that each fail and recover on
 * their own: the engine (start, start-up data, restart after a crash), the cube build, the save
 * queue and the imports.
 */
export function DataProvider({ children }: { children: ReactNode }) {
  const store = useDataStore();
  const { state, current, update } = store;
  const [recentImports, setRecentImports] = useState<readonly ImportOutcome[]>([]);
  const engine = useEngine(store);
  const cubeSettled = useCubeBuild(store);
  const saves = useSaveQueue(store, engine.storeRef, cubeSettled);
  const forgetRecent = useCallback(() => setRecentImports([]), []);
  const imports = useImports(store, saves, engine.storeRef, forgetRecent);
  const { discardStoredCopy: discard, openWithoutBundle } = engine;

  const discardStoredCopy = useCallback(async () => {
    await discard();
    const { origin, tables } = current.current;
    if (origin !== 'import') return;
    for (const table of tables) saves.changed(table.table ?? table.kind);
    await saves.persist();
  }, [discard, saves, current]);

  const dismissNotice = useCallback(() => update((s) => ({ ...s, notice: null })), [update]);

  const api = useMemo<DataApi>(
    () => ({
      ...state,
      funnelCube: state.cube?.version === state.dataVersion ? state.cube.value : null,
      ...imports,
      recentImports,
      setRecentImports,
      openWithoutBundle,
      discardStoredCopy,
      dismissNotice,
    }),
    [state, imports, recentImports, openWithoutBundle, discardStoredCopy, dismissNotice],
  );
  return <DataContext.Provider value={api}>{children}</DataContext.Provider>;
}
