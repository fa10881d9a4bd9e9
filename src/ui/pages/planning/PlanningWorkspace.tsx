import { useCallback, useMemo, useReducer } from 'react';
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
import { usePlanFormat } from './usePlanFormat';
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
  const plan = useMemo(() => (defaults ? applyEdits(defaults.plan, edits) : null), [defaults, edits]);
  // Deterministic figures: a few milliseconds, recomputed on every change of an input.
  const figures = useMemo(() => (plan ? planFigures(plan) : null), [plan]);
  const simulation = useSimulation(plan && plan.segments.length > 0 ? plan : null);
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
  const settledPlan = useSettledValue(plan);
  const state = useMemo<PlanningState | null>(
    () => (defaults && plan && figures ? { history, defaults, edits, plan, figures, simulation, byUnit, filter, setEdits, dispatch } : null),
    [history, defaults, edits, plan, figures, simulation, byUnit, filter, setEdits],
  );

  if (!defaults) return <p className="empty">{t('planning.noYear')}</p>;
  if (!state || defaults.plan.segments.length === 0) return <p className="empty">{filter.length ? t('planning.noSegmentsFiltered') : t('planning.noSegments')}</p>;
  return (
    <PlanningContext.Provider value={state}>
      <ScenariosBar edits={edits} options={options} history={history} onOpen={openScenario} figures={scenarioFigures} />
      <PlanNotes format={format} />
      <PlanSummary format={format} />
      <ReverseFunnelPanel format={format} />
      <div className="planning-layout">
        <InputsPanel format={format} onByUnit={onByUnit} />
        <div className="planning-results">
          <MixPanel format={format} />
          <ProbabilityPanel format={format} />
          <PhasingPanel format={format} />
          <TornadoPanel format={format} />
        </div>
      </div>
      <ForecastPanel history={history} plan={settledPlan ?? state.plan} />
    </PlanningContext.Provider>
  );
}
