import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { conditionsFor, type ExtraDimension, type LeadFilter, type ViewId } from '../../domain/leadFilter';
import { namesExtraDimensions, withKnownExtras } from '../../state/knownDimensions';
import { localToday } from '../../state/period';
import { decodeViewState, encodeViewState } from '../../state/urlCodec';
import { globalFilter, INITIAL_VIEW, type ViewState } from '../../state/viewState';
import { useLeadDimensions } from '../data/useLeadDimensions';
import { whenIdle } from '../whenIdle';

export interface ViewStateApi {
  readonly view: ViewState;
  /** Link parameters that could not be used (shown to the user once, never a crash). */
  readonly ignored: readonly string[];
  dismissIgnored(): void;
  update(transition: (view: ViewState) => ViewState): void;
  /**
   * The conditions a view applies: the global filters and the other views' selections (null: all
   * selections). Only extra columns the data has: none while its columns are not yet known.
   */
  filterFor(view: ViewId | null): LeadFilter;
  /** The extra and lookup columns filters and splits may offer; null until the data's columns are known. */
  readonly extraDimensions: readonly ExtraDimension[] | null;
  /** The view names extra columns whose existence is not known yet: pages wait rather than show unfiltered figures. */
  readonly waitingForColumns: boolean;
  /** The link query of the current view, for navigation links that keep it. */
  readonly query: string;
  readonly today: string;
}

const Context = createContext<ViewStateApi | null>(null);

/** The query part of a location hash ("#/funnel?v=1&m=web" → "v=1&m=web"). */
const queryOfHash = (hash: string) => (hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
const pathOfHash = (hash: string) => (hash.includes('?') ? hash.slice(0, hash.indexOf('?')) : hash) || '#/';

/**
 * Keeps the view state in the location hash, so a reload or a sent link opens the same view:
 * the page path stays as it is and the query after it carries the state.
 */
export function ViewStateProvider({ children }: { children: ReactNode }) {
  const [decoded, setDecoded] = useState(() => decodeViewState(queryOfHash(location.hash)));
  const [ignored, setIgnored] = useState(decoded.ignored);
  const today = useMemo(() => localToday(), []);
  const dimensions = useLeadDimensions();
  const extraDimensions = dimensions?.extraDimensions ?? null;

  // Extra columns a link names are checked against the data's before any view asks for them; those
  // it lacks are dropped and reported like any other unusable part of the link. Adjusted during
  // render (React's pattern for state derived from other state): no render with them in between.
  if (extraDimensions) {
    const known = withKnownExtras(decoded.state, extraDimensions);
    if (known.dropped.length) {
      setDecoded({ state: known.state, ignored: [] });
      setIgnored([...ignored, ...known.dropped]);
    }
  }
  const view = decoded.state;
  const waitingForColumns = extraDimensions === null && namesExtraDimensions(view);
  // Until the columns are known no extra column reaches a query (DataGate holds the pages meanwhile).
  // Only the filter parts: the planning scenario changing in the link must not make the pages query again.
  const { period, values, selections, split } = view;
  const usable = useMemo(() => {
    const filters: ViewState = { period, values, selections, split };
    return extraDimensions ? filters : withKnownExtras(filters, []).state;
  }, [period, values, selections, split, extraDimensions]);

  useEffect(() => {
    // A link pasted into the address bar, or a navigation link: read the state it carries.
    const onHashChange = () => {
      const next = decodeViewState(queryOfHash(location.hash));
      setDecoded(next);
      if (next.ignored.length) setIgnored(next.ignored);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const query = useMemo(() => (view === INITIAL_VIEW ? '' : encodeViewState(view)), [view]);
  // Written while the page is idle: Chromium's replaceState took ~6 ms of a filter change's task,
  // and the address bar need not follow within the same frame. A newer change cancels an older write.
  useEffect(
    () =>
      whenIdle(() => {
        const hash = `${pathOfHash(location.hash)}${query ? `?${query}` : ''}`;
        // Replaced, not pushed: a filter change is not a page; Back leaves the page as users expect.
        if (hash !== location.hash && (query || location.hash.includes('?'))) history.replaceState(history.state, '', hash);
      }),
    [query],
  );

  const update = useCallback((transition: (view: ViewState) => ViewState) => setDecoded((d) => ({ state: transition(d.state), ignored: [] })), []);
  const filterFor = useCallback((id: ViewId | null) => {
    const filters = globalFilter(usable, today);
    return id === null ? [...filters, ...usable.selections.map((s) => s.condition)] : conditionsFor(id, filters, usable.selections);
  }, [usable, today]);

  const api = useMemo<ViewStateApi>(
    () => ({ view, ignored, dismissIgnored: () => setIgnored([]), update, filterFor, extraDimensions, waitingForColumns, query, today }),
    [view, ignored, update, filterFor, extraDimensions, waitingForColumns, query, today],
  );
  return <Context.Provider value={api}>{children}</Context.Provider>;
}

export function useViewState(): ViewStateApi {
  const api = useContext(Context);
  if (!api) throw new Error('useViewState needs a ViewStateProvider');
  return api;
}
