import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageId } from './pages';

/**
 * Each page's code in a chunk of its own, fetched when the page is first shown: the app's first
 * chunk carries only the shell, so the engine's download starts sooner. A page's imports (ECharts,
 * TanStack Table, the import wizard) come with it.
 */
const overview = () => import('../pages/OverviewPage');
const funnel = () => import('../pages/FunnelPage');
const importPage = () => import('../pages/ImportPage');
const planning = () => import('../pages/PlanningPage');
const media = () => import('../pages/MediaPage');
const quality = () => import('../pages/QualityPage');
const coming = () => import('../pages/ComingPage');

export const OverviewPage = lazy(() => overview().then((m) => ({ default: m.OverviewPage })));
export const FunnelPage = lazy(() => funnel().then((m) => ({ default: m.FunnelPage })));
export const ImportPage = lazy(() => importPage().then((m) => ({ default: m.ImportPage })));
export const PlanningPage = lazy(() => planning().then((m) => ({ default: m.PlanningPage })));
export const MediaPage = lazy(() => media().then((m) => ({ default: m.MediaPage })));
export const QualityPage = lazy(() => quality().then((m) => ({ default: m.QualityPage })));
export const ComingPage = lazy(() => coming().then((m) => ({ default: m.ComingPage })));

/**
 * Starts fetching a page's chunk now. The data pages render only once the data is loaded (DataGate),
 * so without this their code would be fetched after the engine is ready instead of beside it.
 */
export function preloadPage(page: PageId): void {
  const load = page === 'overview' ? overview : page === 'funnel' ? funnel : page === 'import' ? importPage : page === 'planning' ? planning : page === 'media' ? media : page === 'quality' ? quality : coming;
  // A failed fetch shows when the page renders (the lazy component retries it and throws there).
  load().catch(() => undefined);
}

/** While a page's chunk is on its way: a line that says so, never an empty page. */
export function PageLoading({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <p className="notice muted" role="status" aria-busy="true" data-testid="page-loading">
          {t('status.loadingPage')}
        </p>
      }
    >
      {children}
    </Suspense>
  );
}
