import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monthsCondition } from '../../../domain/leadFilter';
import { clearSelection, select } from '../../../state/viewState';
import { Chart, type ChartElement } from '../../charts/Chart';
import { seriesColor } from '../../charts/chartStyle';
import { SeriesLegend } from '../../charts/SeriesLegend';
import { trendOption, type TrendSeries } from '../../charts/funnel/trendOption';
import { useFilterLabels } from '../../filters/useFilterLabels';
import { useViewState } from '../../state/ViewStateContext';
import { TableDisclosure } from '../../tables/TableDisclosure';
import { QueryStatus } from '../QueryStatus';
import { TrendTable } from './TrendTable';
import type { FunnelViewProps } from './funnelContext';
import { useFunnelFormat } from './useFunnelFormat';
import { MIN_MONTH_LEADS, trendLines } from './trendLines';
import { useMaturity } from './useMaturity';
import { NeedsDates } from '../NeedsDates';

/** Lines the chart draws: the split values with the most leads. */
const SERIES = 6;

/** Conversion per created month, split like the split view; click a month or brush a range to filter. */
export function TrendView({ pipeline, openExplorer, clicks, rows: { state, shown } }: FunnelViewProps) {
  const { t } = useTranslation();
  const { view, update, filterFor } = useViewState();
  const { dimensionLabel, valueLabel, stageLabel } = useFilterLabels();
  const format = useFunnelFormat();
  const [target, setTarget] = useState(pipeline.stages[2] ?? pipeline.stages[pipeline.stages.length - 1]!);
  const targetIndex = Math.max(1, pipeline.stages.indexOf(target));
  const dimension = view.split;
  const filter = filterFor('trend');
  const { state: lag, maturity } = useMaturity(pipeline);
  /** Lines the user hid, by name: a name no longer drawn (another split) simply matches nothing. */
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const toggleLine = (name: string) => setHidden((h) => (h.has(name) ? new Set([...h].filter((n) => n !== name)) : new Set([...h, name])));

  const model = useMemo(() => {
    if (shown.status !== 'ready' || !maturity) return null;
    // Leads without a creation date belong to no month (NeedsDates counts them below the view).
    const { months, lines } = trendLines(shown.rows, pipeline, targetIndex);
    const series: (TrendSeries & { value: string | null })[] = lines.slice(0, SERIES).map((l) => ({ value: l.value, name: valueLabel(dimension, l.value), rates: l.rates, counts: l.counts }));
    const leftOut = lines.slice(SERIES).map((l) => valueLabel(dimension, l.value));
    const immature = maturity.immature(months);
    // Shaded from the first month after which every month is immature.
    const firstImmature = months.find((m, i) => months.slice(i).every((later) => immature.has(later))) ?? null;
    return { months, series, firstImmature, values: lines.length, leftOut };
  }, [shown, maturity, pipeline, targetIndex, dimension, valueLabel]);

  const selection = view.selections.find((s) => s.source === 'trend')?.condition;
  const selectedRange = selection?.kind === 'created' ? ([selection.range.from.slice(0, 7), selection.range.to.slice(0, 7)] as const) : null;
  const option = useMemo(
    () =>
      model &&
      trendOption(
        model.months,
        model.series,
        model.firstImmature,
        selectedRange,
        {
          month: format.month,
          percent: format.percent,
          immature: t('funnel.immature'),
          ofLeads: (rate, leads) => t('funnel.trendOfLeads', { rate, leads: format.count(leads) }),
          tooFew: (leads) => t('funnel.trendTooFew', { leads: format.count(leads) }),
        },
        hidden,
      ),
    [model, selectedRange?.[0], selectedRange?.[1], format, t, hidden], // eslint-disable-line react-hooks/exhaustive-deps -- the range's ends, not its identity
  );

  const chooseMonths = (first: string, last: string) => update((v) => select(v, { source: 'trend', condition: monthsCondition(first, last) }));
  const onBrush = (range: readonly [number, number] | null) => {
    if (!model) return;
    if (!range) return update((v) => clearSelection(v, 'trend'));
    const first = model.months[Math.max(0, range[0])];
    const last = model.months[Math.min(model.months.length - 1, range[1])];
    if (first && last) chooseMonths(first, last);
  };
  const explore = (month: string, value: string | null) => {
    openExplorer(filter, [monthsCondition(month), { kind: 'values', dimension, values: [value] }]);
  };
  /** A point of a line: its month's leads of that line's value. */
  const exploreElement = (e: ChartElement) => {
    const month = model?.months[e.dataIndex];
    const series = model?.series[e.seriesIndex ?? -1];
    if (month && series) explore(month, series.value);
  };

  return (
    <section className="panel wide" aria-labelledby="trend-title" data-view="trend" data-ready={state.status === 'ready' && lag.status === 'ready'} aria-busy={state.status === 'loading'}>
      <div className="panel-head">
        <h2 id="trend-title">{t('funnel.view.trend')}</h2>
        <label>
          {t('funnel.conversionTo')}{' '}
          <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="trend-stage">
            {pipeline.stages.slice(1).map((stage) => (
              <option key={stage} value={stage}>
                {stageLabel(stage)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <NeedsDates>
        <QueryStatus state={shown.status === 'ready' ? lag : shown} />
        {model?.months.length === 0 && <p className="empty">{t('funnel.empty')}</p>}
        {model && option && model.months.length > 0 && (
          <>
            <SeriesLegend items={model.series.map((s, i) => ({ name: s.name, color: seriesColor(i) }))} hidden={hidden} onToggle={toggleLine} label={t('funnel.trendLegend')} testId="trend-legend" />
            <Chart
              option={option}
              label={t('funnel.trendLabel', { dimension: dimensionLabel(dimension) })}
              height={300}
              testId="chart-trend"
              onClick={(e) => {
                const month = model.months[e.dataIndex];
                if (month) clicks.click(e.event?.event?.detail ?? 1, () => chooseMonths(month, month), () => exploreElement(e));
              }}
              onDoubleClick={(e) => clicks.doubleClick(() => exploreElement(e))}
              onBrush={onBrush}
            />
            <TableDisclosure summary={t('funnel.asTable')} testId="trend-table-toggle">
              {() => (
                <TrendTable
                  months={model.months}
                  series={model.series}
                  firstImmature={model.firstImmature}
                  selected={selectedRange}
                  onChoose={(month) => chooseMonths(month, month)}
                  onExplore={explore}
                />
              )}
            </TableDisclosure>
            <p className="muted small">
              {t('funnel.trendNote', { shown: model.series.length, total: model.values, dimension: dimensionLabel(dimension) })} {t('funnel.trendThreshold', { min: MIN_MONTH_LEADS })}
              {model.leftOut.length > 0 && ` ${t('funnel.trendLeftOut', { values: model.leftOut.join(', ') })}`}
            </p>
          </>
        )}
      </NeedsDates>
    </section>
  );
}
