import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFromFetchResponse, ENGINE_WORKER_FILE, PROGRESS_PATH_TEST } from '../../../src/hosting/cacheableEngineCompile';

const DIST = path.resolve(import.meta.dirname, '../../../node_modules/@duckdb/duckdb-wasm/dist');
const count = (text: string, part: string) => text.split(part).length - 1;

describe('the engine compiled from fetch()’s own response (Chromium keeps it compiled)', () => {
  for (const name of ['duckdb-browser-eh.worker.js', 'duckdb-browser-mvp.worker.js']) {
    it(`switches off ${name}'s progress-counting instantiation and leaves it the plain one`, () => {
      expect(ENGINE_WORKER_FILE.test(`/repo/node_modules/@duckdb/duckdb-wasm/dist/${name}`)).toBe(true);
      const source = readFileSync(path.join(DIST, name), 'utf8');
      const changed = compileFromFetchResponse(source, name);
      expect(count(changed, PROGRESS_PATH_TEST)).toBe(0);
      // One test replaced by `false`, nothing else touched.
      expect(changed.length).toBe(source.length - PROGRESS_PATH_TEST.length + 'false'.length);
      // What the worker falls back to: the response of fetch() itself, the one Chromium can cache compiled.
      const fallback = changed.slice(changed.indexOf('if(false)'));
      expect(fallback).toMatch(/^if\(false\)\{.*?\}else\{.*?WebAssembly\.instantiateStreaming\(fetch\(\w+\),\w+\)/s);
    });
  }

  it('refuses a worker that words its instantiation otherwise, naming the file', () => {
    expect(() => compileFromFetchResponse('WebAssembly.instantiate(bytes)', 'duckdb-browser-eh.worker.js')).toThrow(/duckdb-browser-eh\.worker\.js: .* found it 0 times/);
    expect(() => compileFromFetchResponse(`${PROGRESS_PATH_TEST};${PROGRESS_PATH_TEST}`, 'w.js')).toThrow(/found it 2 times/);
  });

  it('leaves the other workers alone', () => {
    for (const file of ['/assets/duckdb-browser-coi.pthread.worker.js', '/src/db/parquetWorker.ts', 'duckdb-node-eh.worker.cjs']) expect(ENGINE_WORKER_FILE.test(file)).toBe(false);
  });
});
