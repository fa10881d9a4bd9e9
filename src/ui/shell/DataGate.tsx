import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useData } from '../data/DataContext';

/** Shows start-up progress or the load error instead of a page that needs data. */
export function DataGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { status } = useData();
  switch (status.phase) {
    case 'ready':
      return <>{children}</>;
    case 'error':
      return (
        <div className="notice error" role="alert" data-testid="data-error">
          <h2>{t('status.failed')}</h2>
          <p>{status.message}</p>
          <button type="button" onClick={() => location.reload()}>
            {t('status.retry')}
          </button>
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
