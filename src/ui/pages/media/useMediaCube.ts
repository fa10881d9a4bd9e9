import { useEffect, useState } from 'react';
import { errorText } from '../../../domain/errorText';
import type { MediaCube } from '../../../domain/mediaCube';
import { DEFAULT_PIPELINE } from '../../../domain/pipeline';
import { buildMediaCube, mediaCubeWarmUps } from '../../../services/mediaCube';
import { runWhenIdle } from '../../data/useCubeBuild';
import { useData } from '../../data/DataContext';

/** The cells built per engine, for one data version: leaving the page and coming back builds nothing. */
const built = new WeakMap<object, { readonly version: number; readonly cube: Promise<MediaCube> }>();

/**
 * The Media & campaigns page's in-memory cells for the data loaded now, built on the page's first
 * visit after each data change (1–2 s at 1M leads, in the database worker); null until then, and
 * the page asks SQL meanwhile. A failed build leaves the page on SQL, only slower.
 */
export function useMediaCube(): MediaCube | null {
  const { coordinator, dataVersion, status, tables } = useData();
  const ready = status.phase === 'ready' && tables.some((t) => t.kind === 'leads');
  const campaigns = tables.some((t) => t.kind === 'campaigns');
  const touches = tables.some((t) => t.kind === 'touches');
  const [cube, setCube] = useState<{ version: number; value: MediaCube } | null>(null);
  useEffect(() => {
    if (!coordinator || !ready) return;
    let wanted = true;
    const cached = built.get(coordinator);
    const entry = cached?.version === dataVersion ? cached : { version: dataVersion, cube: buildMediaCube(coordinator.db, DEFAULT_PIPELINE, { campaigns, touches }) };
    built.set(coordinator, entry);
    entry.cube.then(
      (value) => {
        if (!wanted) return;
        setCube({ version: dataVersion, value });
        runWhenIdle(mediaCubeWarmUps(value), () => wanted);
      },
      (error: unknown) => console.warn(`Media cells not built: ${errorText(error)}`),
    );
    return () => {
      wanted = false;
    };
  }, [coordinator, ready, dataVersion, campaigns, touches]);
  return cube?.version === dataVersion ? cube.value : null;
}
