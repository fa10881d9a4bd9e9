import type { BundleManifest } from '../../domain/bundleManifest';
import { errorText } from '../../domain/errorText';
import type { SnapshotStore } from '../../db/opfsSnapshot';
import type { Db } from '../../db/types';
import type { TableKind } from '../../domain/schema';
import { refreshLeadFacts } from '../../services/leadFacts';
import { registerLookups, type LookupSpec } from '../../services/lookups';
import { loadBundle } from './bundleLoad';
import { fetchManifest, type ManifestReader } from './publishedBundle';
import { BundleError, bundleToOpen, here, SAMPLE_FOLDER, type StartupData, type TableSummary } from './startupData';

/*
 * Loading what the app opens with into the engine: a chunk of its own, fetched while the engine
 * starts (useEngine), so the app's first chunk carries none of it (the Parquet reader, lead_facts' SQL).
 */

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

/** The bundle named by ?bundle= or published in data/, loaded; null when there is none. */
async function openBundle(db: Db, onTable: (kind: TableKind) => void, readManifest: ManifestReader): Promise<StartupData | null> {
  const published = bundleToOpen();
  if (published === 'foreign') throw new Error('?bundle= must name a folder of this site; dashboards from other sites are not loaded');
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
function lookupSpecs(tables: readonly TableSummary[]): LookupSpec[] {
  return tables.flatMap((t) => (t.kind === 'lookup' && t.table && t.lookup ? [{ table: t.table, file: t.source, ...t.lookup }] : []));
}
