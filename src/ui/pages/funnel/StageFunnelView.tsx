import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { funnelCountsFromRow, funnelStages, winRates, type FunnelStageRow } from '../../../domain/funnel';
import { select } from '../../../state/viewState';
import { RateBar } from '../../charts/RateBar';
import { useFilterLabels } from '../../filters/useFilterLabels';
import { useViewState } from '../../state/ViewStateContext';
import { QueryStatus } from '../QueryStatus';
import type { FunnelViewProps } from './funnelContext';
import { figureHandlers } from './clickIntent';
import { RateCell } from './RateCell';
import { useFigureTexts } from './useFigureTexts';
import { useFunnelFormat } from './useFunnelFormat';

/** The stage funnel: reached counts, stage-to-stage and cumulative conversion with intervals, drop-off. */
export function StageFunnelView({ pipeline, openExplorer, clicks, rows: { state, shown } }: FunnelViewProps) {
  const { t } = useTranslation();
  const { view, update, filterFor } = useViewState();
  const { stageLabel } = useFilterLabels();
  const format = useFunnelFormat();
  const text = useFigureTexts();
  const filter = filterFor('funnel');
  const counts = useMemo(() => (shown.status === 'ready' && shown.rows[0] ? funnelCountsFromRow(pipeline, shown.rows[0]) : null), [shown, pipeline]);
  const rows = useMemo(() => (counts ? funnelStages(pipeline, counts) : null), [counts, pipeline]);
  const rates = counts ? winRates(pipeline, counts) : null;
  const selected = view.selections.find((s) => s.source === 'funnel')?.condition;
  const selectedStage = selected?.kind === 'reached' ? selected.stage : null;

  const explore = (row: FunnelStageRow) => {
    openExplorer(filter, [{ kind: 'reached', stage: row.stage }]);
  };
  const selectStage = (stage: string) => update((v) => select(v, { source: 'funnel', condition: { kind: 'reached', stage } }));
  const first = rows?.[0]?.reached ?? 0;
  const empty = rows !== null && first === 0;

  return (
    <section className="panel wide" aria-labelledby="funnel-title" data-view="funnel" data-ready={state.status === 'ready'} aria-busy={state.status === 'loading'}>
      <h2 id="funnel-title">{t('funnel.view.funnel')}</h2>
      <QueryStatus state={shown} />
      {empty && <p className="empty">{t('funnel.empty')}</p>}
      {rows && !empty && (
        <>
          <div className="table-scroll">
            <table className="data-table" data-testid="funnel-table">
              <thead>
                <tr>
                  <th>{t('funnel.stage')}</th>
                  <th className="bar-column">
                    <span className="visually-hidden">{t('funnel.reachedBar')}</span>
                  </th>
                  <th className="num">{t('funnel.leads')}</th>
                  <th className="num">{t('funnel.stepRate')}</th>
                  <th className="num">{t('funnel.cumulativeRate')}</th>
                  <th className="num">{t('funnel.dropOff')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.stage} data-stage={row.stage} data-count={row.reached} aria-selected={selectedStage === row.stage}>
                    <th scope="row">
                      <button type="button" className="link-button" onClick={() => selectStage(row.stage)} aria-pressed={selectedStage === row.stage} title={text.filterOthers}>
                        {stageLabel(row.stage)}
                      </button>
                    </th>
                    <td className="bar-column">
                      <RateBar
                        share={first ? row.reached / first : null}
                        tone={selectedStage === null || selectedStage === row.stage ? 'strong' : 'faded'}
                        {...figureHandlers(clicks, () => selectStage(row.stage), () => explore(row))}
                        hint={text.hint}
                        testId={`funnel-bar-${row.stage}`}
                      />
                    </td>
                    <td className="num">
                      <button type="button" className="figure" onClick={() => explore(row)} title={text.showLeads}>
                        {format.count(row.reached)}
                      </button>
                    </td>
                    <td className="num">
                      <RateCell rate={row.conversion} percent={format.percent} />
                    </td>
                    <td className="num">
                      <RateCell rate={row.cumulative} percent={format.percent} />
                    </td>
                    <td className="num">
                      {row.dropOff === null ? '–' : format.count(row.dropOff)}
                      {row.dropOff !== null && row.dropOff > 0 && <small className="muted block">{dropOffText(row, stageLabel, format.count, t)}</small>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rates && (
            <p className="win-rates" data-testid="funnel-win-rates" data-lead-to-won={rates.leadToWon.value ?? ''} data-win-rate={rates.winRate.value ?? ''}>
              <span>
                {t('kpi.leadToWon')}: <strong>{format.percent(rates.leadToWon.value)}</strong>
              </span>{' '}
              <span>
                {t('kpi.winRate')}: <strong>{format.percent(rates.winRate.value)}</strong>{' '}
                <small className="muted">{t('kpi.winRateOf', { won: format.count(rates.won), closed: format.count(rates.won + rates.lost) })}</small>
              </span>
            </p>
          )}
          <p className="muted small">{t('funnel.intervalNote')}</p>
        </>
      )}
    </section>
  );
}

/** Who stopped at a stage: lost, disqualified, still open (the non-zero ones). */
function dropOffText(row: FunnelStageRow, stageLabel: (s: string) => string, count: (n: number) => string, t: (key: string, options?: Record<string, unknown>) => string): string {
  const parts = Object.entries(row.endedAs)
    .filter(([, n]) => n > 0)
    .map(([stage, n]) => `${stageLabel(stage)} ${count(n)}`);
  if (row.stillOpen) parts.push(`${t('funnel.stillOpen')} ${count(row.stillOpen)}`);
  return parts.join(' · ');
}
