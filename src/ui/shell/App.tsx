import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { useViewState } from '../state/ViewStateContext';
import { AppNav } from './AppNav';
import { DataGate } from './DataGate';
import { DataNoticeBanner } from './DataNoticeBanner';
import { ComingPage, FunnelPage, ImportPage, MediaPage, OverviewPage, PageLoading, PlanningPage, preloadPage, QualityPage } from './lazyPages';
import { StatusBar } from './StatusBar';
import { useHashPage } from './useHashPage';

export function App() {
  const { t, i18n } = useTranslation();
  const { page, unknown } = useHashPage();
  // Links between pages keep the filters: they are shared by every page.
  const { query } = useViewState();
  useEffect(() => preloadPage(page), [page]);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="logo" aria-hidden="true">◎</span>
          <span>
            <strong>{t('app.title')}</strong>
            <small>{t('app.tagline')}</small>
          </span>
        </div>
        <div className="language" role="group" aria-label={t('language.label')}>
          {LANGUAGES.map((language: Language) => (
            <button
              key={language}
              type="button"
              lang={language}
              aria-pressed={i18n.language === language}
              onClick={() => void setLanguage(language)}
              data-testid={`lang-${language}`}
            >
              {t(`language.${language}`)}
            </button>
          ))}
        </div>
      </header>
      <AppNav page={page} query={query} />
      <main id="main" tabIndex={-1}>
        <DataNoticeBanner />
        {unknown !== null && (
          <p className="notice warning page-notice" role="status" data-testid="unknown-page">
            {t('notice.unknownPage', { page: unknown })}
          </p>
        )}
        <PageLoading>
          {page === 'overview' ? (
            <DataGate>
              <OverviewPage />
            </DataGate>
          ) : page === 'funnel' ? (
            <DataGate>
              <FunnelPage />
            </DataGate>
          ) : page === 'planning' ? (
            <DataGate>
              <PlanningPage />
            </DataGate>
          ) : page === 'media' ? (
            <DataGate>
              <MediaPage />
            </DataGate>
          ) : page === 'quality' ? (
            <DataGate>
              <QualityPage />
            </DataGate>
          ) : page === 'import' ? (
            <ImportPage />
          ) : (
            <ComingPage page={page} />
          )}
        </PageLoading>
      </main>
      <StatusBar />
    </div>
  );
}
