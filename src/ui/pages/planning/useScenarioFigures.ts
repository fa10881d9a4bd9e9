import { useCallback, useEffect, useState } from 'react';
import { applyEdits, type Plan, type PlanEdits, type PlanningHistory } from '../../../domain/planning';
import { scenarioDefaults, scenarioFigures, stableJson, type ScenarioFigures, type ScenarioOptions } from '../../../domain/planning/scenario';
import type { SimulationRequest, SimulationResponse } from './simulationWorker';
import { SIMULATION_RUNS, SIMULATION_SEED, type SimulationState } from './useSimulation';

/** Each loaded history gets a number: a probability is known for one history's scenario only. */
const historyIds = new WeakMap<PlanningHistory, number>();
let lastHistoryId = 0;
const historyId = (history: PlanningHistory) => {
  let id = historyIds.get(history);
  if (id === undefined) historyIds.set(history, (id = ++lastHistoryId));
  return id;
};

const keyOf = (history: PlanningHistory, edits: PlanEdits, options: ScenarioOptions) => `${historyId(history)}:${stableJson([edits, options])}`;

/** Simulates plans one after another in a worker of its own, each key once. */
class ScenarioSimulations {
  private readonly asked = new Set<string>();
  private readonly queue: { key: string; plan: Plan }[] = [];
  private worker: Worker | null = null;
  private busy = false;

  constructor(private readonly onResult: (key: string, probability: number | null) => void) {}

  ask(key: string, plan: Plan): void {
    if (this.asked.has(key)) return;
    this.asked.add(key);
    this.queue.push({ key, plan });
    // Asked while the comparison renders: the worker is started after it.
    queueMicrotask(() => this.next());
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.queue.length = 0;
    this.asked.clear();
    this.busy = false;
  }

  private next(): void {
    if (this.busy) return;
    const job = this.queue.shift();
    if (!job) return;
    this.busy = true;
    const worker = (this.worker ??= new Worker(new URL('./simulationWorker.ts', import.meta.url), { type: 'module' }));
    const done = (probability: number | null) => {
      this.busy = false;
      this.onResult(job.key, probability);
      this.next();
    };
    worker.onmessage = ({ data }: MessageEvent<SimulationResponse>) => done('simulation' in data ? data.simulation.total.probabilityOfTarget : null);
    worker.onerror = () => done(null);
    worker.postMessage({ id: 0, plan: job.plan, runs: SIMULATION_RUNS, seed: SIMULATION_SEED } satisfies SimulationRequest);
  }
}

/**
 * The figures of any scenario on the loaded data, for the scenarios' comparison: the plan's reverse
 * funnel at once, and its probability of reaching the target from the same simulation as the page's
 * (same runs, same seed), run in a worker of its own one scenario after another. The plan on screen
 * takes the page's own result. Until a probability is known it is null (the comparison says so).
 */
export function useScenarioFigures(history: PlanningHistory, current: { edits: PlanEdits; options: ScenarioOptions; simulation: SimulationState }) {
  const [probabilities, setProbabilities] = useState<ReadonlyMap<string, number | null>>(() => new Map());
  const [simulations] = useState(() => new ScenarioSimulations((key, probability) => setProbabilities((map) => new Map(map).set(key, probability))));
  useEffect(() => () => simulations.dispose(), [simulations]);

  const currentKey = keyOf(history, current.edits, current.options);
  const currentProbability = current.simulation.status === 'ready' ? current.simulation.simulation.total.probabilityOfTarget : null;

  return useCallback(
    (edits: PlanEdits, options: ScenarioOptions): ScenarioFigures => {
      const key = keyOf(history, edits, options);
      const defaults = scenarioDefaults(history, options);
      if (!defaults) return { revenue: 0, cost: null, roi: null, probability: null, gap: null };
      const plan = applyEdits(defaults.plan, edits);
      if (key === currentKey) return scenarioFigures(plan, currentProbability);
      if (!probabilities.has(key)) simulations.ask(key, plan);
      return scenarioFigures(plan, probabilities.get(key) ?? null);
    },
    [history, currentKey, currentProbability, probabilities, simulations],
  );
}
