import { useEffect, useState } from 'react';
import type { DuplicateCluster } from '../../../domain/quality/duplicates';
import { errorText } from '../../../domain/errorText';
import { buildQualityScores, dropQualityTables, largestClusters, type QualityBuild, type QualityBuildOptions } from '../../../services/qualityScores';
import { useData } from '../../data/DataContext';
import { scanDuplicatesInWorker } from './duplicateScan';

/** Clusters listed in full on the page; the rest are counted. */
export const SHOWN_CLUSTERS = 12;

/** The bench reads how long a scoring took from this measure (performance.getEntriesByName). */
export const QUALITY_MEASURE = 'leadloop:quality';

export type QualityBuildState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: string }
  | { readonly status: 'ready'; readonly build: QualityBuild; readonly clusters: readonly DuplicateCluster[] };

interface KeptBuild {
  readonly key: string;
  readonly value: Promise<{ build: QualityBuild; clusters: DuplicateCluster[] }>;
}

/**
 * One scoring per data version, settings and day, kept while the app runs: leaving the page and
 * coming back does not score a million leads again. A newer one replaces it and drops its tables.
 */
let kept: KeptBuild | null = null;

export function useQualityBuild(options: Omit<QualityBuildOptions, 'checkPhones' | 'scanDuplicates'>): QualityBuildState {
  const { coordinator, dataVersion, status } = useData();
  const loaded = status.phase === 'ready';
  const key = JSON.stringify([dataVersion, options.settings, options.asOf]);
  const [state, setState] = useState<{ key: string | null; value: QualityBuildState }>({ key: null, value: { status: 'loading' } });

  useEffect(() => {
    if (!coordinator || !loaded) return;
    const db = coordinator.db;
    if (kept?.key !== key) {
      const previous = kept;
      const started = performance.now();
      const steps: Record<string, number> = {};
      const onStep = (step: string, ms: number) => (steps[step] = Math.round(ms));
      const value = buildQualityScores(db, { ...options, scanDuplicates: scanDuplicatesInWorker, onStep }).then(async (build) => {
        const clusters = await largestClusters(db, build.tables, SHOWN_CLUSTERS);
        performance.measure(QUALITY_MEASURE, { start: started, end: performance.now(), detail: { clusters: build.clusterCount, steps } });
        return { build, clusters };
      });
      kept = { key, value };
      // The older tables go once the new ones are there (a query of the old page may still read them).
      void value.finally(() => previous?.value.then(({ build }) => dropQualityTables(db, build.tables)).catch(() => undefined)).catch(() => undefined);
    }
    let current = true;
    kept.value.then(
      ({ build, clusters }) => current && setState({ key, value: { status: 'ready', build, clusters } }),
      (error: unknown) => current && setState({ key, value: { status: 'error', error: errorText(error) } }),
    );
    return () => {
      current = false;
    };
    // `options` is in `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [coordinator, loaded, key]);

  return state.key === key ? state.value : { status: 'loading' };
}
