import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useData } from '../data/DataContext';
import { preparedInUse } from '../data/dataState';
import { isUnfilteredView } from '../data/usePrepared';
import { useViewState } from '../state/ViewStateContext';
import { NeedsLeads } from './NeedsLeads';

/** Shows start-up progress, the load error or what data is missing instead of a page that needs the leads. */
export function DataGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const data = useData();
  const { status, openWithoutBundle } = data;
  const { waitingForColumns, view } = useViewState();
  // While the engine starts, a page of the default view shows the figures prepared for it (they have leads).
  if ((status.phase === 'starting' || status.phase === 'loading') && preparedInUse(data) && isUnfilteredView(view)) return <>{children}</>;
  switch (status.phase) {
    case 'ready':
      // A link's filter on an extra column waits (a moment) for the check that the data has it.
      if (waitingForColumns)
        return (
          <p className="notice muted" role="status" aria-busy="true">
            {t('status.checkingColumns')}
          </p>
        );
      return <NeedsLeads>{children}</NeedsLeads>;
    case 'error':
      return (
        <div className="notice error" role="alert" data-testid="data-error">
          <h2>{t('status.failed')}</h2>
          <p>{status.message}</p>
          <button type="button" className="primary" onClick={() => location.reload()}>
            {t('status.retry')}
          </button>{' '}
          {/* A dashboard named by the link that failed is not the only thing this app can show. */}
          {status.bundle && (
            <button type="button" onClick={() => void openWithoutBundle()} data-testid="open-without-bundle">
              {t('status.openWithoutBundle')}
            </button>
          )}
        </div>
      );
    default:
      return (
        <p className="notice muted" role="status" aria-busy="true">
          {status.phase === 'starting' ? t('status.starting') : t('status.loading', { table: t(`review.kinds.${status.table}` as 'review.kinds.leads') })}
        </p>
      );
  }
}
