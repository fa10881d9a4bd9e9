import { memo, useCallback, useDeferredValue, useMemo, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadFilter } from '../../../domain/leadFilter';
import { applyEdits, NO_EDITS, type PlanEdits, type PlanningHistory } from '../../../domain/planning';
import { scenarioDefaults, type ScenarioOptions } from '../../../domain/planning/scenario';
import { ForecastPanel } from './forecast/ForecastPanel';
import { ScenariosBar } from './scenarios/ScenariosBar';
import { useScenarioFigures } from './useScenarioFigures';
import { useSettledValue } from './useSettledValue';
import { editsReducer } from './editsModel';
import { InputsPanel } from './InputsPanel';
import { MixPanel } from './MixPanel';
import { PhasingPanel } from './PhasingPanel';
import { planFigures } from './planFigures';
import { PlanningContext, type PlanningState } from './planningState';
import { PlanNotes } from './PlanNotes';
import { PlanSummary } from './PlanSummary';
import { ProbabilityPanel } from './ProbabilityPanel';
import { ReverseFunnelPanel } from './ReverseFunnelPanel';
import { TornadoPanel } from './TornadoPanel';
import { usePlanFormat, type PlanFormat } from './usePlanFormat';
import { useSimulation } from './useSimulation';

interface WorkspaceProps {
  readonly history: PlanningHistory;
  readonly filter: LeadFilter;
  /** What the defaults are made with (rates per unit or per medium, planned leads' source, plan year). */
  readonly options: ScenarioOptions;
  readonly onOptions: (options: ScenarioOptions) => void;
}

/** The plan: defaults from the history, the planner's edits over them, and every panel reading both. */
export function PlanningWorkspace({ history, filter, options, onOptions }: WorkspaceProps) {
  const { t } = useTranslation();
  const { byUnit } = options;
  // null: no plan year (no dates and no targets), so nothing to plan.
  const defaults = useMemo(() => scenarioDefaults(history, options), [history, options]);
  const [edits, dispatch] = useReducer(editsReducer, NO_EDITS);
  // The plan the inputs show, at once.
  const plan = useMemo(() => (defaults ? applyEdits(defaults.plan, edits) : null), [defaults, edits]);
  // The plan the results show: it follows the inputs in a render React may interrupt and spreads
  // over short tasks, so a slider step answers within a frame however many panels it changes.
  const shownEdits = useDeferredValue(edits);
  const shownPlan = useDeferredValue(plan);
  const figures = useMemo(() => (shownPlan ? planFigures(shownPlan) : null), [shownPlan]);
  const simulation = useSimulation(shownPlan && shownPlan.segments.length > 0 ? shownPlan : null);
  const setEdits = useCallback((next: PlanEdits) => dispatch({ type: 'replace', edits: next }), []);
  const format = usePlanFormat(history.currency);
  const onByUnit = useCallback((next: boolean) => onOptions({ ...options, byUnit: next }), [options, onOptions]);
  const openScenario = useCallback(
    (next: PlanEdits, nextOptions: ScenarioOptions) => {
      onOptions(nextOptions);
      setEdits(next);
    },
    [onOptions, setEdits],
  );
  const scenarioFigures = useScenarioFigures(history, { edits, options, simulation });
  const settledPlan = useSettledValue(shownPlan);
  const state = useMemo<PlanningState | null>(
    () => (defaults && shownPlan && figures ? { history, defaults, edits: shownEdits, plan: shownPlan, figures, simulation, byUnit, filter, setEdits, dispatch } : null),
    [history, defaults, shownEdits, shownPlan, figures, simulation, byUnit, filter, setEdits],
  );
  const inputsState = useMemo<PlanningState | null>(() => (state && plan ? { ...state, edits, plan } : null), [state, edits, plan]);

  if (!defaults) return <p className="empty">{t('planning.noYear')}</p>;
  if (!state || !inputsState || defaults.plan.segments.length === 0) return <p className="empty">{filter.length ? t('planning.noSegmentsFiltered') : t('planning.noSegments')}</p>;
  return (
    <PlanningContext.Provider value={state}>
      <ScenariosBar edits={edits} options={options} history={history} onOpen={openScenario} figures={scenarioFigures} />
      <ResultsAbove format={format} />
      <div className="planning-layout">
        <PlanningContext.Provider value={inputsState}>
          <InputsPanel format={format} onByUnit={onByUnit} />
        </PlanningContext.Provider>
        <ResultsBeside format={format} />
      </div>
      <ForecastPanel history={history} plan={settledPlan ?? state.plan} />
    </PlanningContext.Provider>
  );
}

// Memoised so that a slider step's urgent render passes them by: they re-render with the deferred plan.
const ResultsAbove = memo(function ResultsAbove({ format }: { format: PlanFormat }) {
  return (
    <>
      <PlanNotes format={format} />
      <PlanSummary format={format} />
      <ReverseFunnelPanel format={format} />
    </>
  );
});

const ResultsBeside = memo(function ResultsBeside({ format }: { format: PlanFormat }) {
  return (
    <div className="planning-results">
      <MixPanel format={format} />
      <ProbabilityPanel format={format} />
      <PhasingPanel format={format} />
      <TornadoPanel format={format} />
    </div>
  );
});
