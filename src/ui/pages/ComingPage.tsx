import { useTranslation } from 'react-i18next';
import type { PageId } from '../shell/pages';

/** An honest placeholder: says what the page will do, shows no invented numbers. */
export function ComingPage({ page }: { page: Exclude<PageId, 'overview' | 'import' | 'funnel' | 'planning' | 'media' | 'quality'> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="page-title" className="page">
      <header className="page-header">
        <h1 id="page-title">{t(`nav.${page}`)}</h1>
      </header>
      <div className="coming" data-testid="coming">
        <h2>{t('coming.title')}</h2>
        <p>{t('coming.body', { what: t(`coming.${page}`) })}</p>
      </div>
    </section>
  );
}
