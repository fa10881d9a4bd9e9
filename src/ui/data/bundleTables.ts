import type { BundleManifest } from '../../domain/bundleManifest';
import { TABLE_KINDS } from '../../domain/schema';
import type { BundleTableAnswer, BundleTableRequest } from './bundleTableWorker';

/** Where a bundle keeps its files (see publishedBundle.ts). */
interface BundleFolder {
  readonly url: URL;
}

/**
 * A bundle's tables as Arrow IPC streams, for one start of the app: the tables of the bundle that is
 * about to open are asked for as soon as its manifest is read (prefetch), so they are fetched,
 * checked and converted in a worker while the engine compiles; loading them then takes what is
 * ready. Each table is handed out once, so its bytes are freed when the engine has them.
 */
export interface BundleTableReader {
  /** Starts reading every table and lookup of the manifest, in the order they are loaded. */
  prefetch(bundle: BundleFolder, manifest: BundleManifest): void;
  /** The file as an IPC stream; refused, with the file named, when it does not match its SHA-256. */
  read(url: URL, sha256: string): Promise<Uint8Array>;
  /** Ends the worker; a later read starts another. */
  close(): void;
}

export function bundleTableReaderForOneStart(): BundleTableReader {
  let worker: Worker | null = null;
  let nextId = 0;
  const waiting = new Map<number, { resolve: (ipc: Uint8Array) => void; reject: (error: Error) => void }>();
  const started = new Map<string, Promise<Uint8Array>>();
  // Read already: a prefetch that comes late (the figures waited longer for the browser's storage) starts nothing.
  const taken = new Set<string>();

  function failAll(error: Error): void {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  }

  function theWorker(): Worker {
    if (worker) return worker;
    worker = new Worker(new URL('./bundleTableWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }: MessageEvent<BundleTableAnswer>) => {
      const request = waiting.get(data.id);
      waiting.delete(data.id);
      if (data.ok) request?.resolve(data.ipc);
      else request?.reject(new Error(data.message));
    };
    worker.onerror = (event) => failAll(new Error(event.message || 'the bundle reader stopped'));
    return worker;
  }

  function start(url: URL, sha256: string): Promise<Uint8Array> {
    const id = nextId++;
    const ipc = new Promise<Uint8Array>((resolve, reject) => waiting.set(id, { resolve, reject }));
    theWorker().postMessage({ id, url: url.href, sha256 } satisfies BundleTableRequest);
    return ipc;
  }

  const key = (url: URL, sha256: string) => `${url.href} ${sha256}`;

  return {
    prefetch(bundle, manifest) {
      const files = [...TABLE_KINDS.flatMap((kind) => manifest.tables[kind] ?? []), ...(manifest.lookups ?? [])];
      for (const file of files) {
        const url = new URL(file.file, bundle.url);
        if (started.has(key(url, file.sha256)) || taken.has(key(url, file.sha256))) continue;
        const ipc = start(url, file.sha256);
        // Its error is reported by the load that reads it, not as an unhandled rejection now.
        ipc.catch(() => undefined);
        started.set(key(url, file.sha256), ipc);
      }
    },
    read(url, sha256) {
      const ahead = started.get(key(url, sha256));
      started.delete(key(url, sha256));
      taken.add(key(url, sha256));
      return ahead ?? start(url, sha256);
    },
    close() {
      worker?.terminate();
      worker = null;
      failAll(new Error('the bundle reader was closed'));
      started.clear();
    },
  };
}
