/**
 * The Planning page's Monte Carlo (src/domain/planning/simulation.ts) off the main thread: 10,000
 * runs take a few hundred milliseconds, which would freeze a slider. One request, one answer; the
 * page drops answers to requests it no longer waits for, and ends a worker still busy with one
 * (useSimulation.ts).
 */
import { errorText } from '../../../domain/errorText';
import { simulate, type Plan, type Simulation } from '../../../domain/planning';

export interface SimulationRequest {
  readonly id: number;
  readonly plan: Plan;
  readonly runs: number;
  readonly seed: number;
}

export type SimulationResponse =
  | { readonly id: number; readonly simulation: Simulation; /** Time the simulation took in the worker. */ readonly ms: number }
  | { readonly id: number; readonly error: string };

/** Runs one request (the worker's whole job; the benchmark calls it in a Node worker thread too). */
export function runSimulation(request: SimulationRequest): SimulationResponse {
  try {
    const started = performance.now();
    const simulation = simulate(request.plan, { runs: request.runs, seed: request.seed });
    return { id: request.id, simulation, ms: performance.now() - started };
  } catch (error) {
    return { id: request.id, error: errorText(error) };
  }
}

self.onmessage = (event: MessageEvent<SimulationRequest>) => {
  self.postMessage(runSimulation(event.data));
};
