import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../domain/errorText';
import { useData } from '../data/DataContext';

/** What the user must know about their data, on every page: a stored copy that could not be read, an engine restart. */
export function DataNoticeBanner() {
  const { t } = useTranslation();
  const { notice, discardStoredCopy, dismissNotice } = useData();
  const [problem, setProblem] = useState<string | null>(null);
  if (!notice) return null;
  const discard = () => discardStoredCopy().then(() => setProblem(null), (error: unknown) => setProblem(errorText(error)));
  return (
    <div className="notice warning app-notice" role="alert" data-testid="data-notice" data-notice={notice.kind}>
      {notice.kind === 'stored-unreadable' ? (
        <>
          <p>{t('notice.storedUnreadable', { message: notice.message })}</p>
          <button type="button" onClick={() => location.reload()}>
            {t('notice.retry')}
          </button>{' '}
          <button type="button" className="danger" onClick={() => void discard()} data-testid="discard-stored">
            {t('notice.discard')}
          </button>
          {problem && <p className="error">{problem}</p>}
        </>
      ) : (
        <>
          <p>{t('notice.engineRestarted', { message: notice.message })}</p>
          <button type="button" onClick={dismissNotice}>
            {t('notice.dismiss')}
          </button>
        </>
      )}
    </div>
  );
}
