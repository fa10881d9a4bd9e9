import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngineSymbolsLazily } from '../../../src/hosting/lazyEngineSymbols';

const DIST = path.resolve(import.meta.dirname, '../../../node_modules/@duckdb/duckdb-wasm/dist');
const count = (text: string, part: string) => text.split(part).length - 1;

describe('the engine’s symbol table filled only where the engine reads it', () => {
  for (const name of ['duckdb-browser-eh.worker.js', 'duckdb-browser-mvp.worker.js']) {
    it(`makes ${name}'s updateGOT fill existing entries instead of creating one per export`, () => {
      const source = readFileSync(path.join(DIST, name), 'utf8');
      const changed = createEngineSymbolsLazily(source, name);
      // The one place that created every export's entry is gone; the proxy that creates an imported one stays.
      expect(count(source, 'new WebAssembly.Global({value:"i32",mutable:!0})')).toBeGreaterThan(count(changed, 'new WebAssembly.Global({value:"i32",mutable:!0})'));
      const updateGot = /updateGOT=\((\w+),(\w+)\)=>\{.*?\}\}/s.exec(changed)?.[0] ?? '';
      expect(updateGot).not.toContain('new WebAssembly.Global');
      expect(updateGot).toMatch(/GOT\[(\w+)\]&&\(\w+\|\|GOT\[\1\]\.value==0\)&&\(typeof \w+=="function"\?GOT\[\1\]\.value=addFunction\(/);
      // Nothing else touched: the rest of the glue, byte for byte.
      expect(changed.replace(updateGot, '')).toBe(source.replace(/updateGOT=\((\w+),(\w+)\)=>\{.*?\}\}/s, ''));
    });
  }

  it('refuses a worker whose glue reads otherwise, naming the file', () => {
    expect(() => createEngineSymbolsLazily('updateGOT=(e,t)=>{}', 'duckdb-browser-eh.worker.js')).toThrow(/duckdb-browser-eh\.worker\.js: .* found it 0 times/);
    const statement = 'GOT[r]||(GOT[r]=new WebAssembly.Global({value:"i32",mutable:!0})),(t||GOT[r].value==0)&&(';
    expect(() => createEngineSymbolsLazily(`${statement}1);${statement}2)`, 'w.js')).toThrow(/found it 2 times/);
  });
});
