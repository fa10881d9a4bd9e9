/**
 * duckdb-wasm's worker compiles the engine from a Response it builds itself around the download
 * (a TransformStream that counts bytes for a progress callback the app does not use). Chromium keeps
 * compiled WebAssembly between visits only for a module compiled from fetch()'s own response: the
 * rebuilt one has no URL to key a cache entry by, so every visit compiled and tiered up the 34 MB
 * engine again. The worker's own fallback, for browsers without TransformStream, compiles straight
 * from fetch(); the build makes the worker take it. Measured on the 2-core machine, seven paired opens
 * of the sample: navigation → data ready 5.0 s → 3.9 s (median) on a second visit, and Chromium's
 * wasm code cache an empty index (72 bytes) → 4.3 MB.
 */

/** The worker's test for its progress-counting path, as the built duckdb-wasm worker files write it. */
export const PROGRESS_PATH_TEST = 'typeof TransformStream=="function"';

/** duckdb-wasm's single-threaded worker scripts (the threaded bundle is not used: src/db/wasmBrowser.ts). */
export const ENGINE_WORKER_FILE = /duckdb-browser-(eh|mvp)\.worker[^/]*\.js$/;

/**
 * The worker's source with the progress path switched off. Throws when the test is not there exactly
 * once: a duckdb-wasm that words it otherwise must be looked at, not shipped slower unnoticed.
 */
export function compileFromFetchResponse(source: string, file: string): string {
  const parts = source.split(PROGRESS_PATH_TEST);
  if (parts.length !== 2) {
    throw new Error(
      `${file}: expected duckdb-wasm's instantiation to test "${PROGRESS_PATH_TEST}" once, found it ${parts.length - 1} times; ` +
        'check how this duckdb-wasm version instantiates its wasm (src/hosting/cacheableEngineCompile.ts)',
    );
  }
  return parts.join('false');
}
