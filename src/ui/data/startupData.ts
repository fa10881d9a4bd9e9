import type { BundleManifest } from '../../domain/bundleManifest';
import type { QualityLink } from '../../domain/quality/linkText';
import { errorText } from '../../domain/errorText';
import type { SnapshotStore } from '../../db/opfsSnapshot';
import type { Db } from '../../db/types';
import type { TableKind } from '../../domain/schema';
import { refreshLeadFacts } from '../../services/leadFacts';
import { registerLookups, type LookupKey, type LookupSpec } from '../../services/lookups';
import { DEFAULT_PIPELINE } from '../../domain/pipeline';
import { parsePreparedFigures, type PreparedFigures } from '../../domain/preparedFigures';
import { bundleFromQuery, fetchManifest, fetchPreparedFigures, loadBundle, type BundleLocation, type ManifestReader } from './publishedBundle';

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

const here = (folder: string): BundleLocation => ({ url: new URL(folder, document.baseURI), required: false });

/**
 * What the app opens with, first match wins: a bundle named by ?bundle=, the published bundle in
 * data/ (both skipped with `skipBundle`, when the user chose their own data after either failed),
 * the user's own data stored in this browser, and otherwise the sample dashboard.
 */
export async function loadStartupData(
  db: Db,
  store: SnapshotStore | null,
  onTable: (kind: TableKind) => void,
  { skipBundle = false, readManifest = fetchManifest }: { skipBundle?: boolean; readManifest?: ManifestReader } = {},
): Promise<StartupData> {
  if (!skipBundle) {
    const published = await openBundle(db, onTable, readManifest).catch((error: unknown) => {
      throw new BundleError(errorText(error));
    });
    if (published) return published;
  }
  let stored: Awaited<ReturnType<SnapshotStore['restore']>> = null;
  try {
    stored = (await store?.restore<TableSummary>(db)) ?? null;
  } catch (error) {
    return { ...(await loadSample(db, onTable, readManifest)), storedUnreadable: errorText(error) };
  }
  if (!stored) return loadSample(db, onTable, readManifest);
  const tables = stored.tables.map((t) => t.meta as TableSummary);
  await registerLookups(db, lookupSpecs(tables));
  await refreshLeadFacts(db);
  return { origin: 'import', tables, savedAt: stored.savedAt };
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
      const fromQuery = bundleFromQuery(location);
      if (fromQuery === 'foreign') return null;
      const published = fromQuery ?? (__PUBLISHED_BUNDLE__ ? { ...here(PUBLISHED_FOLDER), required: true } : null);
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

/** The bundle named by ?bundle= or published in data/, loaded; null when there is none. */
async function openBundle(db: Db, onTable: (kind: TableKind) => void, readManifest: ManifestReader): Promise<StartupData | null> {
  const fromQuery = bundleFromQuery(location);
  if (fromQuery === 'foreign') throw new Error('?bundle= must name a folder of this site; dashboards from other sites are not loaded');
  const published = fromQuery ?? (__PUBLISHED_BUNDLE__ ? { ...here(PUBLISHED_FOLDER), required: true } : null);
  if (!published) return null;
  const manifest = await readManifest(published);
  if (!manifest) return null;
  await loadBundle(db, published, manifest, onTable);
  await refreshLeadFacts(db);
  return { origin: 'published', tables: bundleTables(manifest), builtAt: manifest.createdAt, ...qualityOf(manifest) };
}

/** The sample dashboard, made from data-samples/ by the ETL at build time. */
export async function loadSample(db: Db, onTable: (kind: TableKind) => void, readManifest: ManifestReader = fetchManifest): Promise<StartupData> {
  const bundle = { ...here(SAMPLE_FOLDER), required: true };
  const manifest = await readManifest(bundle);
  if (!manifest) throw new Error('The sample dashboard is missing from this build');
  await loadBundle(db, bundle, manifest, onTable);
  await refreshLeadFacts(db);
  return { origin: 'sample', tables: bundleTables(manifest), builtAt: manifest.createdAt, ...qualityOf(manifest) };
}

const qualityOf = (manifest: BundleManifest): Pick<StartupData, 'qualityLink'> => (manifest.quality ? { qualityLink: manifest.quality } : {});

function bundleTables(manifest: Awaited<ReturnType<typeof fetchManifest>> & object): TableSummary[] {
  const tables: TableSummary[] = Object.entries(manifest.tables).map(([kind, table]) => ({
    kind: kind as TableKind,
    source: manifest.sources.filter((s) => s.kind === kind).map((s) => s.file).join(', ') || table.file,
    rows: table.rows,
  }));
  const lookups = (manifest.lookups ?? []).map((l): TableSummary => ({ kind: 'lookup', table: l.table, source: l.sources.join(', ') || l.file, rows: l.rows, lookup: { leadColumn: l.leadColumn, column: l.key } }));
  return [...tables, ...lookups];
}

/** The lookups among the loaded tables, as the registry holds them. */
export function lookupSpecs(tables: readonly TableSummary[]): LookupSpec[] {
  return tables.flatMap((t) => (t.kind === 'lookup' && t.table && t.lookup ? [{ table: t.table, file: t.source, ...t.lookup }] : []));
}
