import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadFilter } from '../../domain/leadFilter';
import { LazyLeadExplorer as LeadExplorer } from '../explorer/LazyLeadExplorer';
import { useFilterLabels } from '../filters/useFilterLabels';
import { formatInteger, formatMoney, formatPercent } from '../i18n/format';
import type { FunnelFigures } from './overviewModel';

const STAGES = ['leads', 'mql', 'sql', 'opportunity', 'won'] as const;
type KpiStage = (typeof STAGES)[number];
const STAGE_LABELS: Readonly<Record<KpiStage, string>> = { leads: 'kpi.leads', mql: 'kpi.mql', sql: 'kpi.sql', opportunity: 'kpi.opportunity', won: 'kpi.won' };

/** The leads behind a funnel figure: all of them, or those that reached the stage (DESIGN.md's rule). */
export function kpiFilter(stage: KpiStage): LeadFilter {
  return stage === 'leads' ? [] : [{ kind: 'reached', stage }];
}

/** `filter`: the shared filters the figures are under; the explorer lists the leads under them too. */
export function KpiCards({ figures, filter: shared = [] }: { figures: FunnelFigures; filter?: LeadFilter }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { interval } = figures.leadToWon;
  const [opened, setOpened] = useState<KpiStage | null>(null);
  const { stageLabel } = useFilterLabels();
  const hintId = useId();
  const filter = useMemo(() => [...shared, ...(opened ? kpiFilter(opened) : [])], [opened, shared]);
  const titleOf = (stage: KpiStage) => (stage === 'leads' ? t('explorer.allLeads') : t('explorer.reached', { stage: stageLabel(stage) }));
  return (
    <>
      <dl className="kpis" data-testid="kpis">
        {figures.reached.map((count, i) => {
          const stage = STAGES[i] ?? 'leads';
          return (
            <div className="kpi opens" key={stage} data-kpi={stage} data-value={count}>
              <dt>
                {/* The whole card is the button's target (CSS), so the figure stays a plain <dd> for the list semantics. */}
                <button type="button" className="kpi-open" aria-haspopup="dialog" aria-describedby={hintId} onClick={() => setOpened(stage)} data-testid={`kpi-open-${stage}`}>
                  {t(STAGE_LABELS[stage])}
                </button>
              </dt>
              <dd>{formatInteger(lang, count)}</dd>
              {i > 0 && (
                <dd className="kpi-note">
                  <small>{t('kpi.ofLeads', { share: formatPercent(lang, figures.leads ? count / figures.leads : null) })}</small>
                </dd>
              )}
            </div>
          );
        })}
        <RevenueCard figures={figures} />
        <div className="kpi" data-kpi="lead_to_won" data-value={figures.leadToWon.value ?? ''}>
          <dt>{t('kpi.leadToWon')}</dt>
          <dd>{formatPercent(lang, figures.leadToWon.value)}</dd>
          {interval && (
            <dd className="kpi-note">
              <small>{t('kpi.interval', { low: formatPercent(lang, interval.low), high: formatPercent(lang, interval.high) })}</small>
            </dd>
          )}
        </div>
        <div className="kpi" data-kpi="win_rate" data-value={figures.winRate.value ?? ''}>
          <dt>{t('kpi.winRate')}</dt>
          <dd>{formatPercent(lang, figures.winRate.value)}</dd>
          <dd className="kpi-note">
            <small>{t('kpi.winRateOf', { won: formatInteger(lang, figures.won), closed: formatInteger(lang, figures.won + figures.lost) })}</small>
          </dd>
        </div>
      </dl>
      <span id={hintId} hidden>
        {t('explorer.open')}
      </span>
      {opened && <LeadExplorer filter={filter} title={titleOf(opened)} onClose={() => setOpened(null)} />}
    </>
  );
}

/** Revenue in its currency; "unknown" where no won lead has an amount, never €0; no sum over mixed currencies. */
function RevenueCard({ figures }: { figures: FunnelFigures }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { revenue, currency, mixedCurrencies, wonUnpriced, won } = figures;
  const known = revenue !== null && !mixedCurrencies;
  return (
    <div className="kpi" data-kpi="revenue" data-value={known ? revenue : ''} data-currency={currency ?? ''}>
      <dt>{t('kpi.revenue')}</dt>
      <dd>{mixedCurrencies ? t('kpi.revenueMixed') : revenue === null ? (won > 0 ? t('kpi.revenueUnknown') : formatMoney(lang, 0, currency, true)) : formatMoney(lang, revenue, currency, true)}</dd>
      <dd className="kpi-note">
        <small>
          {mixedCurrencies
            ? t('kpi.revenueMixedHint', { count: 2 })
            : revenue === null && won > 0
              ? t('kpi.revenueNoAmounts')
              : wonUnpriced > 0
                ? t('kpi.revenueUnpriced', { count: wonUnpriced })
                : formatMoney(lang, revenue ?? 0, currency)}
        </small>
      </dd>
    </div>
  );
}
