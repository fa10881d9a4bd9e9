import type { BundleManifest } from '../../domain/bundleManifest';
import { TABLE_KINDS } from '../../domain/schema';
import type { BundleFileRequest } from './bundleFile';
import { bundleTableIpc } from './bundleTableIpc';

type Answer = { readonly url: string; readonly ok: true; readonly ipc: Uint8Array } | { readonly url: string; readonly ok: false; readonly message: string };

/** The bundle's Parquet files (tables, then lookups) as the manifest names them. */
export function bundleFiles(folder: URL, manifest: BundleManifest): BundleFileRequest[] {
  const tables = TABLE_KINDS.flatMap((kind) => {
    const table = manifest.tables[kind];
    return table ? [{ url: new URL(table.file, folder).href, sha256: table.sha256 }] : [];
  });
  const lookups = (manifest.lookups ?? []).map((lookup) => ({ url: new URL(lookup.file, folder).href, sha256: lookup.sha256 }));
  return [...tables, ...lookups];
}

const key = (file: BundleFileRequest) => `${file.url}#${file.sha256}`;

/** Conversions started ahead of the engine, until loadBundle takes them. */
const ahead = new Map<string, Promise<Uint8Array>>();

/**
 * Starts fetching, checking and converting every file of a bundle in a worker, so this runs while
 * the engine compiles (it took ~1 s after it, on the page's thread, for the sample's leads) and the
 * engine only has to insert. Files already on their way are not asked for twice.
 */
export function prefetchBundle(folder: URL, manifest: BundleManifest): void {
  const files = bundleFiles(folder, manifest).filter((file) => !ahead.has(key(file)));
  if (files.length === 0) return;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./bundleTableWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return; // loadBundle converts them itself
  }
  const pending = new Map<string, { resolve: (ipc: Uint8Array) => void; reject: (error: Error) => void }>();
  worker.onmessage = ({ data }: MessageEvent<Answer>) => {
    const waiting = pending.get(data.url);
    pending.delete(data.url);
    if (data.ok) waiting?.resolve(data.ipc);
    else waiting?.reject(new Error(data.message));
    if (pending.size === 0) worker.terminate();
  };
  worker.onerror = (event) => {
    for (const waiting of pending.values()) waiting.reject(new Error(event.message || 'the bundle reader stopped'));
    pending.clear();
    worker.terminate();
  };
  for (const file of files) {
    const converted = new Promise<Uint8Array>((resolve, reject) => pending.set(file.url, { resolve, reject }));
    // Reported when loadBundle takes it.
    converted.catch(() => undefined);
    ahead.set(key(file), converted);
    worker.postMessage(file);
  }
}

/** A file's Arrow IPC stream: the one converted ahead, else converted now. Each conversion is taken once. */
export function takeBundleFile(file: BundleFileRequest): Promise<Uint8Array> {
  const converted = ahead.get(key(file));
  ahead.delete(key(file));
  return converted ?? bundleTableIpc(file);
}
