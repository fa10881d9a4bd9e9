import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { compileFromFetchResponse, ENGINE_WORKER_FILE } from './cacheableEngineCompile.js';
import { keepNamedExports, namesInWorker, type KeptExports } from './engineExports.js';

/*
 * duckdb-wasm's files as the build ships them (the dev server serves the package's files as they are).
 */

export { ENGINE_WORKER_FILE };

/** The single-threaded bundles' engines; each is read by the worker of the same name beside it. */
export const ENGINE_WASM_FILE = /duckdb-(eh|mvp)\.wasm$/;

/** The worker, changed to compile the engine from fetch()'s own response (cacheableEngineCompile.ts). */
export async function shippedEngineWorker(file: string): Promise<string> {
  return compileFromFetchResponse(await readFile(file, 'utf8'), file);
}

/** The engine with only the exports its shipped worker or its own imports name (engineExports.ts). */
export async function shippedEngineWasm(file: string): Promise<KeptExports> {
  const bundle = ENGINE_WASM_FILE.exec(file)?.[1];
  if (!bundle) throw new Error(`${file}: not one of duckdb-wasm's single-threaded engines`);
  const worker = await shippedEngineWorker(path.join(path.dirname(file), `duckdb-browser-${bundle}.worker.js`));
  return keepNamedExports(await readFile(file), namesInWorker(worker), file);
}
