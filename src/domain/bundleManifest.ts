import { TABLE_KINDS, type TableKind } from './schema';

/**
 * manifest.json of a published bundle (written by the ETL, read by the app at start-up).
 * Bump BUNDLE_SCHEMA_VERSION when a reader could misread an older bundle.
 */
export const BUNDLE_SCHEMA_VERSION = 1;

export interface BundleTable {
  /** Parquet file name, relative to the manifest. */
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
}

export interface BundleSource {
  readonly file: string;
  readonly kind: TableKind;
  readonly rowsRead: number;
  readonly rowsLoaded: number;
  readonly rowsRejected: number;
}

export interface BundleManifest {
  readonly schemaVersion: number;
  readonly createdAt: string;
  readonly tables: Readonly<Partial<Record<TableKind, BundleTable>>>;
  readonly sources: readonly BundleSource[];
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
    tables[kind as TableKind] = { file: table.file, rows: table.rows, bytes: Number(table.bytes ?? 0), sha256: table.sha256 };
  }
  if (!tables.leads) throw new Error('manifest.json has no leads table');
  const sources = Array.isArray(json.sources) ? json.sources.filter(isRecord).map(toSource) : [];
  return { schemaVersion: json.schemaVersion, createdAt: String(json.createdAt ?? ''), tables, sources };
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
