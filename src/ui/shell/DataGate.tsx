import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useData } from '../data/DataContext';
import { useViewState } from '../state/ViewStateContext';
import { NeedsLeads } from './NeedsLeads';

/** Shows start-up progress, the load error or what data is missing instead of a page that needs the leads. */
export function DataGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { status, openWithoutBundle } = useData();
  const { waitingForColumns } = useViewState();
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
          <button type="button" onClick={() => location.reload()}>
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
          {status.phase === 'starting' ? t('status.starting') : t('status.loading', { table: status.table })}
        </p>
      );
  }
}
