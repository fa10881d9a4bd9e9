import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useData } from '../data/DataContext';
import { usePreparedSource } from '../data/usePrepared';
import { formatDateTime } from '../i18n/format';

/**
 * Says that the figures on the page were computed ahead (by the ETL into the bundle, or beside the
 * data stored in this browser) and when: shown while any of them is on screen.
 */
export function PreparedFiguresNote({ shown }: { shown: boolean }) {
  const { t, i18n } = useTranslation();
  const source = usePreparedSource();
  if (!shown || !source) return null;
  const date = source.asOf ? formatDateTime(i18n.language, source.asOf) : '–';
  return (
    <p className="notice muted" role="status" data-testid="prepared-note">
      {t(source.origin === 'import' ? 'prepared.stored' : 'prepared.bundle', { date })}
    </p>
  );
}

/** The filters, disabled until the engine that answers them is ready (the figures shown meanwhile are the default view's). */
export function FiltersWhenReady({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { status } = useData();
  const ready = status.phase === 'ready';
  return (
    <fieldset className="engine-gate" disabled={!ready} aria-busy={!ready} data-testid="filters-gate">
      {!ready && <legend className="visually-hidden">{t('prepared.filtersWait')}</legend>}
      {children}
    </fieldset>
  );
}
