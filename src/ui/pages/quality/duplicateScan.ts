import { scanDuplicatesHere, type DuplicateScanner, type ScannedDuplicates } from '../../../services/duplicateScan';
import { duplicateInputSql } from '../../../sql/duplicateInput';
import type { DuplicateScanAnswer, DuplicateScanMessage } from './duplicateScanWorker';

/** Chunks of the engine's stream per message to the worker (2,048 leads each). */
const CHUNKS_PER_MESSAGE = 16;

/**
 * The app's duplicate scan: the engine streams the leads' key columns as Arrow bytes to a worker of
 * their own, which keys them (and judges their phones) as they come and finds the clusters while
 * the engine scores the other rules; the page's thread only passes bytes on. An engine that cannot
 * stream Arrow is scanned on this thread.
 */
export const scanDuplicatesInWorker: DuplicateScanner = async (db, options) => {
  if (!db.queryIpcStream) return scanDuplicatesHere(db, options);
  const worker = new Worker(new URL('./duplicateScanWorker.ts', import.meta.url), { type: 'module' });
  const scan = new Promise<ScannedDuplicates>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<DuplicateScanAnswer>) => (data.ok ? resolve(data.scan) : reject(new Error(data.message)));
    worker.onerror = (event) => reject(new Error(event.message || 'the duplicate scan stopped'));
  });
  scan.catch(() => undefined);
  void scan.finally(() => worker.terminate()).catch(() => undefined);
  const post = (message: DuplicateScanMessage) => worker.postMessage(message, message.kind === 'chunks' ? message.chunks.map((c) => c.buffer) : []);
  post({ kind: 'start', judgePhones: options.judgePhones });
  try {
    // Batch by batch, in groups: the whole result in one piece (Db.queryIpc) took 2.9 s instead of
    // 1.7 s here, the engine building and handing over 140 MB at once; and the worker keys each
    // group while the engine hands over the next.
    let chunks: Uint8Array[] = [];
    for await (const chunk of db.queryIpcStream({ sql: duplicateInputSql(), params: [] })) {
      chunks.push(chunk);
      if (chunks.length < CHUNKS_PER_MESSAGE) continue;
      post({ kind: 'chunks', chunks });
      chunks = [];
    }
    if (chunks.length) post({ kind: 'chunks', chunks });
    post({ kind: 'end' });
  } catch (error) {
    worker.terminate();
    throw error;
  }
  return { scan };
};
