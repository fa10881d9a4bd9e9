import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { openWasmNodeDb, type WasmNodeDb } from '../../src/db/wasmNode';
import { keepNamedExports, namesInWorker } from '../../src/hosting/engineExports';

const require = createRequire(import.meta.url);
const DIST = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
const CACHE = path.resolve(import.meta.dirname, '../../node_modules/.cache/leadloop-engine');

let cutEngine: string | null = null;

/**
 * duckdb-wasm's engine for Node with only the exports its Node bindings name, cut as the build cuts
 * the browser's (src/hosting/engineExports.ts): code and data byte for byte the package's. Opening
 * the package's engine took ~1.3 s in Node, nearly all of it Emscripten's glue copying 75,011
 * exports into its symbol tables; the cut one opens in ~0.1–0.4 s. Cut once per machine into
 * node_modules/.cache, named by the engine's and the bindings' bytes; written under a temporary name
 * and renamed, so test workers (processes or threads) starting together never read half a file.
 */
export function nodeEngineWasm(): string {
  if (cutEngine) return cutEngine;
  const wasm = readFileSync(path.join(DIST, 'duckdb-eh.wasm'));
  const bindings = readFileSync(path.join(DIST, 'duckdb-node-blocking.cjs'), 'utf8');
  const key = createHash('sha256').update(wasm).update(bindings).digest('hex').slice(0, 16);
  const file = path.join(CACHE, `duckdb-eh.${key}.wasm`);
  if (!existsSync(file)) {
    mkdirSync(CACHE, { recursive: true });
    const temporary = `${file}.${process.pid}-${threadId}.tmp`;
    writeFileSync(temporary, keepNamedExports(wasm, namesInWorker(bindings), 'duckdb-eh.wasm').wasm);
    renameSync(temporary, file);
  }
  cutEngine = file;
  return file;
}

/** duckdb-wasm on Node with the cut engine: what integration tests and benchmarks open. */
export function openCutWasmNodeDb(): Promise<WasmNodeDb> {
  return openWasmNodeDb({ ehWasm: nodeEngineWasm() });
}
