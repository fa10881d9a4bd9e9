/**
 * What the Planning page's panels share, as a React context: the measured history, the defaults
 * made from it, the planner's edits (PlanEdits: what a scenario and a link store) and the plan they
 * give, the deterministic figures and the simulation. Panels built apart from the page (the
 * pipeline forecast, the scenarios bar) read it with usePlanning() and change the plan only through
 * setEdits (a scenario opened) or dispatch (one input changed).
 */
import { createContext, useContext, type Dispatch } from 'react';
import type { LeadFilter } from '../../../domain/leadFilter';
import type { Plan, PlanDefaults, PlanEdits, PlanningHistory } from '../../../domain/planning';
import type { EditAction } from './editsModel';
import type { PlanFigures } from './planFigures';
import type { SimulationState } from './useSimulation';

export interface PlanningState {
  readonly history: PlanningHistory;
  readonly defaults: PlanDefaults;
  readonly edits: PlanEdits;
  /** defaults.plan with the edits applied: what every figure is computed from. */
  readonly plan: Plan;
  readonly figures: PlanFigures;
  readonly simulation: SimulationState;
  /** Rates per sales unit (planDefaults byUnit) or per medium. */
  readonly byUnit: boolean;
  /** The global filter the history was measured under. */
  readonly filter: LeadFilter;
  /** Replaces all edits (a saved scenario or a link opened). */
  setEdits(edits: PlanEdits): void;
  readonly dispatch: Dispatch<EditAction>;
}

export const PlanningContext = createContext<PlanningState | null>(null);

export function usePlanning(): PlanningState {
  const state = useContext(PlanningContext);
  if (!state) throw new Error('usePlanning outside the Planning page');
  return state;
}
