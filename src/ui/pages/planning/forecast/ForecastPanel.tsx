import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { pipelineForecast, type ForecastFigures } from '../../../../domain/planning/forecast';
import type { PlanningHistory } from '../../../../domain/planning/history';
import { NO_UNIT, type Plan } from '../../../../domain/planning/plan';
import { Chart } from '../../../charts/Chart';
import { formatDate, formatInteger, formatMoney, formatMonth, formatNumber } from '../../../i18n/format';
import { useMediumLabel } from '../../../i18n/useMediumLabel';
import { TableDisclosure } from '../../../tables/TableDisclosure';
import { forecastChartOption, unitStatus } from './forecastModel';

export interface ForecastPanelProps {
  /** The loaded data's history: asOf, the open pipeline and the booked revenue. */
  readonly history: PlanningHistory;
  /**
   * The plan on screen (defaults with the planner's edits): rates, lags, deal sizes, targets, the months
   * left. The page passes it once a dragged slider rests: the panel (memo) is not redrawn at every step.
   */
  readonly plan: Plan;
}

/**
 * The pipeline forecast of the plan year (src/domain/planning/forecast.ts): per sales unit booked
 * revenue, what the open pipeline and the plan for the months left add, the forecast against the
 * target with a "will miss — re-plan" flag, pipeline coverage; plan vs actual by month (a chart) and
 * by medium.
 */
export const ForecastPanel = memo(function ForecastPanel({ history, plan }: ForecastPanelProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const mediumLabel = useMediumLabel();
  const currency = history.currency;
  const forecast = useMemo(() => pipelineForecast(history, plan), [history, plan]);
  const year = plan.months[0]?.slice(0, 4) ?? '';
  const money = (v: number | null) => (v === null ? '–' : formatMoney(lang, v, currency));
  const compact = (v: number) => formatMoney(lang, v, currency, true);
  const times = (v: number | null) => (v === null ? '–' : `${formatNumber(lang, v, 1, 1)}×`);
  const unitLabel = (unit: string) => (unit === NO_UNIT ? t('medium.none') : unit);

  const option = useMemo(
    () =>
      forecast &&
      forecastChartOption(forecast, {
        month: (m) => formatMonth(lang, m),
        money: (v) => formatMoney(lang, v, currency, true),
        series: {
          actual: t('forecast.series.actual'),
          pipeline: t('forecast.series.pipeline'),
          remainingPlan: t('forecast.series.remainingPlan'),
          plan: t('forecast.series.plan'),
          target: t('forecast.series.target'),
        },
      }),
    [forecast, lang, currency, t],
  );

  if (!forecast || !option) {
    return (
      <section className="panel wide forecast" aria-labelledby="forecast-title" data-testid="forecast-panel">
        <h2 id="forecast-title">{t('forecast.title', { year })}</h2>
        <p className="muted">{t('forecast.needsDates')}</p>
      </section>
    );
  }

  const status = (f: ForecastFigures) => {
    const s = unitStatus(f);
    if (s === 'none') return <span className="muted">{t('forecast.noTarget')}</span>;
    if (s === 'ok') return <span>{t('forecast.onTrack')}</span>;
    return (
      <strong className="error" data-testid="forecast-will-miss">
        <span aria-hidden="true">⚠ </span>
        {t('forecast.willMiss')}
      </strong>
    );
  };
  const coverage = (f: ForecastFigures) =>
    f.coverage === null ? '–' : t('forecast.coverageValue', { unweighted: times(f.coverage), weighted: times(f.coverageWeighted) });

  const unitCells = (f: ForecastFigures) => (
    <>
      <td className="num">{money(f.target)}</td>
      <td className="num">{money(f.actualToDate)}</td>
      <td className="num">{money(f.pipelineInYear)}</td>
      <td className="num">{money(f.remainingPlanInYear)}</td>
      <td className="num">
        <strong>{money(f.forecast)}</strong>
      </td>
      <td className="num">{money(f.gap)}</td>
      <td className="num">{coverage(f)}</td>
      <td>{status(f)}</td>
    </>
  );
  const after = forecast.total.pipelineAfterYear + forecast.total.remainingPlanAfterYear;

  return (
    <section className="panel wide forecast" aria-labelledby="forecast-title" data-testid="forecast-panel">
      <h2 id="forecast-title">{t('forecast.title', { year })}</h2>
      <p className="muted">{t('forecast.asOf', { date: formatDate(lang, forecast.asOf), month: formatMonth(lang, forecast.asOfMonth) })}</p>

      {/* Focusable: a table wider than a phone scrolls inside its panel, and must by keyboard too. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('forecast.byUnit')}>
        <table className="data-table" data-testid="forecast-units">
          <caption className="visually-hidden">{t('forecast.byUnit')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('forecast.unit')}</th>
              <th scope="col" className="num">{t('forecast.target')}</th>
              <th scope="col" className="num">{t('forecast.actual')}</th>
              <th scope="col" className="num">{t('forecast.pipeline')}</th>
              <th scope="col" className="num">{t('forecast.remainingPlan')}</th>
              <th scope="col" className="num">{t('forecast.forecast')}</th>
              <th scope="col" className="num">{t('forecast.gap')}</th>
              <th scope="col" className="num">{t('forecast.coverage')}</th>
              <th scope="col">{t('forecast.status')}</th>
            </tr>
          </thead>
          <tbody>
            {forecast.units.map((u) => (
              <tr key={u.unit} data-unit={u.unit} data-status={unitStatus(u)}>
                <th scope="row">{unitLabel(u.unit)}</th>
                {unitCells(u)}
              </tr>
            ))}
          </tbody>
          {forecast.units.length > 1 && (
            <tfoot>
              <tr data-unit="" data-status={unitStatus(forecast.total)}>
                <th scope="row">{t('forecast.total')}</th>
                {unitCells(forecast.total)}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      <p className="muted small">{t('forecast.coverageNote')}</p>
      {after > 0 && (
        <p className="muted small">{t('forecast.afterYear', { year, pipeline: compact(forecast.total.pipelineAfterYear), plan: compact(forecast.total.remainingPlanAfterYear) })}</p>
      )}
      <p className="muted small">{t('forecast.timingNote')}</p>
      {forecast.total.staleLeads > 0 && (
        <p className="muted small" data-testid="forecast-stale">
          {t('forecast.stale', {
            leads: formatInteger(lang, forecast.total.staleLeads),
            value: money(forecast.total.staleValue),
            days: history.maturityDays === null ? '–' : formatInteger(lang, Math.round(history.maturityDays)),
          })}
          {forecast.total.staleUndated > 0 && <> {t('forecast.staleUndated', { leads: formatInteger(lang, forecast.total.staleUndated) })}</>}
        </p>
      )}
      {forecast.unmatched.leads > 0 && <p className="muted small">{t('forecast.unmatched', { leads: formatInteger(lang, forecast.unmatched.leads) })}</p>}

      <h3 id="forecast-month-title">{t('forecast.byMonth')}</h3>
      <Chart option={option} label={t('forecast.chartLabel')} height={300} testId="forecast-chart" ownTask />
      <TableDisclosure summary={t('forecast.monthTable')} testId="forecast-months">
        {() => (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="forecast-month-title">
            <table className="data-table" aria-labelledby="forecast-month-title">
              <thead>
                <tr>
                  <th scope="col">{t('forecast.month')}</th>
                  <th scope="col" className="num">{t('forecast.series.target')}</th>
                  <th scope="col" className="num">{t('forecast.series.plan')}</th>
                  <th scope="col" className="num">{t('forecast.series.actual')}</th>
                  <th scope="col" className="num">{t('forecast.series.pipeline')}</th>
                  <th scope="col" className="num">{t('forecast.series.remainingPlan')}</th>
                  <th scope="col" className="num">{t('forecast.forecast')}</th>
                </tr>
              </thead>
              <tbody>
                {forecast.months.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{formatMonth(lang, m.month)}</th>
                    <td className="num">{money(m.target)}</td>
                    <td className="num">{money(m.plan)}</td>
                    <td className="num">{money(m.actual)}</td>
                    <td className="num">{money(m.pipeline)}</td>
                    <td className="num">{money(m.remainingPlan)}</td>
                    <td className="num">{money(m.forecast)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </TableDisclosure>

      <h3 id="forecast-medium-title">{t('forecast.byMedium')}</h3>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="forecast-medium-title">
        <table className="data-table" aria-labelledby="forecast-medium-title" data-testid="forecast-media">
          <thead>
            <tr>
              <th scope="col">{t('forecast.medium')}</th>
              <th scope="col" className="num">{t('forecast.planToDate')}</th>
              <th scope="col" className="num">{t('forecast.actual')}</th>
              <th scope="col" className="num">{t('forecast.openLeads')}</th>
              <th scope="col" className="num">{t('forecast.pipeline')}</th>
              <th scope="col" className="num">{t('forecast.remainingPlan')}</th>
              <th scope="col" className="num">{t('forecast.forecast')}</th>
            </tr>
          </thead>
          <tbody>
            {forecast.media.map((m) => (
              <tr key={m.medium} data-medium={m.medium}>
                <th scope="row">{mediumLabel(m.medium)}</th>
                <td className="num">{money(m.planToDate)}</td>
                <td className="num">{money(m.actualToDate)}</td>
                <td className="num">{formatInteger(lang, m.openLeads)}</td>
                <td className="num">{money(m.pipelineInYear)}</td>
                <td className="num">{money(m.remainingPlanInYear)}</td>
                <td className="num">{money(m.forecast)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
});
