import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { FunnelSummary } from '../../../domain/planning';
import { usePlanning } from './planningState';
import type { PlanFormat } from './usePlanFormat';

const KPI_KEYS: Readonly<Record<string, string>> = { lead: 'kpi.leads', mql: 'kpi.mql', sql: 'kpi.sql', opportunity: 'kpi.opportunity', won: 'kpi.won' };

/** Per sales unit and in total: what the target needs at the plan's rates, what the plan brings, and the gap. */
export function ReverseFunnelPanel({ format }: { format: PlanFormat }) {
  const { t } = useTranslation();
  const { figures, plan } = usePlanning();
  const { funnel } = figures;
  const stageHeader = (stage: string) => (KPI_KEYS[stage] ? t(KPI_KEYS[stage] as 'kpi.leads') : stage);
  const rows = [...funnel.units.map((u) => ({ id: u.unit, label: u.unit, summary: u as FunnelSummary })), { id: '', label: t('planning.funnel.total'), summary: funnel.total }];

  const cells = (values: readonly number[] | null) =>
    plan.stages.map((stage, k) => (
      <td key={stage} className="num" data-stage={stage} data-value={values?.[k] ?? ''}>
        {values ? format.count(values[k]!) : t('kpi.none')}
      </td>
    ));
  const gap = (s: FunnelSummary) => (s.required ? s.required.map((n, k) => n - s.planned[k]!) : null);

  return (
    <section className="panel" aria-labelledby="plan-funnel-title" data-testid="plan-funnel">
      <h2 id="plan-funnel-title">{t('planning.funnel.title')}</h2>
      <p className="muted small">{t('planning.funnel.note')}</p>
      <div className="table-scroll">
        <table className="data-table plan-funnel-table">
          <thead>
            <tr>
              <th scope="col">{t('filters.dimension.sales_unit')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('planning.funnel.row')}</span>
              </th>
              {plan.stages.map((stage) => (
                <th scope="col" className="num" key={stage}>
                  {stageHeader(stage)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('kpi.revenue')}
              </th>
            </tr>
          </thead>
          {rows.map(({ id, label, summary }) => (
            <tbody key={id} className={id === '' ? 'total' : undefined} data-unit={id} data-testid="plan-funnel-unit">
              {(
                [
                  ['required', t('planning.funnel.required'), summary.required, summary.target],
                  ['planned', t('planning.funnel.planned'), summary.planned, summary.expectedRevenue],
                  ['gap', t('planning.funnel.gap'), gap(summary), summary.gapRevenue],
                ] as const
              ).map(([kind, kindLabel, values, revenue], i) => (
                <Fragment key={kind}>
                  <tr data-row={kind} className={kind === 'gap' ? 'gap-row' : undefined}>
                    {i === 0 && (
                      <th scope="rowgroup" rowSpan={3}>
                        {label}
                      </th>
                    )}
                    <th scope="row" className="row-kind">
                      {kindLabel}
                    </th>
                    {cells(values)}
                    <td className={`num${kind === 'gap' && revenue !== null && revenue > 0 ? ' short' : ''}`} data-value={revenue ?? ''} data-testid={`plan-funnel-revenue-${kind}`}>
                      {revenue === null ? t('kpi.none') : format.money(revenue)}
                    </td>
                  </tr>
                </Fragment>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      {funnel.units.some((u) => u.target === null) && <p className="muted small">{t('planning.funnel.noTargetUnits')}</p>}
    </section>
  );
}
