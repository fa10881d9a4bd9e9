import { errorText } from '../../domain/errorText';
import { parquetToIpcStream } from './parquetToArrow';
import { verifiedBytes } from './verifiedBytes';

/**
 * Fetches, checks and converts a bundle's tables off the page's thread, while the engine starts:
 * parquet-wasm's compile and the conversion took ~0.5 s of the sample's start on the page's thread,
 * after the engine. Answers each request by its id, with the IPC stream's buffer transferred.
 */
export interface BundleTableRequest {
  readonly id: number;
  readonly url: string;
  readonly sha256: string;
}

export type BundleTableAnswer = { readonly id: number; readonly ok: true; readonly ipc: Uint8Array } | { readonly id: number; readonly ok: false; readonly message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async ({ data }: MessageEvent<BundleTableRequest>) => {
  try {
    const ipc = await parquetToIpcStream(await verifiedBytes(new URL(data.url), data.sha256));
    scope.postMessage({ id: data.id, ok: true, ipc } satisfies BundleTableAnswer, [ipc.buffer]);
  } catch (error) {
    scope.postMessage({ id: data.id, ok: false, message: errorText(error) } satisfies BundleTableAnswer);
  }
};
