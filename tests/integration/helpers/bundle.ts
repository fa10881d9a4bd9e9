import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tableFromIPC, type Table } from 'apache-arrow';
import { readParquet } from 'parquet-wasm';
import * as browserBuild from 'parquet-wasm/esm';

/**
 * A bundle's Parquet file the way the browser will read it: parquet-wasm → Arrow IPC stream.
 * (This is parquet-wasm's Node build; the browser's ESM build runs the same .wasm.)
 */
export function parquetToIpcStream(file: string): Uint8Array {
  return readParquet(new Uint8Array(readFileSync(file))).intoIPCStream();
}

/** The same, decoded with apache-arrow 17 (the version duckdb-wasm 1.32 depends on). */
export function readParquetTable(file: string): Table {
  return tableFromIPC(parquetToIpcStream(file));
}

/** Arrow type each DuckDB column type must arrive as, so duckdb-wasm creates the same column types. */
export const ARROW_TYPE_OF: Readonly<Record<string, string>> = {
  VARCHAR: 'Utf8',
  DATE: 'Date32<DAY>',
  DOUBLE: 'Float64',
  INTEGER: 'Int32',
};

let browserBuildReady = false;

/** The file read with parquet-wasm's ESM build, the one the app bundles, instantiated from its .wasm. */
export function readParquetTableWithBrowserBuild(file: string): Table {
  if (!browserBuildReady) {
    const wasm = createRequire(import.meta.url).resolve('parquet-wasm/esm/parquet_wasm_bg.wasm');
    browserBuild.initSync({ module: readFileSync(wasm) });
    browserBuildReady = true;
  }
  return tableFromIPC(browserBuild.readParquet(new Uint8Array(readFileSync(file))).intoIPCStream());
}
