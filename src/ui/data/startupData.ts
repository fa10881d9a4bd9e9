import type { QualityLink } from '../../domain/quality/linkText';
import type { SnapshotStore } from '../../db/opfsSnapshot';
import type { TableKind } from '../../domain/schema';
import type { LookupKey } from '../../services/lookups';
import { DEFAULT_PIPELINE } from '../../domain/pipeline';
import { parsePreparedFigures, type PreparedFigures } from '../../domain/preparedFigures';
import { bundleFromQuery, fetchManifest, fetchPreparedFigures, type BundleLocation, type ManifestReader } from './publishedBundle';

/** Where the loaded data came from: decides what the user may do with it. */
export type DataOrigin = 'sample' | 'import' | 'published';

/** One loaded table as the shell lists it (survives a reload through the snapshot). */
export interface TableSummary {
  /** A table of the data model, or a lookup joined onto the leads. */
  readonly kind: TableKind | 'lookup';
  /** The database table, where it is not named by the kind (lookups; stored data from before lookups has none). */
  readonly table?: string;
  /** A lookup's key: the lead column and the lookup's column that hold the same values. */
  readonly lookup?: LookupKey;
  /** The file(s) it came from. */
  readonly source: string;
  readonly rows: number;
}

export interface StartupData {
  readonly origin: DataOrigin;
  readonly tables: readonly TableSummary[];
  /** When the user's stored data was saved (origin 'import'). */
  readonly savedAt?: string;
  /** When the ETL built the bundle (origins 'published' and 'sample'). */
  readonly builtAt?: string;
  /** The data-quality rules the bundle was built with (origins 'published' and 'sample'). */
  readonly qualityLink?: QualityLink;
  /** Why the data stored in this browser could not be read (the sample is shown; the stored files are kept). */
  readonly storedUnreadable?: string;
}

/** A dashboard named by the link, or the published one, that could not be opened: the user's own data or the sample still can be. */
export class BundleError extends Error {}

/** The folder names, relative to the app: public/data (published) and the sample the build makes. */
const PUBLISHED_FOLDER = 'data/';
export const SAMPLE_FOLDER = 'sample/';

export const here = (folder: string): BundleLocation => ({ url: new URL(folder, document.baseURI), required: false });

/** The bundle named by ?bundle= (refused when of another site), else the published one, else none. */
export function bundleToOpen(): BundleLocation | 'foreign' | null {
  return bundleFromQuery(location) ?? (__PUBLISHED_BUNDLE__ ? { ...here(PUBLISHED_FOLDER), required: true } : null);
}

/** Figures of the default view, ready before the engine: from the data the app is about to open. */
export interface PreparedStart {
  readonly figures: PreparedFigures;
  /** The origin the data will have: figures of another origin than the one that loads are dropped. */
  readonly origin: DataOrigin;
  /** When the bundle was built or the stored copy saved: the figures are "as of" then. */
  readonly asOf: string;
}

/**
 * The figures of what loadStartupData is about to open, found by the same rule without the engine
 * (the manifest and the small figures file, or the stored copy's manifest); null where there are
 * none or anything is in doubt — then the pages wait for the engine as before. The browser's storage
 * is waited for only where the stored copy is what opens (asking for it took seconds in Chromium).
 */
export async function prepareStartupFigures(
  storeOpened: Promise<SnapshotStore | null>,
  { skipBundle = false, readManifest = fetchManifest }: { skipBundle?: boolean; readManifest?: ManifestReader } = {},
): Promise<PreparedStart | null> {
  try {
    if (!skipBundle) {
      const published = bundleToOpen();
      if (published === 'foreign') return null;
      const manifest = published ? await readManifest(published) : null;
      if (published && manifest) return withFigures(await fetchPreparedFigures(published, manifest), 'published', manifest.createdAt);
    }
    const stored = await (await storeOpened)?.storedFigures();
    if (stored?.stored) return withFigures(parsePreparedFigures(stored.figures, DEFAULT_PIPELINE), 'import', stored.savedAt ?? '');
    const sample = { ...here(SAMPLE_FOLDER), required: true };
    const manifest = await readManifest(sample);
    return manifest ? withFigures(await fetchPreparedFigures(sample, manifest), 'sample', manifest.createdAt) : null;
  } catch {
    return null;
  }
}

const withFigures = (figures: PreparedFigures | null, origin: DataOrigin, asOf: string): PreparedStart | null => (figures ? { figures, origin, asOf } : null);
