import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '../filters/FilterBar';
import { useViewState } from '../state/ViewStateContext';
import { PlanningWorkspace } from './planning/PlanningWorkspace';
import { usePlanningHistory } from './planning/usePlanningHistory';
import { FiltersWhenReady } from './PreparedFigures';
import { DEFAULT_SCENARIO_OPTIONS, type ScenarioOptions } from '../../domain/planning/scenario';
import { addPlanningTexts } from '../i18n/planningTexts';

// Before the page renders: its words come with its chunk.
addPlanningTexts();


/**
 * The funnel planned backwards from the revenue target (DESIGN.md "Planning"): defaults measured
 * from the data under the global filters, every input editable, the figures recomputed on every
 * change and the probability of reaching the target simulated in a worker.
 */
export function PlanningPage() {
  const { t } = useTranslation();
  const { filterFor } = useViewState();
  const filter = filterFor(null);
  const history = usePlanningHistory(filter);
  const [options, setOptions] = useState<ScenarioOptions>(DEFAULT_SCENARIO_OPTIONS);
  return (
    <section aria-labelledby="page-title" className="page planning-page" data-testid="planning" data-ready={history.status === 'ready'}>
      <header className="page-header">
        <h1 id="page-title">{t('planning.heading')}</h1>
        <p>{t('planning.intro')}</p>
      </header>
      <FiltersWhenReady>
        <FilterBar />
      </FiltersWhenReady>
      {history.status === 'loading' && (
        <p className="muted" role="status" aria-busy="true">
          {t('planning.loading')}
        </p>
      )}
      {history.status === 'error' && (
        <p className="error" role="alert">
          {t('planning.failed', { message: history.error })}
        </p>
      )}
      {history.status === 'ready' && <PlanningWorkspace history={history.history} filter={filter} options={options} onOptions={setOptions} />}
    </section>
  );
}
