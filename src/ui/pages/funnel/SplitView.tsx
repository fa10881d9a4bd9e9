import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { funnelCountsFromRow, funnelStages, notSignificant } from '../../../domain/funnel';
import { SPLIT_DIMENSIONS, type SplitBy } from '../../../domain/leadFilter';
import { select, setSplit } from '../../../state/viewState';
import { RateBar, type BarTone } from '../../charts/RateBar';
import { rateScaleEnd } from '../../charts/rateScale';
import { useFilterLabels } from '../../filters/useFilterLabels';
import { useViewState } from '../../state/ViewStateContext';
import { QueryStatus } from '../QueryStatus';
import type { FunnelViewProps } from './funnelContext';
import { figureHandlers } from './clickIntent';
import { RateCell } from './RateCell';
import { useFigureTexts } from './useFigureTexts';
import { useFunnelFormat } from './useFunnelFormat';

/** The funnel per value of a chosen dimension, side by side, best lead → won rate first. */
export function SplitView({ pipeline, openExplorer, clicks, rows: { state, shown } }: FunnelViewProps) {
  const { t } = useTranslation();
  const { view, update, filterFor, extraDimensions } = useViewState();
  const { dimensionLabel, valueLabel, stageLabel } = useFilterLabels();
  const format = useFunnelFormat();
  const text = useFigureTexts();
  const dimension = view.split;
  const filter = filterFor('split');
  // The fixed dimensions, then the data's extra and lookup columns (answered by SQL, not the cube).
  const choices = useMemo<readonly SplitBy[]>(() => [...SPLIT_DIMENSIONS, ...(extraDimensions ?? [])], [extraDimensions]);
  const chooseSplit = (value: string) => {
    const split = choices.find((d) => d === value);
    if (split) update((v) => setSplit(v, split));
  };

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

  /** The rate that fills a bar's track: the same for every row, so their bars compare. */
  const scaleEnd = useMemo(() => groups && rateScaleEnd(groups.flatMap((g) => [g.won.value, g.won.interval?.high ?? null])), [groups]);

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
          <select value={dimension} onChange={(e) => chooseSplit(e.target.value)} data-testid="split-dimension">
            {choices.map((d) => (
              <option key={d} value={d}>
                {dimensionLabel(d)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryStatus state={shown} />
      {groups?.length === 0 && <p className="empty">{t('funnel.empty')}</p>}
      {groups && scaleEnd !== null && groups.length > 0 && (
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
                <th className="bar-column">
                  <span className="visually-hidden">{t('funnel.rateBar')}</span>
                </th>
                <th className="num">{t('funnel.leadToWon')}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g, i) => {
                // Each row against the best (the first), not against the row above: a chain of
                // "not significant" steps would say nothing about the first against the last.
                const overlap = i > 0 && notSignificant(g.won.interval, groups[0]!.won.interval);
                return (
                  <tr key={g.value ?? '\0'} data-value={g.value ?? ''} aria-selected={selected.includes(g.value)}>
                    <th scope="row">
                      <button type="button" className="link-button" onClick={() => choose(g.value)} aria-pressed={selected.includes(g.value)} title={text.filterOthers}>
                        {g.label}
                      </button>
                    </th>
                    {g.stages.map((s) => (
                      <td key={s.stage} className="num">
                        <button type="button" className="figure" onClick={() => explore(g.value, s.stage)} title={text.showLeads}>
                          {format.count(s.reached)}
                        </button>
                      </td>
                    ))}
                    <td className="bar-column">
                      <RateBar
                        share={g.won.value === null ? null : g.won.value / scaleEnd}
                        interval={g.won.interval && { low: g.won.interval.low / scaleEnd, high: g.won.interval.high / scaleEnd }}
                        tone={barTone(selected, g.value, overlap)}
                        {...figureHandlers(clicks, () => choose(g.value), () => explore(g.value, pipeline.stages[last]!))}
                        hint={text.hint}
                      />
                    </td>
                    <td className="num" data-figure="lead-to-won">
                      <RateCell rate={g.won} percent={format.percent} />
                      {overlap && (
                        <small className="not-significant" title={text.notSignificantLong}>
                          {' '}
                          {text.notSignificant}
                        </small>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Outside the selection faded; a rate not significantly below the best lighter. */
function barTone(selected: readonly (string | null)[], value: string | null, notSignificantlyLower: boolean): BarTone {
  if (selected.length > 0 && !selected.includes(value)) return 'faded';
  return notSignificantlyLower ? 'light' : 'strong';
}
