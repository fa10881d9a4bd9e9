import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { funnelCountsFromRow, funnelStages, notSignificant } from '../../../domain/funnel';
import { SPLIT_DIMENSIONS, type SplitDimension } from '../../../domain/leadFilter';
import { select, setSplit } from '../../../state/viewState';
import { Chart } from '../../charts/Chart';
import { splitOption, type SplitBar } from '../../charts/funnel/splitOption';
import { useFilterLabels } from '../../filters/useFilterLabels';
import { useViewState } from '../../state/ViewStateContext';
import { QueryStatus } from '../QueryStatus';
import type { FunnelViewProps } from './funnelContext';
import { useFunnelRows } from './useFunnelRows';
import { RateCell } from './RateCell';
import { useFunnelFormat } from './useFunnelFormat';

/** Values with the most leads that the chart shows; the table lists them all. */
const CHART_VALUES = 15;

/** The funnel per value of a chosen dimension, side by side, best lead → won rate first. */
export function SplitView({ pipeline, openExplorer }: FunnelViewProps) {
  const { t } = useTranslation();
  const { view, update, filterFor } = useViewState();
  const { dimensionLabel, valueLabel, stageLabel } = useFilterLabels();
  const format = useFunnelFormat();
  const dimension = view.split;
  const filter = filterFor('split');
  const { state, shown } = useFunnelRows(pipeline, filter, { kind: 'split', dimension });

  const groups = useMemo(() => {
    if (shown.status !== 'ready') return null;
    const rows = shown.rows.map((row) => {
      const stages = funnelStages(pipeline, funnelCountsFromRow(pipeline, row));
      const value = row.value === null ? null : String(row.value);
      return { value, label: valueLabel(dimension, value), leads: stages[0]?.reached ?? 0, stages, won: stages[stages.length - 1]!.cumulative };
    });
    return rows.sort((a, b) => (b.won.value ?? -1) - (a.won.value ?? -1) || b.leads - a.leads);
  }, [shown, pipeline, dimension, valueLabel]);

  const selected = useMemo(() => {
    const condition = view.selections.find((s) => s.source === 'split')?.condition;
    return condition?.kind === 'values' && condition.dimension === dimension ? condition.values : [];
  }, [view.selections, dimension]);

  const bars = useMemo<SplitBar[] | null>(() => {
    if (!groups) return null;
    const largest = new Set([...groups].sort((a, b) => b.leads - a.leads).slice(0, CHART_VALUES));
    const shown = groups.filter((g) => largest.has(g));
    return shown.map((g, i) => ({
      value: g.value,
      label: g.label,
      leads: g.leads,
      rate: g.won.value,
      low: g.won.interval?.low ?? null,
      high: g.won.interval?.high ?? null,
      notSignificant: i > 0 && notSignificant(g.won.interval, shown[i - 1]!.won.interval),
    }));
  }, [groups]);

  const option = useMemo(
    () =>
      bars &&
      splitOption(bars, selected, {
        percent: format.percent,
        count: (n) => t('funnel.leadsCount', { count: n, formatted: format.count(n) }),
        rateName: t('funnel.leadToWon'),
        notSignificant: t('funnel.notSignificant'),
        hint: t('funnel.hint'),
      }),
    [bars, selected, format, t],
  );

  const choose = (value: string | null) => update((v) => select(v, { source: 'split', condition: { kind: 'values', dimension, values: [value] } }));
  const explore = (value: string | null, stage: string) => {
    openExplorer(filter, [{ kind: 'values', dimension, values: [value] }, { kind: 'reached', stage }]);
  };
  const last = pipeline.stages.length - 1;

  return (
    <section className="panel wide" aria-labelledby="split-title" data-view="split" data-ready={state.status === 'ready'} aria-busy={state.status === 'loading'}>
      <div className="panel-head">
        <h2 id="split-title">{t('funnel.view.split')}</h2>
        <label>
          {t('funnel.splitBy')}{' '}
          <select value={dimension} onChange={(e) => update((v) => setSplit(v, e.target.value as SplitDimension))} data-testid="split-dimension">
            {SPLIT_DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {dimensionLabel(d)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryStatus state={shown} />
      {groups?.length === 0 && <p className="empty">{t('funnel.empty')}</p>}
      {bars && option && bars.length > 0 && (
        <div>
          <Chart
            option={option}
            label={t('funnel.splitLabel', { dimension: dimensionLabel(dimension) })}
            height={Math.max(120, 30 * bars.length + 40)}
            testId="chart-split"
            onClick={(e) => bars[e.dataIndex] && choose(bars[e.dataIndex]!.value)}
            onDoubleClick={(e) => bars[e.dataIndex] && explore(bars[e.dataIndex]!.value, pipeline.stages[last]!)}
          />
          <div className="table-scroll">
            <table className="data-table" data-testid="split-table">
              <thead>
                <tr>
                  <th>{dimensionLabel(dimension)}</th>
                  {pipeline.stages.map((stage) => (
                    <th key={stage} className="num">
                      {stageLabel(stage)}
                    </th>
                  ))}
                  <th className="num">{t('funnel.leadToWon')}</th>
                </tr>
              </thead>
              <tbody>
                {groups!.map((g, i) => {
                  const overlap = i > 0 && notSignificant(g.won.interval, groups![i - 1]!.won.interval);
                  return (
                    <tr key={g.value ?? '\0'} data-value={g.value ?? ''} aria-selected={selected.includes(g.value)}>
                      <th scope="row">
                        <button type="button" className="link-button" onClick={() => choose(g.value)} aria-pressed={selected.includes(g.value)} title={t('funnel.filterOthers')}>
                          {g.label}
                        </button>
                      </th>
                      {g.stages.map((s) => (
                        <td key={s.stage} className="num">
                          <button type="button" className="figure" onClick={() => explore(g.value, s.stage)} title={t('funnel.showLeads')}>
                            {format.count(s.reached)}
                          </button>
                        </td>
                      ))}
                      <td className="num">
                        <RateCell rate={g.won} percent={format.percent} />
                        {overlap && (
                          <small className="not-significant" title={t('funnel.notSignificantLong')}>
                            {' '}
                            {t('funnel.notSignificant')}
                          </small>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
