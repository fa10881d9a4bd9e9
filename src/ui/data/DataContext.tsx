import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { QueryCoordinator } from '../../db/coordinator';
import { openBrowserDb } from '../../db/wasmBrowser';
import { TABLE_KINDS, type TableKind } from '../../domain/schema';
import { importCsv, type CsvImportReport } from '../../services/importCsv';
import { browserCodec, fileInput, urlInput } from './browserCodec';
import { SAMPLE_EXPORTS } from './sampleData';

export type DataPhase =
  | { readonly phase: 'starting' }
  | { readonly phase: 'loading'; readonly table: TableKind }
  | { readonly phase: 'ready' }
  | { readonly phase: 'error'; readonly message: string };

export interface LoadedTable {
  readonly kind: TableKind;
  readonly source: string;
  readonly rows: number;
  readonly report: CsvImportReport;
}

export interface DataState {
  readonly status: DataPhase;
  readonly coordinator: QueryCoordinator | null;
  readonly engine: string | null;
  readonly tables: readonly LoadedTable[];
  /** Whether the loaded tables are the bundled sample or the user's own imports. */
  readonly origin: 'sample' | 'import';
  /** Bumped whenever the loaded data changes; views re-query on it. */
  readonly dataVersion: number;
  /** Milliseconds spent starting the engine and loading each table, for the status bar and tests. */
  readonly timings: Readonly<Record<string, number>>;
}

/** What became of one file the user imported: its report, or why it could not be used. */
export type ImportOutcome = { readonly file: string; readonly report: CsvImportReport } | { readonly file: string; readonly error: string };

export interface DataApi extends DataState {
  /** The outcomes of the user's latest import batch, kept while they visit other pages. */
  readonly recentImports: readonly ImportOutcome[];
  setRecentImports(outcomes: readonly ImportOutcome[]): void;
  /** Imports one file into its table; the user's first import replaces the whole sample. */
  importFile(file: File, kind?: TableKind): Promise<CsvImportReport>;
}

const initial: DataState = { status: { phase: 'starting' }, coordinator: null, engine: null, tables: [], origin: 'sample', dataVersion: 0, timings: {} };
const DataContext = createContext<DataApi>({
  ...initial,
  recentImports: [],
  setRecentImports: () => undefined,
  importFile: () => Promise.reject(new Error('no DataProvider')),
});

export function useData(): DataApi {
  return useContext(DataContext);
}

/** Opens the in-browser database, loads the embedded sample exports, and takes the user's imports. */
export function DataProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<DataState>(initial);
  const [recentImports, setRecentImports] = useState<readonly ImportOutcome[]>([]);
  // Imports run one after another faster than React renders: each must see the previous one's result.
  const stateRef = useRef(state);
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
      const db = await openBrowserDb();
      lap('engine');
      coordinator = new QueryCoordinator(db);
      if (cancelled) return db.close();
      update((s) => ({ ...s, coordinator, engine: db.engine }));
      const tables: LoadedTable[] = [];
      for (const sample of SAMPLE_EXPORTS) {
        if (cancelled) return;
        update((s) => ({ ...s, status: { phase: 'loading', table: sample.kind } }));
        const report = await importCsv(db, await urlInput(sample.url, sample.fileName, sample.kind), browserCodec);
        tables.push(loaded(report));
        lap(sample.kind);
      }
      coordinator.invalidate();
      if (!cancelled) update((s) => ({ ...s, status: { phase: 'ready' }, tables, timings, dataVersion: coordinator?.dataVersion ?? 0 }));
    })().catch((error: unknown) => {
      if (!cancelled) update((s) => ({ ...s, status: { phase: 'error', message: error instanceof Error ? error.message : String(error) } }));
    });
    return () => {
      cancelled = true;
      void coordinator?.db.close();
    };
  }, [update]);

  const importFile = useCallback(async (file: File, kind?: TableKind) => {
    const { coordinator, origin, tables } = stateRef.current;
    if (!coordinator) throw new Error('The database is not ready yet');
    const report = await importCsv(coordinator.db, await fileInput(file, kind), browserCodec);
    // The sample is one consistent dataset: once the user's own data arrives, none of it may mix in.
    const kept = origin === 'sample' ? [] : tables.filter((t) => t.kind !== report.kind);
    if (origin === 'sample') {
      for (const other of TABLE_KINDS) if (other !== report.kind) await coordinator.db.dropTable(other);
    }
    coordinator.invalidate();
    update((s) => ({ ...s, origin: 'import', tables: [...kept, loaded(report)], dataVersion: coordinator.dataVersion }));
    return report;
  }, [update]);

  const api = useMemo<DataApi>(() => ({ ...state, importFile, recentImports, setRecentImports }), [state, importFile, recentImports]);
  return <DataContext.Provider value={api}>{children}</DataContext.Provider>;
}

function loaded(report: CsvImportReport): LoadedTable {
  return { kind: report.kind, source: report.fileName, rows: report.rowsLoaded, report };
}
