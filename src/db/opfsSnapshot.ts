import { quoteIdent, type SqlQuery } from '../domain/sqlQuery';
import type { Db } from './types';

/**
 * The user's imported tables kept in the browser's origin-private file system (OPFS) as Arrow IPC
 * streams, so they survive a reload. A save writes new files first and the manifest last, so an
 * interrupted save or import leaves the previous snapshot readable. A table is stored in parts of
 * CHUNK_ROWS rows: 5M leads as one stream did not fit duckdb-wasm's memory (result and copy at once).
 */
const DIRECTORY = 'leadloop';
const MANIFEST = 'snapshot.json';
const SNAPSHOT_VERSION = 1;
/** Rows per stored part: ~100 MiB of Arrow for a lead table. */
export const CHUNK_ROWS = 500_000;

export interface SnapshotTable<Meta> {
  readonly table: string;
  /** What the app wants back with the table (source file, report summary). */
  readonly meta: Meta;
}

interface SnapshotManifest<Meta> {
  readonly version: number;
  readonly savedAt: string;
  /** `files`: the table's parts in order; `file`: one part, as saves before parts wrote it. */
  readonly tables: readonly (SnapshotTable<Meta> & { readonly files?: readonly string[]; readonly file?: string })[];
  /** What the app keeps beside the tables of this save (the default view's figures); absent in older saves. */
  readonly figures?: unknown;
}

export interface SnapshotStore {
  /** Whether the browser promised not to evict the data (navigator.storage.persist()). */
  readonly persistent: boolean;
  /**
   * Stores the tables; those not in `changed` keep the file of the previous save. `figures` are
   * kept with them in the same manifest, so they are replaced together or not at all.
   */
  save<Meta>(db: Db, tables: readonly SnapshotTable<Meta>[], changed: ReadonlySet<string>, figures?: unknown): Promise<void>;
  /**
   * The figures kept with the stored tables, read without the engine; `stored: false` when nothing
   * is stored. Throws where the stored copy cannot be read.
   */
  storedFigures(): Promise<{ readonly stored: boolean; readonly savedAt?: string; readonly figures?: unknown }>;
  /** Loads the stored tables into the database; null when nothing is stored. */
  restore<Meta>(db: Db): Promise<{ savedAt: string; tables: SnapshotTable<Meta>[] } | null>;
  clear(): Promise<void>;
}

/** null where the browser has no OPFS (then imports last until the tab closes). */
export async function openSnapshotStore(): Promise<SnapshotStore | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return null;
  let directory: FileSystemDirectoryHandle;
  try {
    directory = await (await navigator.storage.getDirectory()).getDirectoryHandle(DIRECTORY, { create: true });
  } catch {
    return null;
  }
  const persistent = (await navigator.storage.persisted?.()) || (await navigator.storage.persist?.().catch(() => false)) || false;

  /**
   * The manifest; null when nothing is stored. One that is there but cannot be read throws: a
   * stored copy must never look like no copy (the sample would be shown and saved over it).
   */
  async function readManifest<Meta>(): Promise<SnapshotManifest<Meta> | null> {
    let text: string;
    try {
      text = await (await (await directory.getFileHandle(MANIFEST)).getFile()).text();
    } catch (error) {
      if (error instanceof DOMException && error.name === 'NotFoundError') return null;
      throw error;
    }
    let manifest: SnapshotManifest<Meta>;
    try {
      manifest = JSON.parse(text) as SnapshotManifest<Meta>;
    } catch {
      throw new Error(`its list of tables (${MANIFEST}) is damaged`);
    }
    if (manifest.version !== SNAPSHOT_VERSION || !Array.isArray(manifest.tables)) throw new Error(`it was stored in a format this version of Leadloop does not read (${String(manifest.version)})`);
    return manifest;
  }

  /** Writes the chunks as they come: a part is never held whole on the page. */
  async function writeFile(name: string, chunks: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>): Promise<void> {
    const writable = await (await directory.getFileHandle(name, { create: true })).createWritable();
    try {
      for await (const chunk of chunks) await writable.write(chunk as FileSystemWriteChunkType);
      await writable.close();
    } catch (error) {
      await writable.abort().catch(() => undefined);
      throw error;
    }
  }

  /** Removes every file the current manifest does not name (older generations, aborted saves). */
  async function removeUnreferenced(keep: ReadonlySet<string>): Promise<void> {
    for await (const name of directory.keys()) {
      if (name !== MANIFEST && !keep.has(name)) await directory.removeEntry(name).catch(() => undefined);
    }
  }

  return {
    persistent,
    async save(db, tables, changed, figures) {
      const queryIpcStream = db.queryIpcStream?.bind(db);
      if (!queryIpcStream) throw new Error(`${db.engine} cannot stream Arrow IPC`);
      const generation = Date.now().toString(36);
      const previous = new Map((await readManifest())?.tables.map((t) => [t.table, partsOf(t)]));
      const stored = [];
      for (const entry of tables) {
        const kept = changed.has(entry.table) ? undefined : previous.get(entry.table);
        if (kept) {
          stored.push({ ...entry, files: kept });
          continue;
        }
        const files: string[] = [];
        for (const part of await partQueries(db, entry.table)) {
          const file = `${entry.table}.${generation}.${files.length}.arrows`;
          await writeFile(file, queryIpcStream(part));
          files.push(file);
        }
        stored.push({ ...entry, files });
      }
      const manifest: SnapshotManifest<unknown> = { version: SNAPSHOT_VERSION, savedAt: new Date().toISOString(), tables: stored, ...(figures === undefined ? {} : { figures }) };
      await writeFile(MANIFEST, [JSON.stringify(manifest)]);
      await removeUnreferenced(new Set(stored.flatMap((t) => t.files)));
    },
    async storedFigures() {
      const manifest = await readManifest();
      if (!manifest || manifest.tables.length === 0) return { stored: false };
      return { stored: true, savedAt: manifest.savedAt, ...(manifest.figures === undefined ? {} : { figures: manifest.figures }) };
    },
    async restore<Meta>(db: Db) {
      const manifest = await readManifest<Meta>();
      if (!manifest || manifest.tables.length === 0) return null;
      if (!db.insertArrowStream) throw new Error(`${db.engine} cannot load Arrow IPC`);
      for (const entry of manifest.tables) {
        for (const [i, file] of partsOf(entry).entries()) {
          const bytes = new Uint8Array(await (await (await directory.getFileHandle(file)).getFile()).arrayBuffer());
          await db.insertArrowStream(entry.table, bytes, { append: i > 0 });
        }
      }
      return { savedAt: manifest.savedAt, tables: manifest.tables.map(({ table, meta }) => ({ table, meta })) };
    },
    async clear() {
      await directory.removeEntry(MANIFEST).catch(() => undefined);
      await removeUnreferenced(new Set());
    },
  };
}

const partsOf = (entry: { readonly files?: readonly string[]; readonly file?: string }): readonly string[] => entry.files ?? (entry.file ? [entry.file] : []);

/**
 * One query per part of a table, by rowid ranges: every row in exactly one part, in table order
 * (rowids have gaps where rows were deleted; a range may be empty, and is stored empty). A table
 * without rows is one empty part, so its columns come back.
 */
export async function partQueries(db: Db, table: string, chunkRows = CHUNK_ROWS): Promise<SqlQuery[]> {
  const name = quoteIdent(table);
  const result = await db.query({ sql: `SELECT coalesce(max(rowid) + 1, 0)::BIGINT AS n FROM ${name}`, params: [] });
  const end = Number(result.getChildAt(0)?.get(0) ?? 0);
  const parts: SqlQuery[] = [];
  for (let from = 0; from < end || parts.length === 0; from += chunkRows) {
    parts.push({ sql: `SELECT * FROM ${name} WHERE rowid >= ? AND rowid < ? ORDER BY rowid`, params: [from, from + chunkRows] });
  }
  return parts;
}
