import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepNamedExports, namesInWorker } from '../../../src/hosting/engineExports';
import { shippedEngineWasm, shippedEngineWorker } from '../../../src/hosting/engineFiles';

const DIST = path.resolve(import.meta.dirname, '../../../node_modules/@duckdb/duckdb-wasm/dist');

const name = (text: string) => [text.length, ...new TextEncoder().encode(text)];
const section = (id: number, body: number[]) => [id, body.length, ...body];
/** A module by hand: one empty function, exported under four names, and a GOT import naming one of them. */
function handMadeModule(): Uint8Array<ArrayBuffer> {
  const exported = ['kept', 'dropped', 'own_symbol', 'dynCall_v'];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 0, 0]),
    ...section(2, [1, ...name('GOT.func'), ...name('own_symbol'), 3, 0x7f, 1]),
    ...section(3, [1, 0]),
    ...section(7, [exported.length, ...exported.flatMap((e) => [...name(e), 0, 0])]),
    ...section(10, [1, 2, 0, 0x0b]),
  ]);
}
const exportNames = (wasm: Uint8Array<ArrayBuffer>) => WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name);

describe('the engine’s exports cut to those something reads', () => {
  it('keeps what the worker names, what the module imports from itself, and dynCall_ wrappers; drops the rest', () => {
    const original = handMadeModule();
    expect(exportNames(original)).toEqual(['kept', 'dropped', 'own_symbol', 'dynCall_v']);
    const { wasm, kept, of } = keepNamedExports(original, namesInWorker('Module._kept=wasmExports.kept'), 'hand.wasm');
    expect(exportNames(wasm)).toEqual(['kept', 'own_symbol', 'dynCall_v']);
    expect([kept, of]).toEqual([3, 4]);
    // Everything but the export section is the same bytes.
    expect(WebAssembly.Module.imports(new WebAssembly.Module(wasm))).toEqual(WebAssembly.Module.imports(new WebAssembly.Module(original)));
    expect(keepNamedExports(original, new Set(['kept', 'dropped']), 'hand.wasm').wasm).toEqual(original);
  });

  it('reads a name in the worker with and without its leading underscore', () => {
    const names = namesInWorker('ccall("duckdb_web_open"); var _malloc=Module._malloc; __emscripten_stack_alloc(4)');
    for (const n of ['duckdb_web_open', '_malloc', 'malloc', '__emscripten_stack_alloc', '_emscripten_stack_alloc']) expect(names.has(n)).toBe(true);
    expect(names.has('free')).toBe(false);
  });

  it('refuses what is not a wasm module with exports, naming the file', () => {
    expect(() => keepNamedExports(new TextEncoder().encode('<html>'), new Set(), 'duckdb-eh.wasm')).toThrow(/duckdb-eh\.wasm: not a WebAssembly module/);
    const noExports = Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...section(1, [0])]);
    expect(() => keepNamedExports(noExports, new Set(), 'x.wasm')).toThrow(/x\.wasm: no export section/);
    expect(() => keepNamedExports(handMadeModule().subarray(0, 30), new Set(), 'cut.wasm')).toThrow(/cut\.wasm: /);
  });

  for (const bundle of ['eh', 'mvp']) {
    it(`ships duckdb-${bundle}.wasm with every export its worker reads and the engine imports from itself`, async () => {
      const file = path.join(DIST, `duckdb-${bundle}.wasm`);
      const original = new WebAssembly.Module(readFileSync(file));
      const shipped = await shippedEngineWasm(file);
      const module = new WebAssembly.Module(shipped.wasm);
      const exported = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
      const worker = await shippedEngineWorker(path.join(DIST, `duckdb-browser-${bundle}.worker.js`));
      // What the glue reads directly, and what the worker calls through ccall (Module["_" + name]).
      const read = [...worker.matchAll(/wasmExports\.(\w+)/g), ...worker.matchAll(/"(duckdb_web_\w+)"/g)].map((m) => m[1]!);
      const originalExports = new Set(WebAssembly.Module.exports(original).map((e) => e.name));
      const ownImports = WebAssembly.Module.imports(original).filter((i) => i.module.startsWith('GOT.')).map((i) => i.name);
      expect(read.length).toBeGreaterThan(50);
      for (const symbol of [...read, ...ownImports].filter((s) => originalExports.has(s))) expect(exported.has(symbol), symbol).toBe(true);
      for (const symbol of originalExports) if (symbol.startsWith('dynCall_')) expect(exported.has(symbol), symbol).toBe(true);
      expect(WebAssembly.Module.imports(module)).toEqual(WebAssembly.Module.imports(original));
      expect(shipped.of).toBe(originalExports.size);
      expect(shipped.kept).toBe(exported.size);
      expect(shipped.kept).toBeLessThan(shipped.of / 100);
    });
  }
});
