/** The planning maths the Planning page and its simulation worker import (all pure, see DESIGN.md "Planning"). */
export type * from './history';
export { NO_UNIT, leadToWonRate, plannedLeads, planMedia, planUnits, revenuePerLead, totalTarget } from './plan';
export type { Plan, PlanSegment, RateEvidence } from './plan';
export { addMonths, monthsBetween, monthsOfYear, periodMonths } from './calendar';
export { estimateBetaPrior, shrink } from './shrinkage';
export type { BetaPrior, Counts, ShrinkageOptions, ShrunkRate } from './shrinkage';
export { DAYS_PER_MONTH, lagMonthProbabilities, mergeHistograms } from './lag';
export { planDefaults } from './defaults';
export type { PlanDefaults, PlanDefaultsOptions, PlanWarning, PlannedLeadsSource, RateProvenance, SegmentProvenance } from './defaults';
export { applyEdits, NO_EDITS, segmentKey, shiftLag, unmatchedEdits } from './edits';
export type { PlanEdits, SegmentEdit } from './edits';
export { reverseFunnel, stageCounts } from './reverseFunnel';
export type { FunnelSummary, ReverseFunnel, SegmentFunnel } from './reverseFunnel';
export { normalisedLag, phaseRevenue } from './phasing';
export type { PhasedRevenue, Phasing } from './phasing';
export { cheapestMix, cheapestMixForPlan, mediumOffers } from './cheapestMix';
export type { CheapestMix, MediumOffer, MixAllocation } from './cheapestMix';
export { sensitivity } from './sensitivity';
export type { Sensitivity, SensitivityBar, SensitivityInput, SensitivityOptions } from './sensitivity';
export { seededRandom } from './random';
export type { Random } from './random';
export { leadToWonBeta, simulate } from './simulation';
export type { Distribution, HistogramBar, Simulation, SimulationOptions, SimulationSummary } from './simulation';
export { monthTargets, pipelineForecast, probabilityFromStage } from './forecast';
export type { Forecast, ForecastFigures, MonthForecast } from './forecast';
export {
  compareScenarios,
  COMPARED_FIGURES,
  decodeScenario,
  DEFAULT_SCENARIO_OPTIONS,
  duplicateScenario,
  encodeScenario,
  historyFingerprint,
  scenarioFigures,
  validScenario,
} from './scenario';
export type { ComparedFigure, Comparison, ComparisonRow, DecodedScenario, LinkScenario, Scenario, ScenarioFigures, ScenarioOptions, ScenarioResult } from './scenario';
