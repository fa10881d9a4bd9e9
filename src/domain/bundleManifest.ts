import { qualityLinkFromJson, type QualityLink } from './quality/linkText';
import { TABLE_KINDS, type TableKind } from './schema';

/**
 * manifest.json of a published bundle (written by the ETL, read by the app at start-up).
 * Bump BUNDLE_SCHEMA_VERSION when a reader could misread an older bundle.
 */
export const BUNDLE_SCHEMA_VERSION = 1;

/** Rows per Arrow batch when a bundle's Parquet is converted: DuckDB's row group size. */
export const PARQUET_BATCH_ROWS = 122_880;

/** A file of the bundle, beside the manifest. */
export interface BundleFile {
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface BundleTable extends BundleFile {
  /** Parquet file name, relative to the manifest. */
  readonly file: string;
  readonly rows: number;
  /**
   * The same table as an uncompressed Arrow IPC stream, what the app inserts into the engine. The
   * ETL writes it for small tables only: the app then starts without its Parquet reader, while a
   * large table's Parquet is several times smaller to download. Absent: the app reads the Parquet.
   */
  readonly arrow?: BundleFile;
}

/** A lookup table of a bundle: its Parquet file, its table name and the lead column it joins on. */
export interface BundleLookup extends BundleTable {
  readonly table: string;
  readonly leadColumn: string;
  readonly key: string;
  /** The lookup file it came from. */
  readonly sources: readonly string[];
}

export interface BundleSource {
  readonly file: string;
  readonly kind: TableKind;
  readonly rowsRead: number;
  readonly rowsLoaded: number;
  readonly rowsRejected: number;
}

/** The default view's figures written beside the tables (src/domain/preparedFigures.ts). */
export interface BundleFiguresRef {
  readonly file: string;
  readonly sha256: string;
}

export interface BundleManifest {
  readonly schemaVersion: number;
  readonly createdAt: string;
  readonly tables: Readonly<Partial<Record<TableKind, BundleTable>>>;
  /** Lookup tables joined onto the leads (absent in bundles without any). */
  readonly lookups?: readonly BundleLookup[];
  readonly sources: readonly BundleSource[];
  /** Absent in bundles written before figures were, and where the entry is unusable: the app then waits for the engine. */
  readonly figures?: BundleFiguresRef;
  /**
   * The data-quality rules the bundle was published with (the ETL's --quality), as link text: the
   * dashboard scores by them unless a link says otherwise. Absent: the defaults.
   */
  readonly quality?: QualityLink;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks what the app relies on and says precisely what is wrong; extra fields are allowed. */
export function parseBundleManifest(json: unknown): BundleManifest {
  if (!isRecord(json)) throw new Error('manifest.json is not a JSON object');
  if (json.schemaVersion !== BUNDLE_SCHEMA_VERSION) {
    throw new Error(`manifest.json has schema version ${String(json.schemaVersion)}; this app reads version ${BUNDLE_SCHEMA_VERSION}`);
  }
  if (!isRecord(json.tables)) throw new Error('manifest.json has no "tables" object');
  const tables: Partial<Record<TableKind, BundleTable>> = {};
  for (const [kind, table] of Object.entries(json.tables)) {
    if (!TABLE_KINDS.includes(kind as TableKind)) throw new Error(`manifest.json lists an unknown table "${kind}"`);
    if (!isRecord(table) || typeof table.file !== 'string' || typeof table.rows !== 'number' || typeof table.sha256 !== 'string') {
      throw new Error(`manifest.json: table "${kind}" needs file, rows and sha256`);
    }
    // Only a plain file name beside the manifest: a bundle must not point elsewhere.
    if (!/^[\w.-]+$/.test(table.file)) throw new Error(`manifest.json: table "${kind}" has an invalid file name`);
    const arrow = toArrowCopy(table.arrow, `manifest.json: table "${kind}"`);
    tables[kind as TableKind] = { file: table.file, rows: table.rows, bytes: Number(table.bytes ?? 0), sha256: table.sha256, ...(arrow ? { arrow } : {}) };
  }
  if (!tables.leads) throw new Error('manifest.json has no leads table');
  const sources = Array.isArray(json.sources) ? json.sources.filter(isRecord).map(toSource) : [];
  const lookups = json.lookups === undefined ? [] : toLookups(json.lookups);
  const figures = toFigures(json.figures);
  const quality = toQualityLink(json.quality);
  return {
    schemaVersion: json.schemaVersion,
    createdAt: String(json.createdAt ?? ''),
    tables,
    ...(lookups.length ? { lookups } : {}),
    sources,
    ...(figures ? { figures } : {}),
    ...(quality ? { quality } : {}),
  };
}

/** The quality rules' link text, each part in its syntax; the page reads the values against its rules (and says what it could not). */
function toQualityLink(json: unknown): QualityLink | null {
  if (!isRecord(json)) return null;
  const { link, unreadable } = qualityLinkFromJson(json);
  if (unreadable.length) throw new Error('manifest.json: "quality" holds rule settings this app cannot read');
  return Object.keys(link).length ? link : null;
}

/** The figures entry where it is usable; anything else is ignored, not an error: the figures only save waiting. */
function toFigures(json: unknown): BundleFiguresRef | null {
  if (!isRecord(json) || typeof json.file !== 'string' || typeof json.sha256 !== 'string') return null;
  if (!/^[\w.-]+$/.test(json.file) || !/^[0-9a-f]{64}$/.test(json.sha256)) return null;
  return { file: json.file, sha256: json.sha256 };
}

/**
 * A table's Arrow copy, null when there is none. One that is there but unusable is refused, as a
 * table's entry is: the manifest is then not what the ETL wrote.
 */
function toArrowCopy(json: unknown, at: string): BundleFile | null {
  if (json === undefined) return null;
  if (!isRecord(json) || typeof json.file !== 'string' || typeof json.sha256 !== 'string') throw new Error(`${at}: its Arrow copy needs file and sha256`);
  if (!/^[\w.-]+$/.test(json.file)) throw new Error(`${at}: its Arrow copy has an invalid file name`);
  return { file: json.file, bytes: Number(json.bytes ?? 0), sha256: json.sha256 };
}

function toLookups(json: unknown): BundleLookup[] {
  if (!Array.isArray(json)) throw new Error('manifest.json: "lookups" must be a list');
  return json.map((entry: unknown, i) => {
    const at = `manifest.json: lookup ${i + 1}`;
    if (!isRecord(entry) || typeof entry.file !== 'string' || typeof entry.rows !== 'number' || typeof entry.sha256 !== 'string') throw new Error(`${at} needs file, rows and sha256`);
    if (!/^[\w.-]+$/.test(entry.file)) throw new Error(`${at} has an invalid file name`);
    // The table name reaches SQL only quoted, but a bundle may name nothing but a lookup table.
    if (typeof entry.table !== 'string' || !/^lookup_[a-z0-9_]{1,40}$/.test(entry.table)) throw new Error(`${at} has an invalid table name`);
    if (typeof entry.leadColumn !== 'string' || typeof entry.key !== 'string' || entry.leadColumn === '' || entry.key === '') throw new Error(`${at} needs leadColumn and key`);
    const sources = Array.isArray(entry.sources) ? entry.sources.map(String) : [];
    const arrow = toArrowCopy(entry.arrow, at);
    return { file: entry.file, rows: entry.rows, bytes: Number(entry.bytes ?? 0), sha256: entry.sha256, ...(arrow ? { arrow } : {}), table: entry.table, leadColumn: entry.leadColumn, key: entry.key, sources };
  });
}

function toSource(s: Record<string, unknown>): BundleSource {
  return {
    file: String(s.file ?? ''),
    kind: s.kind as TableKind,
    rowsRead: Number(s.rowsRead ?? 0),
    rowsLoaded: Number(s.rowsLoaded ?? 0),
    rowsRejected: Number(s.rowsRejected ?? 0),
  };
}
