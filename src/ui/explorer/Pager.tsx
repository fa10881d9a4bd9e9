import { useTranslation } from 'react-i18next';
import { formatInteger } from '../i18n/format';

/** Previous / "page x of y" / Next; plain buttons, so Tab and Enter or Space page through. */
export function Pager({ pageIndex, pageCount, onPage }: { pageIndex: number; pageCount: number; onPage(index: number): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <nav className="pager" aria-label={t('explorer.pagination')}>
      <button type="button" onClick={() => onPage(pageIndex - 1)} disabled={pageIndex <= 0} data-testid="explorer-previous">
        ‹ {t('explorer.previous')}
      </button>
      <span aria-live="polite" data-testid="explorer-page" data-page={pageIndex + 1} data-pages={pageCount}>
        {t('explorer.page', { page: formatInteger(lang, pageIndex + 1), pages: formatInteger(lang, Math.max(pageCount, 1)) })}
      </span>
      <button type="button" onClick={() => onPage(pageIndex + 1)} disabled={pageIndex >= pageCount - 1} data-testid="explorer-next">
        {t('explorer.next')} ›
      </button>
    </nav>
  );
}
