// parquet-wasm reads Parquet in the browser (duckdb-wasm's parquet extension would be downloaded).
import initParquet, { readParquet } from 'parquet-wasm/esm';
import parquetWasm from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { PARQUET_BATCH_ROWS } from '../../domain/bundleManifest';

let ready: Promise<unknown> | null = null;

/** Converts Parquet bytes into an uncompressed Arrow IPC stream, the format duckdb-wasm inserts. */
export async function parquetToIpcStream(parquet: Uint8Array): Promise<Uint8Array> {
  ready ??= initParquet({ module_or_path: parquetWasm });
  await ready;
  return readParquet(parquet, { batchSize: PARQUET_BATCH_ROWS }).intoIPCStream();
}
