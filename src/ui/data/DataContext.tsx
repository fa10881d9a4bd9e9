import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { QueryCoordinator } from '../../db/coordinator';
import { openBrowserDb } from '../../db/wasmBrowser';
import type { TableKind } from '../../domain/schema';
import { importCsv, type CsvImportReport } from '../../services/importCsv';
import { browserCodec, urlInput } from './browserCodec';
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
  /** Bumped whenever the loaded data changes; views re-query on it. */
  readonly dataVersion: number;
  /** Milliseconds spent starting the engine and loading each table, for the status bar and tests. */
  readonly timings: Readonly<Record<string, number>>;
}

const initial: DataState = { status: { phase: 'starting' }, coordinator: null, engine: null, tables: [], dataVersion: 0, timings: {} };
const DataContext = createContext<DataState>(initial);

export function useData(): DataState {
  return useContext(DataContext);
}

/** Opens the in-browser database and loads the embedded sample exports into it. */
export function DataProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<DataState>(initial);

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
      setState((s) => ({ ...s, coordinator, engine: db.engine }));
      const tables: LoadedTable[] = [];
      for (const sample of SAMPLE_EXPORTS) {
        if (cancelled) return;
        setState((s) => ({ ...s, status: { phase: 'loading', table: sample.kind } }));
        const report = await importCsv(db, await urlInput(sample.url, sample.fileName, sample.kind), browserCodec);
        tables.push({ kind: report.kind, source: report.fileName, rows: report.rowsLoaded, report });
        lap(sample.kind);
      }
      coordinator.invalidate();
      if (!cancelled) setState((s) => ({ ...s, status: { phase: 'ready' }, tables, timings, dataVersion: coordinator?.dataVersion ?? 0 }));
    })().catch((error: unknown) => {
      if (!cancelled) setState((s) => ({ ...s, status: { phase: 'error', message: error instanceof Error ? error.message : String(error) } }));
    });
    return () => {
      cancelled = true;
      void coordinator?.db.close();
    };
  }, []);

  return <DataContext.Provider value={state}>{children}</DataContext.Provider>;
}
