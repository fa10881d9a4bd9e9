import { verifiedBytes, type BundleFileRequest } from './bundleFile';
import { parquetToIpcStream } from './parquetToArrow';

/** A bundle table fetched, checked and converted into the Arrow IPC stream duckdb-wasm inserts. */
export async function bundleTableIpc({ url, sha256 }: BundleFileRequest): Promise<Uint8Array> {
  return parquetToIpcStream(await verifiedBytes(new URL(url), sha256));
}
