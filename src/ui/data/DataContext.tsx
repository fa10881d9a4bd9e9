import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { QueryCoordinator } from '../../db/coordinator';
import { openSnapshotStore, type SnapshotStore } from '../../db/opfsSnapshot';
import type { Db } from '../../db/types';
import { openBrowserDb } from '../../db/wasmBrowser';
import type { SqlQuery } from '../../domain/sqlQuery';
import type { FunnelCube } from '../../domain/funnelCube';
import { DEFAULT_PIPELINE } from '../../domain/pipeline';
import { TABLE_KINDS, type TableKind } from '../../domain/schema';
import { buildFunnelCube, cubeWarmUps } from '../../services/funnelCubes';
import { refreshLeadFacts } from '../../services/leadFacts';
import { importLookup, type LookupKey, type LookupReport } from '../../services/lookups';
import { ExportError } from '../../services/exportError';
import { dropLookupRegistrySql } from '../../sql/lookups';
import { importCsv, type CsvImportInput, type CsvImportReport, type ImportOptions } from '../../services/importCsv';
import { inspectImport, type Inspection, type TextChoice } from '../../services/inspectImport';
import { checkImportSize, explainOutOfMemory } from '../../services/memoryLimit';
import type { ColumnMapping } from '../../ingest/headerMapping';
import { browserCodec, fileInput } from './browserCodec';
import { loadSample, loadStartupData, type DataOrigin, type TableSummary } from './startupData';
import { whenIdle } from '../whenIdle';
import { createVersionGate } from './versionGate';

export type DataPhase =
  | { readonly phase: 'starting' }
  | { readonly phase: 'loading'; readonly table: TableKind }
  | { readonly phase: 'ready' }
  | { readonly phase: 'error'; readonly message: string };

/** Whether the user's data is kept in this browser, and how safely. */
export type StorageState =
  | { readonly state: 'unavailable' }
  | { readonly state: 'idle' | 'saving' | 'saved'; readonly persistent: boolean; readonly savedAt?: string }
  | { readonly state: 'failed'; readonly persistent: boolean; readonly message: string };

export interface DataState {
  readonly status: DataPhase;
  readonly coordinator: QueryCoordinator | null;
  readonly engine: string | null;
  readonly tables: readonly TableSummary[];
  /** The sample, the user's own imports, or a published dashboard (read-only). */
  readonly origin: DataOrigin;
  /** When a published or sample bundle was built. */
  readonly builtAt: string | null;
  readonly storage: StorageState;
  /** Something to tell the user about the data once (e.g. stored data that could not be read). */
  readonly notice: string | null;
  /** Bumped whenever the loaded data changes; views re-query on it. */
  readonly dataVersion: number;
  /** Milliseconds spent starting the engine and loading each table, for the status bar and tests. */
  readonly timings: Readonly<Record<string, number>>;
  /** The Funnel page's cube in memory, and the dataVersion it was built from. */
  readonly cube: { readonly version: number; readonly value: FunnelCube } | null;
}

/** What the user chose for one file, and how the page follows and may cancel the import. */
export interface ImportChoice extends ImportOptions, Pick<CsvImportInput, 'decimalSeparator' | 'dateFormats' | 'dateRange' | 'constants' | 'placeholders' | 'currency'> {
  /** A table of the data model, or a lookup joined onto the leads by `lookupKey`. */
  readonly kind: TableKind | 'lookup';
  readonly mapping: ColumnMapping;
  readonly lookupKey?: LookupKey;
}

/** A file's report: a table's import, or a lookup's. */
export type AnyImportReport = CsvImportReport | LookupReport;

/** What became of one file the user imported: its report, or why it could not be used. */
export type ImportOutcome = { readonly file: string; readonly report: AnyImportReport } | { readonly file: string; readonly error: string };

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
  /** Forgets the user's data (in memory and in the browser's storage) and shows the sample again. */
  clearAllData(): Promise<void>;
}

const initial: DataState = {
  status: { phase: 'starting' },
  coordinator: null,
  engine: null,
  tables: [],
  origin: 'sample',
  builtAt: null,
  storage: { state: 'unavailable' },
  notice: null,
  dataVersion: 0,
  timings: {},
  cube: null,
};
const DataContext = createContext<DataApi>({
  ...initial,
  funnelCube: null,
  recentImports: [],
  setRecentImports: () => undefined,
  inspectFile: () => Promise.reject(new Error('no DataProvider')),
  inspectAgain: () => Promise.reject(new Error('no DataProvider')),
  importFile: () => Promise.reject(new Error('no DataProvider')),
  clearAllData: () => Promise.reject(new Error('no DataProvider')),
});

export function useData(): DataApi {
  return useContext(DataContext);
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

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Opens the in-browser database, loads what the app opens with, takes imports and keeps them. */
export function DataProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<DataState>(initial);
  const [recentImports, setRecentImports] = useState<readonly ImportOutcome[]>([]);
  // Imports run one after another faster than React renders: each must see the previous one's result.
  const stateRef = useRef(state);
  const storeRef = useRef<SnapshotStore | null>(null);
  const update = useCallback((change: (s: DataState) => DataState) => {
    stateRef.current = change(stateRef.current);
    setState(stateRef.current);
  }, []);

  useEffect(() => {
    let cancelled = false;
    let coordinator: QueryCoordinator | null = null;
    (async () => {
      const timings: Record<string, number> = {};
      let started = performance.now();
      const lap = (name: string) => {
        timings[name] = Math.round(performance.now() - started);
        started = performance.now();
      };
      const [db, store] = await Promise.all([openBrowserDb(), openSnapshotStore()]);
      lap('engine');
      coordinator = new QueryCoordinator(db);
      // Only in a bench build (vite build --mode bench; the code is dropped from the app's build):
      // the engine itself, so a benchmark can time queries past the coordinator's cache.
      if (import.meta.env.MODE === 'bench') Object.assign(window, { __leadloopBench: benchHook(db) });
      storeRef.current = store;
      if (cancelled) return db.close();
      update((s) => ({ ...s, coordinator, engine: db.engine }));
      const data = await loadStartupData(db, store, (table) => {
        if (!cancelled) update((s) => ({ ...s, status: { phase: 'loading', table } }));
      });
      lap('data');
      coordinator.invalidate();
      const storage: StorageState = store ? { state: data.savedAt ? 'saved' : 'idle', persistent: store.persistent, ...(data.savedAt ? { savedAt: data.savedAt } : {}) } : { state: 'unavailable' };
      if (!cancelled) {
        update((s) => ({ ...s, status: { phase: 'ready' }, origin: data.origin, builtAt: data.builtAt ?? null, tables: data.tables, storage, notice: data.notice ?? null, timings, dataVersion: coordinator?.dataVersion ?? 0 }));
      }
    })().catch((error: unknown) => {
      if (!cancelled) update((s) => ({ ...s, status: { phase: 'error', message: errorText(error) } }));
    });
    return () => {
      cancelled = true;
      void coordinator?.db.close();
    };
  }, [update]);

  // After every change of the data the cubes are built again, once; a change meanwhile makes the result stale.
  const { dataVersion, status, tables } = state;
  const hasLeads = status.phase === 'ready' && tables.some((t) => t.kind === 'leads');
  /** Opens per data version once its cube is built, failed or not needed: the browser copy waits for it. */
  const cubeSettled = useRef(createVersionGate());
  useEffect(() => {
    const { coordinator } = stateRef.current;
    if (!coordinator || !hasLeads) {
      cubeSettled.current.open(dataVersion);
      return;
    }
    let current = true;
    const started = performance.now();
    buildFunnelCube(coordinator.db, DEFAULT_PIPELINE)
      .then(
        (cube) => {
          if (!current) return;
          update((s) => ({ ...s, cube: { version: dataVersion, value: cube }, timings: { ...s.timings, cubes: Math.round(performance.now() - started) } }));
          runWhenIdle(cubeWarmUps(cube), () => current);
        },
        // Without cubes every view still answers from the raw table, only slower.
        (error: unknown) => console.warn(`Funnel cubes not built: ${errorText(error)}`),
      )
      .finally(() => cubeSettled.current.open(dataVersion));
    return () => {
      current = false;
    };
  }, [dataVersion, hasLeads, update]);

  // Saves run one at a time; imports that finish during a save are stored by one more save after it.
  const saving = useRef<Promise<void>>(Promise.resolve());
  const unsaved = useRef(new Set<string>());
  const savePending = useRef(false);

  /** Keeps the user's tables in the browser; a failed save leaves the data loaded and says so. */
  const persist = useCallback(() => {
    const store = storeRef.current;
    if (!store || savePending.current) return saving.current;
    savePending.current = true;
    update((s) => ({ ...s, storage: { state: 'saving', persistent: store.persistent } }));
    saving.current = saving.current.then(async () => {
      // The cube build first: it is what the user waits for, and at 5M leads the two side by side
      // did not fit duckdb-wasm's memory (the stored part's result is held while it is written).
      const version = stateRef.current.coordinator?.dataVersion;
      if (version !== undefined) await cubeSettled.current.passed(version);
      savePending.current = false;
      const { coordinator, tables } = stateRef.current;
      if (!coordinator) return;
      const changed = new Set(unsaved.current);
      unsaved.current.clear();
      try {
        await store.save(coordinator.db, tables.map((t) => ({ table: t.table ?? t.kind, meta: t })), changed);
        if (!savePending.current) update((s) => ({ ...s, storage: { state: 'saved', persistent: store.persistent, savedAt: new Date().toISOString() } }));
      } catch (error) {
        for (const table of changed) unsaved.current.add(table);
        update((s) => ({ ...s, storage: { state: 'failed', persistent: store.persistent, message: errorText(error) } }));
      }
    });
    return saving.current;
  }, [update]);

  const inspectFile = useCallback(async (file: File) => {
    checkImportSize(file.name, file.size);
    return inspectImport(await fileInput(file), browserCodec);
  }, []);

  const inspectAgain = useCallback((inspection: Inspection, choice: TextChoice) => inspectImport(inspection.input, browserCodec, choice), []);

  const importLookupFile = useCallback(
    async (inspection: Inspection, key: LookupKey | undefined) => {
      const { coordinator, origin, tables } = stateRef.current;
      if (!coordinator) throw new Error('The database is not ready yet');
      const { fileName } = inspection.input;
      // A lookup joins onto the user's own leads; the sample's would be replaced by the next import.
      if (origin !== 'import' || !tables.some((t) => t.kind === 'leads')) throw new ExportError(fileName, 'a lookup joins onto your leads: import the leads first');
      if (!key) throw new ExportError(fileName, 'choose the lead column and the column of this file that hold the same values');
      const report = await importLookup(coordinator.db, inspection.input, browserCodec, key);
      coordinator.invalidate();
      const summary: TableSummary = { kind: 'lookup', table: report.table, source: fileName, rows: report.rowsLoaded, lookup: { leadColumn: report.leadColumn, column: report.column } };
      update((s) => ({ ...s, tables: [...s.tables.filter((t) => t.table !== report.table), summary], dataVersion: coordinator.dataVersion }));
      unsaved.current.add(report.table);
      void persist();
      return report;
    },
    [update, persist],
  );

  const importFile = useCallback(
    async (inspection: Inspection, { kind, mapping, decimalSeparator, dateFormats, dateRange, constants, placeholders, currency, lookupKey, ...options }: ImportChoice): Promise<AnyImportReport> => {
      if (kind === 'lookup') return importLookupFile(inspection, lookupKey);
      const { coordinator, origin, tables } = stateRef.current;
      if (!coordinator) throw new Error('The database is not ready yet');
      if (origin === 'published') throw new Error('This is a published dashboard: it is read-only');
      // Against the sample, "update" would mix the user's rows into made-up ones: always replace.
      const mode = origin === 'sample' ? 'replace' : options.mode;
      const input: CsvImportInput = {
        ...inspection.input,
        kind,
        mapping,
        ...(decimalSeparator ? { decimalSeparator } : {}),
        ...(dateFormats ? { dateFormats } : {}),
        ...(dateRange ? { dateRange } : {}),
        ...(constants ? { constants } : {}),
        ...(placeholders ? { placeholders } : {}),
        ...(currency ? { currency } : {}),
      };
      const report = await importCsv(coordinator.db, input, browserCodec, { ...options, ...(mode ? { mode } : {}) }).catch((error: unknown) => {
        throw explainOutOfMemory(inspection.input.fileName, error);
      });
      // The sample is one consistent dataset: once the user's own data arrives, none of it may mix in.
      const previous = origin === 'sample' ? undefined : tables.find((t) => t.kind === report.kind);
      const kept = origin === 'sample' ? [] : tables.filter((t) => t.kind !== report.kind);
      if (origin === 'sample') await dropLookups(coordinator.db, tables);
      if (origin === 'sample') {
        for (const other of TABLE_KINDS) if (other !== report.kind) await coordinator.db.dropTable(other);
        await refreshLeadFacts(coordinator.db);
      }
      coordinator.invalidate();
      const summary: TableSummary =
        report.mode === 'upsert' && previous
          ? { kind: report.kind, source: `${previous.source}, ${report.fileName}`, rows: previous.rows + report.rowsLoaded - report.rowsReplaced }
          : { kind: report.kind, source: report.fileName, rows: report.rowsLoaded };
      update((s) => ({ ...s, origin: 'import', tables: [...kept, summary], dataVersion: coordinator.dataVersion }));
      unsaved.current.add(report.kind);
      void persist();
      return report;
    },
    [update, persist, importLookupFile],
  );

  const clearAllData = useCallback(async () => {
    const { coordinator } = stateRef.current;
    if (!coordinator) return;
    await saving.current;
    unsaved.current.clear();
    await storeRef.current?.clear();
    for (const kind of TABLE_KINDS) await coordinator.db.dropTable(kind);
    await dropLookups(coordinator.db, stateRef.current.tables);
    await refreshLeadFacts(coordinator.db);
    const data = await loadSample(coordinator.db, (table) => update((s) => ({ ...s, status: { phase: 'loading', table } })));
    coordinator.invalidate();
    setRecentImports([]);
    update((s) => ({
      ...s,
      status: { phase: 'ready' },
      origin: data.origin,
      builtAt: data.builtAt ?? null,
      tables: data.tables,
      storage: storeRef.current ? { state: 'idle', persistent: storeRef.current.persistent } : { state: 'unavailable' },
      dataVersion: coordinator.dataVersion,
    }));
  }, [update]);

  const api = useMemo<DataApi>(
    () => ({ ...state, funnelCube: state.cube?.version === state.dataVersion ? state.cube.value : null, inspectFile, inspectAgain, importFile, clearAllData, recentImports, setRecentImports }),
    [state, inspectFile, inspectAgain, importFile, clearAllData, recentImports],
  );
  return <DataContext.Provider value={api}>{children}</DataContext.Provider>;
}

/** Drops the lookup tables and their registry. */
async function dropLookups(db: Db, tables: readonly TableSummary[]): Promise<void> {
  for (const table of tables) if (table.kind === 'lookup' && table.table) await db.dropTable(table.table);
  await db.query(dropLookupRegistrySql());
}

/** Runs the jobs one per idle period, in order, while `wanted()` holds: none delays what the user does. */
function runWhenIdle(jobs: readonly (() => unknown)[], wanted: () => boolean): void {
  const next = (index: number) => {
    if (index >= jobs.length || !wanted()) return;
    whenIdle(() => {
      jobs[index]!();
      next(index + 1);
    });
  };
  next(0);
}
