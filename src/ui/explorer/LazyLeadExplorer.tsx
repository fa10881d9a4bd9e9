import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadExplorerProps } from './LeadExplorer';

const LeadExplorer = lazy(() => import('./LeadExplorer').then((m) => ({ default: m.LeadExplorer })));

/** The lead explorer (a table dialog with its export), fetched when a figure is first opened. */
export function LazyLeadExplorer(props: LeadExplorerProps) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <p className="notice muted" role="status" aria-busy="true" data-testid="explorer-loading">
          {t('status.loadingPage')}
        </p>
      }
    >
      <LeadExplorer {...props} />
    </Suspense>
  );
}
