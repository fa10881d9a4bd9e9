import { useTranslation } from 'react-i18next';
import { formatCurrency, formatInteger, formatPercent } from '../i18n/format';
import type { FunnelFigures } from './overviewModel';

const STAGE_LABELS = ['kpi.leads', 'kpi.mql', 'kpi.sql', 'kpi.opportunity', 'kpi.won'] as const;

export function KpiCards({ figures }: { figures: FunnelFigures }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { interval } = figures.leadToWon;
  return (
    <dl className="kpis" data-testid="kpis">
      {figures.reached.map((count, i) => (
        <div className="kpi" key={STAGE_LABELS[i] ?? i} data-kpi={['leads', 'mql', 'sql', 'opportunity', 'won'][i]} data-value={count}>
          <dt>{t(STAGE_LABELS[i] ?? 'kpi.leads')}</dt>
          <dd>{formatInteger(lang, count)}</dd>
          {i > 0 && <small>{t('kpi.ofLeads', { share: formatPercent(lang, figures.leads ? count / figures.leads : null) })}</small>}
        </div>
      ))}
      <div className="kpi" data-kpi="revenue" data-value={figures.revenue}>
        <dt>{t('kpi.revenue')}</dt>
        <dd>{formatCurrency(lang, figures.revenue, 'EUR', true)}</dd>
        <small>{formatCurrency(lang, figures.revenue)}</small>
      </div>
      <div className="kpi" data-kpi="lead_to_won" data-value={figures.leadToWon.value ?? ''}>
        <dt>{t('kpi.leadToWon')}</dt>
        <dd>{formatPercent(lang, figures.leadToWon.value)}</dd>
        {interval && <small>{t('kpi.interval', { low: formatPercent(lang, interval.low), high: formatPercent(lang, interval.high) })}</small>}
      </div>
    </dl>
  );
}
