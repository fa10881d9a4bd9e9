import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { monthsCondition } from '../../../domain/leadFilter';
import { select } from '../../../state/viewState';
import { formatDate } from '../../i18n/format';
import { useFilterLabels } from '../../filters/useFilterLabels';
import { useViewState } from '../../state/ViewStateContext';
import { TableDisclosure } from '../../tables/TableDisclosure';
import { QueryStatus } from '../QueryStatus';
import { CohortHeatmap } from './CohortHeatmap';
import { cohortCells, type CohortCell, type CohortFigures } from './cohortFigures';
import { CohortTable } from './CohortTable';
import type { FunnelViewProps } from './funnelContext';
import { useFunnelFormat } from './useFunnelFormat';
import { useMaturity } from './useMaturity';
import { NeedsDates } from '../NeedsDates';

/** Created month × stage reached (share of the month's leads); immature cohorts marked. */
export function CohortView({ pipeline, openExplorer, clicks, rows: { state, shown } }: FunnelViewProps) {
  const { t, i18n } = useTranslation();
  const { view, update, filterFor } = useViewState();
  const { stageLabel } = useFilterLabels();
  const format = useFunnelFormat();
  const filter = filterFor('cohorts');
  const { state: lag, maturity } = useMaturity(pipeline);

  const model = useMemo(() => {
    if (shown.status !== 'ready' || !maturity) return null;
    // Leads without a creation date belong to no cohort (NeedsDates counts them below the view).
    const { months, cells } = cohortCells(shown.rows, pipeline);
    return { months, cells, immature: maturity.immature(months), p90: maturity.p90, asOf: maturity.asOf };
  }, [shown, maturity, pipeline]);

  const stageLabels = useMemo(() => pipeline.stages.slice(1).map(stageLabel), [pipeline, stageLabel]);

  const selection = view.selections.find((s) => s.source === 'cohorts')?.condition;
  const selectedMonth = selection?.kind === 'created' ? selection.range.from.slice(0, 7) : null;
  const chooseMonth = (month: string) => update((v) => select(v, { source: 'cohorts', condition: monthsCondition(month) }));
  const explore = (cell: CohortCell) => {
    openExplorer(filter, [monthsCondition(cell.month), { kind: 'reached', stage: pipeline.stages[cell.stageIndex + 1]! }]);
  };
  /** The heat map and its table show the same figures and act alike. */
  const figuresOf = (m: NonNullable<typeof model>): CohortFigures => ({
    months: m.months,
    stages: stageLabels,
    cells: m.cells,
    immature: m.immature,
    selectedMonth,
    onChoose: chooseMonth,
    onExplore: explore,
  });

  return (
    <section className="panel wide" aria-labelledby="cohorts-title" data-view="cohorts" data-ready={state.status === 'ready' && lag.status === 'ready'} aria-busy={state.status === 'loading'}>
      <h2 id="cohorts-title">{t('funnel.view.cohorts')}</h2>
      <NeedsDates>
        <QueryStatus state={shown.status === 'ready' ? lag : shown} />
        {model?.months.length === 0 && <p className="empty">{t('funnel.empty')}</p>}
        {model && model.months.length > 0 && (
          <>
            <CohortHeatmap {...figuresOf(model)} label={t('funnel.cohortsLabel')} clicks={clicks} />
            <TableDisclosure summary={t('funnel.asTable')} testId="cohort-table-toggle">
              {() => <CohortTable {...figuresOf(model)} />}
            </TableDisclosure>
            <p className="muted small">
              {model.p90 === null
                ? t('funnel.maturityUnknown')
                : t('funnel.maturityNote', { days: format.days(model.p90), asOf: model.asOf ? formatDate(i18n.language, model.asOf) : '–', count: model.immature.size })}
            </p>
          </>
        )}
      </NeedsDates>
    </section>
  );
}
