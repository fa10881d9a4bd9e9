import { useEffect, useRef, useState } from 'react';
import type { Plan, Simulation } from '../../../domain/planning';
import type { SimulationRequest, SimulationResponse } from './simulationWorker';

export const SIMULATION_RUNS = 10_000;
/** One seed for every run of the page: the same plan always shows the same probability. */
export const SIMULATION_SEED = 1;
/** Quiet time after the last change (a slider being dragged) before the simulation starts. */
export const SIMULATION_DELAY_MS = 150;

export type SimulationState =
  | { readonly status: 'idle' }
  /** `previous`: the last result, for another plan, shown dimmed meanwhile. */
  | { readonly status: 'running'; readonly previous: Simulation | null }
  | { readonly status: 'ready'; readonly simulation: Simulation; readonly ms: number }
  | { readonly status: 'error'; readonly error: string };

interface SimulationWorker {
  readonly worker: Worker;
  busy: boolean;
}

/**
 * The simulation of `plan` in a web worker (simulationWorker.ts), started 150 ms after the plan
 * last changed. Answers to older plans are dropped; a worker still busy with an older plan when a
 * new one is due is ended and a fresh one started, so a run nobody waits for does not delay the
 * current one.
 */
export function useSimulation(plan: Plan | null, { runs = SIMULATION_RUNS, seed = SIMULATION_SEED, delayMs = SIMULATION_DELAY_MS } = {}): SimulationState {
  const [result, setResult] = useState<{ plan: Plan; response: SimulationResponse } | null>(null);
  const [lastGood, setLastGood] = useState<Simulation | null>(null);
  const worker = useRef<SimulationWorker | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    if (!plan) return;
    const id = ++latest.current;
    const timer = setTimeout(() => {
      let current = worker.current;
      if (current?.busy) {
        current.worker.terminate();
        current = null;
      }
      if (!current) {
        current = { worker: new Worker(new URL('./simulationWorker.ts', import.meta.url), { type: 'module' }), busy: false };
        worker.current = current;
      }
      const mine = current;
      mine.busy = true;
      mine.worker.onmessage = ({ data }: MessageEvent<SimulationResponse>) => {
        mine.busy = false;
        if (data.id !== latest.current) return;
        setResult({ plan, response: data });
        if ('simulation' in data) setLastGood(data.simulation);
      };
      mine.worker.onerror = (event) => {
        mine.busy = false;
        if (id === latest.current) setResult({ plan, response: { id, error: event.message || 'the simulation stopped' } });
      };
      mine.worker.postMessage({ id, plan, runs, seed } satisfies SimulationRequest);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [plan, runs, seed, delayMs]);

  useEffect(
    () => () => {
      worker.current?.worker.terminate();
      worker.current = null;
    },
    [],
  );

  if (!plan) return { status: 'idle' };
  if (!result || result.plan !== plan) return { status: 'running', previous: lastGood };
  const { response } = result;
  return 'error' in response ? { status: 'error', error: response.error } : { status: 'ready', simulation: response.simulation, ms: response.ms };
}
