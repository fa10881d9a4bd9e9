import { useEffect, useState } from 'react';
import { DEFAULT_PIPELINE } from '../../domain/pipeline';
import { errorText } from '../../domain/errorText';
import { buildFunnelCube, cubeWarmUps } from '../../services/funnelCubes';
import { whenIdle } from '../whenIdle';
import type { DataStore } from './dataState';
import { createVersionGate, type VersionGate } from './versionGate';

/**
 * Builds the Funnel page's cube again after every change of the data, once; a change meanwhile
 * makes the result stale. Returns the gate that opens per data version once its cube is built,
 * failed or is not needed: the browser copy waits for it.
 */
export function useCubeBuild({ state, current, update }: DataStore): VersionGate {
  const { dataVersion, status, tables } = state;
  const hasLeads = status.phase === 'ready' && tables.some((t) => t.kind === 'leads');
  const [settled] = useState(createVersionGate);
  useEffect(() => {
    const { coordinator } = current.current;
    if (!coordinator || !hasLeads) {
      settled.open(dataVersion);
      return;
    }
    let wanted = true;
    const started = performance.now();
    buildFunnelCube(coordinator.db, DEFAULT_PIPELINE)
      .then(
        (cube) => {
          if (!wanted) return;
          update((s) => ({ ...s, cube: { version: dataVersion, value: cube }, timings: { ...s.timings, cubes: Math.round(performance.now() - started) } }));
          runWhenIdle(cubeWarmUps(cube), () => wanted);
        },
        // Without cubes every view still answers from the raw table, only slower.
        (error: unknown) => console.warn(`Funnel cubes not built: ${errorText(error)}`),
      )
      .finally(() => settled.open(dataVersion));
    return () => {
      wanted = false;
    };
  }, [dataVersion, hasLeads, current, update, settled]);
  return settled;
}

/** Runs the jobs one per idle period, in order, while `wanted()` holds: none delays what the user does. */
export function runWhenIdle(jobs: readonly (() => unknown)[], wanted: () => boolean): void {
  const next = (index: number) => {
    if (index >= jobs.length || !wanted()) return;
    whenIdle(() => {
      jobs[index]!();
      next(index + 1);
    });
  };
  next(0);
}
