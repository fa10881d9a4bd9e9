import { errorText } from '../../domain/errorText';
import type { BundleFileRequest } from './bundleFile';
import { bundleTableIpc } from './bundleTableIpc';

/** Fetches, checks and converts bundle tables off the page's thread, one request after another, answering in order. */
const scope = self as unknown as DedicatedWorkerGlobalScope;

let queue: Promise<unknown> = Promise.resolve();

scope.onmessage = ({ data }: MessageEvent<BundleFileRequest>) => {
  queue = queue.then(async () => {
    try {
      const ipc = await bundleTableIpc(data);
      scope.postMessage({ url: data.url, ok: true, ipc }, [ipc.buffer]);
    } catch (error) {
      scope.postMessage({ url: data.url, ok: false, message: errorText(error) });
    }
  });
};
