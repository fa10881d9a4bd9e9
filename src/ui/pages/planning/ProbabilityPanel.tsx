import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Simulation, SimulationSummary } from '../../../domain/planning';
import { Chart } from '../../charts/Chart';
import { distributionOption } from '../../charts/planning/distributionOption';
import { usePlanning } from './planningState';
import type { PlanFormat } from './usePlanFormat';
import { SIMULATION_RUNS, SIMULATION_SEED } from './useSimulation';

const TOTAL = '';

/** The simulation's answer: per unit and in total the probability of reaching the target, P10/P50/P90 revenue, and the distribution. */
export function ProbabilityPanel({ format }: { format: PlanFormat }) {
  const { t } = useTranslation();
  const { simulation: state } = usePlanning();
  const [chosen, setChosen] = useState(TOTAL);
  const simulation: Simulation | null = state.status === 'ready' ? state.simulation : state.status === 'running' ? state.previous : null;
  const running = state.status === 'running';
  const totalLabel = t('planning.funnel.total');
  const rows = useMemo<{ id: string; label: string; summary: SimulationSummary }[]>(
    () => (simulation ? [...simulation.units.map((u) => ({ id: u.unit, label: u.unit, summary: u as SimulationSummary })), { id: TOTAL, label: totalLabel, summary: simulation.total }] : []),
    [simulation, totalLabel],
  );
  const shown = rows.find((r) => r.id === chosen) ?? rows[rows.length - 1];
  const summary = shown?.summary ?? null;
  const runs = simulation?.runs ?? SIMULATION_RUNS;
  const option = useMemo(
    () =>
      summary
        ? distributionOption(summary.revenue.histogram, summary.target, runs, {
            money: format.money,
            axisMoney: format.compact,
            runs: (n) => t('planning.probability.runs', { count: n, runs: format.count(n) }),
            target: t('planning.phasing.target'),
            below: t('planning.probability.below'),
            reached: t('planning.probability.reached'),
          })
        : null,
    [summary, runs, format, t],
  );

  return (
    <section className="panel" aria-labelledby="plan-probability-title" data-testid="plan-probability-panel" aria-busy={running} data-state={state.status}>
      <div className="panel-head">
        <h2 id="plan-probability-title">{t('planning.probability.title')}</h2>
        {running && (
          <span className="muted" role="status" data-testid="plan-simulating">
            {t('planning.simulation.running')}
          </span>
        )}
      </div>
      {state.status === 'error' && (
        <p className="error" role="alert">
          {t('planning.simulation.failedWith', { message: state.error })}
        </p>
      )}
      {simulation && (
        <div className={running ? 'stale' : undefined}>
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('filters.dimension.sales_unit')}</th>
                  <th scope="col" className="num">
                    {t('planning.summary.target')}
                  </th>
                  <th scope="col" className="num">
                    {t('planning.probability.chance')}
                  </th>
                  <th scope="col" className="num">
                    P10
                  </th>
                  <th scope="col" className="num">
                    P50
                  </th>
                  <th scope="col" className="num">
                    P90
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ id, label, summary }) => (
                  <tr key={id} className={id === TOTAL ? 'total' : undefined} data-unit={id} data-probability={summary.probabilityOfTarget ?? ''} data-testid="plan-probability-row">
                    <th scope="row">{label}</th>
                    <td className="num">{summary.target === null ? t('kpi.none') : format.compact(summary.target)}</td>
                    <td className="num">{format.percent(summary.probabilityOfTarget, 1)}</td>
                    <td className="num">{format.compact(summary.revenue.p10)}</td>
                    <td className="num">{format.compact(summary.revenue.p50)}</td>
                    <td className="num">{format.compact(summary.revenue.p90)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="panel-head">
            <h3>{t('planning.probability.distribution')}</h3>
            <label>
              {t('planning.probability.of')}{' '}
              <select value={shown?.id ?? TOTAL} onChange={(event) => setChosen(event.target.value)} data-testid="plan-distribution-unit">
                {rows.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {option && <Chart option={option} label={t('planning.probability.label', { of: shown?.label ?? '' })} height={240} testId="plan-distribution-chart" ownTask />}
          <p className="muted small">{t('planning.probability.note', { runs: format.count(simulation.runs ?? SIMULATION_RUNS), seed: simulation.seed ?? SIMULATION_SEED })}</p>
        </div>
      )}
    </section>
  );
}
