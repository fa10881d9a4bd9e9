import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../domain/errorText';
import { useData } from '../data/DataContext';
import { formatDateTime, formatInteger } from '../i18n/format';
import { useImportLabels } from './useImportLabels';

/** What is loaded, where it came from, whether this browser keeps it, and the way to forget it. */
export function LoadedDataPanel() {
  const { t, i18n } = useTranslation();
  const { columnLabel } = useImportLabels();
  const { tables, origin, builtAt, storage, clearAllData } = useData();
  const [confirming, setConfirming] = useState(false);
  const [clearing, setClearing] = useState(false);
  const [clearProblem, setClearProblem] = useState<string | null>(null);
  const lang = i18n.language;

  async function clear() {
    setClearing(true);
    setClearProblem(null);
    try {
      await clearAllData();
    } catch (error) {
      setClearProblem(errorText(error));
    } finally {
      setClearing(false);
      setConfirming(false);
    }
  }

  return (
    <section className="panel loaded-data" aria-labelledby="loaded-title" data-testid="loaded-data" data-origin={origin} data-storage={storage.state}>
      <h2 id="loaded-title">{t('storage.title')}</h2>
      {clearProblem && (
        <p className="notice error" role="alert" data-testid="clear-problem">
          {t('storage.clearFailed', { message: clearProblem })}
        </p>
      )}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('storage.table')}</th>
            <th scope="col">{t('storage.source')}</th>
            <th scope="col" className="num">{t('storage.rows')}</th>
          </tr>
        </thead>
        <tbody>
          {tables.map((table) => (
            <tr key={table.table ?? table.kind} data-table={table.table ?? table.kind}>
              <td>{table.kind === 'lookup' ? <>{t('review.kinds.lookup')}: {columnLabel(table.lookup?.leadColumn ?? '')}</> : t(`review.kinds.${table.kind}` as 'review.kinds.leads')}</td>
              <td>{table.source}</td>
              <td className="num" data-rows={table.rows}>{formatInteger(lang, table.rows)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted" role="status" data-testid="storage-status">{storageText()}</p>
      {origin === 'import' &&
        (confirming ? (
          <div className="confirm" role="group" aria-label={t('storage.clear')}>
            <span>{t('storage.clearConfirm')}</span>
            <button type="button" className="danger" onClick={() => void clear()} disabled={clearing} data-testid="clear-confirm">
              {t('storage.clearYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)} disabled={clearing} autoFocus>
              {t('storage.clearNo')}
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} data-testid="clear-data">
            {t('storage.clear')}
          </button>
        ))}
    </section>
  );

  function storageText(): string {
    if (origin === 'published') return t('storage.published', { when: builtAt ? formatDateTime(lang, builtAt) : '' });
    if (origin === 'sample') return t('storage.sample');
    switch (storage.state) {
      case 'unavailable':
        return t('storage.unavailable');
      case 'failed':
        return t('storage.failed', { message: storage.message });
      case 'saving':
        return t('storage.saving');
      default:
        return storage.savedAt
          ? `${t('storage.saved', { when: formatDateTime(lang, storage.savedAt) })} ${t(storage.persistent ? 'storage.savedPersistent' : 'storage.savedEvictable')}`
          : t('storage.saving');
    }
  }
}
