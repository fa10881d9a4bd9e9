import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useData } from '../data/DataContext';
import { formatInteger } from '../i18n/format';

/**
 * A page that reads the leads, shown only when leads are loaded; otherwise a sentence naming what
 * is loaded and what the page needs (deals imported before any leads asked an engine error before).
 */
export function NeedsLeads({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { tables } = useData();
  if (tables.some((table) => table.kind === 'leads')) return <>{children}</>;
  const loaded = tables.map((table) => `${table.kind === 'lookup' ? t('review.kinds.lookup') : t(`review.kinds.${table.kind}` as 'review.kinds.leads')} (${formatInteger(i18n.language, table.rows)})`).join(', ');
  return (
    <div className="empty needs-data" data-testid="needs-leads">
      <p>{loaded ? t('needs.leads', { tables: loaded }) : t('needs.nothing')}</p>
      <a href="#/import" className="button">
        {t('needs.goImport')}
      </a>
    </div>
  );
}
