import { tableFromIPC } from 'apache-arrow';
import { errorText } from '../../../domain/errorText';
import { scanDuplicates } from '../../../domain/quality/duplicateScan';
import { leadKeyBatches, scannedDuplicates, type ScannedDuplicates } from '../../../services/duplicateScan';

/** The request: the Arrow IPC stream of duplicateInputSql's rows, in the chunks the engine sent. */
export type DuplicateScanMessage = readonly Uint8Array[];
export type DuplicateScanAnswer = { readonly ok: true; readonly scan: ScannedDuplicates } | { readonly ok: false; readonly message: string };

/** Finds the duplicate leads off the page's thread and the engine's (duplicateScan.ts). */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = ({ data }: MessageEvent<DuplicateScanMessage>) => {
  try {
    // Arrow bytes, not the scan's arrays of texts: the page's thread would spend 100 ms or more
    // taking 240,000 texts out of a message.
    const scan = scannedDuplicates(scanDuplicates(leadKeyBatches(tableFromIPC(data))));
    scope.postMessage({ ok: true, scan } satisfies DuplicateScanAnswer, [scan.ipc.buffer]);
  } catch (error) {
    scope.postMessage({ ok: false, message: errorText(error) } satisfies DuplicateScanAnswer);
  }
};
