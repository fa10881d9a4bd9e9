import { useTranslation } from 'react-i18next';
import { usePlanning } from './planningState';
import type { PlanFormat } from './usePlanFormat';

/** The plan's headline figures, kept in view while inputs change: target, expected revenue, gaps, probability, cost and ROI. */
export function PlanSummary({ format }: { format: PlanFormat }) {
  const { t } = useTranslation();
  const { figures, simulation } = usePlanning();
  const total = figures.funnel.total;
  const probability = simulation.status === 'ready' ? simulation.simulation.total.probabilityOfTarget : simulation.status === 'running' ? (simulation.previous?.total.probabilityOfTarget ?? null) : null;
  const running = simulation.status === 'running';
  const gap = total.gapRevenue;
  return (
    <dl className="kpis plan-summary" data-testid="plan-summary">
      <div className="kpi" data-testid="plan-target" data-value={total.target ?? ''}>
        <dt>{t('planning.summary.target')}</dt>
        <dd>{total.target === null ? t('kpi.none') : format.money(total.target)}</dd>
        {total.target === null && (
          <dd className="kpi-note">
            <small>{t('planning.summary.noTarget')}</small>
          </dd>
        )}
      </div>
      <div className="kpi" data-testid="plan-expected-revenue" data-value={total.expectedRevenue}>
        <dt>{t('planning.summary.expected')}</dt>
        <dd>{format.money(total.expectedRevenue)}</dd>
        <dd className="kpi-note">
          <small>{t('planning.summary.expectedWon', { won: format.number(total.expectedWon, 1), leads: format.count(total.plannedLeads) })}</small>
        </dd>
      </div>
      <div className={`kpi ${gap !== null && gap > 0 ? 'short' : 'met'}`} data-testid="plan-gap-revenue" data-value={gap ?? ''}>
        <dt>{t('planning.summary.gap')}</dt>
        <dd>{gap === null ? t('kpi.none') : format.money(gap)}</dd>
        {gap !== null && (
          <dd className="kpi-note">
            <small>{gap > 0 ? t('planning.summary.short') : t('planning.summary.over', { amount: format.money(-gap) })}</small>
          </dd>
        )}
      </div>
      <div className="kpi" data-testid="plan-gap-leads" data-value={total.gapLeads ?? ''}>
        <dt>{t('planning.summary.gapLeads')}</dt>
        <dd>{total.gapLeads === null ? t('kpi.none') : format.count(total.gapLeads)}</dd>
        {total.requiredLeads !== null && (
          <dd className="kpi-note">
            <small>{t('planning.summary.required', { leads: format.count(total.requiredLeads) })}</small>
          </dd>
        )}
      </div>
      <div className="kpi" data-testid="plan-probability" data-value={probability ?? ''} data-state={simulation.status} aria-busy={running}>
        <dt>{t('planning.summary.probability')}</dt>
        <dd className={running ? 'stale' : undefined}>{probability === null ? t('kpi.none') : format.percent(probability, 1)}</dd>
        <dd className="kpi-note">
          <small role="status">{running ? t('planning.simulation.running') : simulation.status === 'error' ? t('planning.simulation.failed') : t('planning.summary.probabilityNote')}</small>
        </dd>
      </div>
      <div className="kpi" data-testid="plan-cost" data-value={total.cost ?? ''}>
        <dt>{t('planning.summary.cost')}</dt>
        <dd>{total.cost === null ? t('kpi.none') : format.money(total.cost)}</dd>
        <dd className="kpi-note">
          <small>
            {total.cost === null
              ? t('planning.summary.costUnknown', { leads: format.count(total.leadsWithoutCost) })
              : total.roi === null
                ? t('kpi.none')
                : t('planning.summary.roi', { roi: format.percent(total.roi, 0) })}
          </small>
        </dd>
      </div>
    </dl>
  );
}
