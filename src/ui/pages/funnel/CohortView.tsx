import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { monthsCondition } from '../../../domain/leadFilter';
import { funnelCountsFromRow } from '../../../domain/funnel';
import { select } from '../../../state/viewState';
import { Chart } from '../../charts/Chart';
import { cohortOption, type CohortCell } from '../../charts/funnel/cohortOption';
import { formatDate } from '../../i18n/format';
import { useFilterLabels } from '../../filters/useFilterLabels';
import { useViewState } from '../../state/ViewStateContext';
import { TableDisclosure } from '../../tables/TableDisclosure';
import { QueryStatus } from '../QueryStatus';
import { CohortTable } from './CohortTable';
import type { FunnelViewProps } from './funnelContext';
import { useFunnelRows } from './useFunnelRows';
import { useFunnelFormat } from './useFunnelFormat';
import { useMaturity } from './useMaturity';

/** Created month × stage reached (share of the month's leads); immature cohorts marked. */
export function CohortView({ pipeline, openExplorer }: FunnelViewProps) {
  const { t, i18n } = useTranslation();
  const { view, update, filterFor } = useViewState();
  const { stageLabel } = useFilterLabels();
  const format = useFunnelFormat();
  const filter = filterFor('cohorts');
  const { state, shown } = useFunnelRows(pipeline, filter, { kind: 'cohorts' });
  const { state: lag, maturity } = useMaturity(pipeline);

  const model = useMemo(() => {
    if (shown.status !== 'ready' || !maturity) return null;
    const months = shown.rows.map((r) => String(r.month));
    const cells: CohortCell[] = [];
    shown.rows.forEach((row) => {
      const counts = funnelCountsFromRow(pipeline, row);
      counts.reached.forEach((count, stageIndex) => {
        if (stageIndex > 0) cells.push({ month: String(row.month), stageIndex: stageIndex - 1, count, leads: counts.leads, share: counts.leads ? count / counts.leads : null });
      });
    });
    return { months, cells, immature: maturity.immature(months), p90: maturity.p90, asOf: maturity.asOf };
  }, [shown, maturity, pipeline]);

  const laterStages = pipeline.stages.slice(1);
  const option = useMemo(
    () =>
      model &&
      cohortOption(model.months, laterStages.length, model.cells, model.immature, {
        month: format.month,
        stage: (i) => stageLabel(laterStages[i] ?? ''),
        percent: format.percent,
        count: format.count,
        immature: t('funnel.immature'),
        hint: t('funnel.hint'),
      }),
    [model, laterStages, format, stageLabel, t],
  );

  const selection = view.selections.find((s) => s.source === 'cohorts')?.condition;
  const selectedMonth = selection?.kind === 'created' ? selection.range.from.slice(0, 7) : null;
  const cellAt = (dataIndex: number) => model?.cells[dataIndex];
  const chooseMonth = (month: string) => update((v) => select(v, { source: 'cohorts', condition: monthsCondition(month) }));
  const explore = (cell: CohortCell) => {
    openExplorer(filter, [monthsCondition(cell.month), { kind: 'reached', stage: laterStages[cell.stageIndex]! }]);
  };

  return (
    <section className="panel wide" aria-labelledby="cohorts-title" data-view="cohorts" data-ready={state.status === 'ready' && lag.status === 'ready'} aria-busy={state.status === 'loading'}>
      <h2 id="cohorts-title">{t('funnel.view.cohorts')}</h2>
      <QueryStatus state={shown.status === 'ready' ? lag : shown} />
      {model?.months.length === 0 && <p className="empty">{t('funnel.empty')}</p>}
      {model && option && model.months.length > 0 && (
        <>
          <Chart
            option={option}
            label={t('funnel.cohortsLabel')}
            height={60 + 36 * laterStages.length + 40}
            testId="chart-cohorts"
            onClick={(e) => cellAt(e.dataIndex) && chooseMonth(cellAt(e.dataIndex)!.month)}
            onDoubleClick={(e) => cellAt(e.dataIndex) && explore(cellAt(e.dataIndex)!)}
          />
          <TableDisclosure summary={t('funnel.asTable')} testId="cohort-table-toggle">
            {() => (
              <CohortTable
                months={model.months}
                stages={laterStages.map(stageLabel)}
                cells={model.cells}
                immature={model.immature}
                selectedMonth={selectedMonth}
                onChoose={chooseMonth}
                onExplore={explore}
              />
            )}
          </TableDisclosure>
          <p className="muted small">
            {model.p90 === null
              ? t('funnel.maturityUnknown')
              : t('funnel.maturityNote', { days: format.days(model.p90), asOf: model.asOf ? formatDate(i18n.language, model.asOf) : '–', count: model.immature.size })}
          </p>
        </>
      )}
    </section>
  );
}
