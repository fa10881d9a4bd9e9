/**
 * duckdb-wasm is an Emscripten MAIN_MODULE build (so that it could load extensions), and its glue
 * starts by creating a global-offset-table entry for every one of the engine's 75,011 exports: a
 * WebAssembly.Global each, and a table slot for each function not yet in the table (the table grows
 * from 24,961 to 63,436 entries). Only the 268 entries the engine itself imports are ever read; a
 * module loaded later (the app loads none) gets its entries when it imports them, resolved from the
 * exports by the glue's own `reportUndefinedSymbols`. The build makes the glue fill only the entries
 * that exist. Measured on duckdb-wasm's Node build of the same glue (one run each, the machine busy):
 * `relocateExports` 523 → 143 ms, and the integration tests pass on it; in Chromium, five paired opens
 * of the sample, navigation → data ready on a warm visit: 3.82 → 3.62 s (median).
 */

/**
 * `updateGOT`'s "create the entry if missing, then fill it if empty" as the minified worker writes it
 * (variable names differ per file): the entry and the flag that says to replace its value.
 */
const EAGER_GOT_ENTRY = /GOT\[(\w+)\]\|\|\(GOT\[\1\]=new WebAssembly\.Global\(\{value:"i32",mutable:!0\}\)\),\((\w+)\|\|GOT\[\1\]\.value==0\)&&\(/g;

/**
 * The worker's source with `updateGOT` filling existing entries only. Throws when the statement is not
 * there exactly once: a duckdb-wasm whose glue reads otherwise must be looked at, not shipped unnoticed.
 */
export function createEngineSymbolsLazily(source: string, file: string): string {
  const found = source.match(EAGER_GOT_ENTRY)?.length ?? 0;
  if (found !== 1) {
    throw new Error(
      `${file}: expected duckdb-wasm's updateGOT to create every export's GOT entry once, found it ${found} times; ` +
        'check how this duckdb-wasm version links its exports (src/hosting/lazyEngineSymbols.ts)',
    );
  }
  return source.replace(EAGER_GOT_ENTRY, (_, entry: string, replace: string) => `GOT[${entry}]&&(${replace}||GOT[${entry}].value==0)&&(`);
}
