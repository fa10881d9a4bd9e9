import type { QualityLink } from '../../domain/quality/linkText';
import { useCallback, useRef, useState, type MutableRefObject } from 'react';
import type { QueryCoordinator } from '../../db/coordinator';
import type { FunnelCube } from '../../domain/funnelCube';
import type { TableKind } from '../../domain/schema';
import type { DataOrigin, PreparedStart, TableSummary } from './startupData';

export type DataPhase =
  | { readonly phase: 'starting' }
  | { readonly phase: 'loading'; readonly table: TableKind }
  | { readonly phase: 'ready' }
  /** `bundle`: a dashboard named by the link (or published) that could not be opened; the user's own data or the sample can be. */
  | { readonly phase: 'error'; readonly message: string; readonly bundle?: boolean };

/** Whether the user's data is kept in this browser, and how safely. */
export type StorageState =
  | { readonly state: 'unavailable' }
  | { readonly state: 'idle' | 'saving' | 'saved'; readonly persistent: boolean; readonly savedAt?: string }
  | { readonly state: 'failed'; readonly persistent: boolean; readonly message: string };

/** Something to tell the user about the data, on every page, until they act on it or dismiss it. */
export type DataNotice =
  /** The copy stored in this browser could not be read: it is kept (nothing saved over it) until the user discards it. */
  | { readonly kind: 'stored-unreadable'; readonly message: string }
  /** The engine crashed and was restarted with the stored data. */
  | { readonly kind: 'engine-restarted'; readonly message: string };

export interface DataState {
  readonly status: DataPhase;
  readonly coordinator: QueryCoordinator | null;
  readonly engine: string | null;
  readonly tables: readonly TableSummary[];
  /** The sample, the user's own imports, or a published dashboard (read-only). */
  readonly origin: DataOrigin;
  /** When a published or sample bundle was built. */
  readonly builtAt: string | null;
  /** The data-quality rules a published or sample bundle was built with (its manifest's); null: the defaults. */
  readonly qualityLink: QualityLink | null;
  readonly storage: StorageState;
  readonly notice: DataNotice | null;
  /** Bumped whenever the loaded data changes; views re-query on it. */
  readonly dataVersion: number;
  /** Milliseconds spent starting the engine and loading each table, for the status bar and tests. */
  readonly timings: Readonly<Record<string, number>>;
  /** The Funnel page's cube in memory, and the dataVersion it was built from. */
  readonly cube: { readonly version: number; readonly value: FunnelCube } | null;
  /**
   * The default view's figures computed ahead, shown while the engine starts; once it is ready,
   * only for the data they were computed from (`dataVersion`), until the live figures arrive.
   */
  readonly prepared: (PreparedStart & { readonly dataVersion?: number }) | null;
}

export const INITIAL_DATA_STATE: DataState = {
  status: { phase: 'starting' },
  coordinator: null,
  engine: null,
  tables: [],
  origin: 'sample',
  builtAt: null,
  qualityLink: null,
  storage: { state: 'unavailable' },
  notice: null,
  dataVersion: 0,
  timings: {},
  cube: null,
  prepared: null,
};

/** The prepared figures, where they still stand for the data: before the engine is ready, and for the data first loaded. */
export function preparedInUse(state: Pick<DataState, 'prepared' | 'status' | 'dataVersion'>): PreparedStart | null {
  const { prepared, status, dataVersion } = state;
  if (!prepared) return null;
  if (status.phase === 'starting' || status.phase === 'loading') return prepared;
  return status.phase === 'ready' && prepared.dataVersion === dataVersion ? prepared : null;
}

/** The state, a ref that always holds its latest value, and the one way to change both. */
export interface DataStore {
  readonly state: DataState;
  /** Imports run one after another faster than React renders: each must see the previous one's result. */
  readonly current: MutableRefObject<DataState>;
  update(change: (s: DataState) => DataState): void;
}

export function useDataStore(): DataStore {
  const [state, setState] = useState<DataState>(INITIAL_DATA_STATE);
  const current = useRef(state);
  const update = useCallback((change: (s: DataState) => DataState) => {
    current.current = change(current.current);
    setState(current.current);
  }, []);
  return { state, current, update };
}
