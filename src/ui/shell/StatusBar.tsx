import { useTranslation } from 'react-i18next';
import { useData } from '../data/DataContext';
import { formatInteger } from '../i18n/format';

export function StatusBar() {
  const { t, i18n } = useTranslation();
  const { status, tables, engine, timings, origin } = useData();
  const leads = tables.find((table) => table.kind === 'leads');
  let text: string;
  switch (status.phase) {
    case 'starting':
      text = t('status.starting');
      break;
    case 'loading':
      text = t('status.loading', { table: t(`review.kinds.${status.table}` as 'review.kinds.leads') });
      break;
    case 'ready':
      {
        const source = t(`status.${origin === 'import' ? 'imports' : origin}`);
        // Without a leads table (only deals or costs imported so far) the count of leads would read "0".
        const rows = tables.reduce((sum, table) => sum + table.rows, 0);
        text = leads ? t('status.ready', { leads: formatInteger(i18n.language, leads.rows), source }) : t('status.readyNoLeads', { rows: formatInteger(i18n.language, rows), source });
      }
      break;
    case 'error':
      text = `${t('status.failed')}: ${status.message}`;
  }
  return (
    <footer className="status-bar">
      <span role="status" aria-live="polite" className={status.phase === 'error' ? 'error' : undefined} data-phase={status.phase}>
        {text}
      </span>
      <span className="muted">{t('status.local')}</span>
      {engine && (
        <span className="muted" title={Object.entries(timings).map(([step, ms]) => `${step}: ${ms} ms`).join(', ')} data-timings={JSON.stringify(timings)}>
          {t('status.engine', { engine })}
        </span>
      )}
    </footer>
  );
}
