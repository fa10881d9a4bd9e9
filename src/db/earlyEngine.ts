import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import engineWorker from './engineWorker.ts?worker&url';

/**
 * The engine the app opens on: duckdb-wasm's single-threaded "eh" bundle. Measured on a quiet 2-core
 * machine (`npm run bench:startup`), the threaded "coi" bundle was ready after 10.2 s against 5.3 s:
 * it starts a pthread worker per core, each loading its script and instantiating the module, and
 * its threads could not read dropped files anyway (see wasmBrowser.ts).
 */
export const ENGINE_WASM = ehWasm;
export const ENGINE_WORKER = ehWorker;

/** What engineWorker.ts is sent first: the compiled engine, or why it could not be compiled. */
export type EngineModuleMessage = { readonly leadloopEngineModule: WebAssembly.Module } | { readonly leadloopEngineModuleError: string };

let early: Worker | null = null;

/** Starts the engine's worker and compiles the wasm for it (see engineWorker.ts). Idempotent. */
export function startEngineWorker(): void {
  early ??= createEngineWorker();
}

/** The worker started by startEngineWorker, handed over once; a later call starts a new one. */
export function takeEngineWorker(): Worker {
  const worker = early ?? createEngineWorker();
  early = null;
  return worker;
}

/**
 * The wasm is compiled here, on the page, and the module posted to the worker: Chromium keeps a
 * compiled module between visits (its wasm code cache) for a module streamed on the page from a
 * response of the HTTP cache, but not for one compiled in a dedicated worker. V8 compiles on its
 * background threads, so the page's thread stays free.
 */
function createEngineWorker(): Worker {
  const worker = new Worker(`${engineWorker}?${new URLSearchParams({ wasm: ENGINE_WASM, worker: ENGINE_WORKER })}`);
  WebAssembly.compileStreaming(fetch(ENGINE_WASM, { credentials: 'same-origin' })).then(
    (module) => worker.postMessage({ leadloopEngineModule: module } satisfies EngineModuleMessage),
    (error: unknown) => worker.postMessage({ leadloopEngineModuleError: String(error) } satisfies EngineModuleMessage),
  );
  return worker;
}
