import { tableFromIPC } from 'apache-arrow';
import { errorText } from '../../../domain/errorText';
import { leadKeyBatches, ScanInProgress, type ScannedDuplicates } from '../../../services/duplicateScan';

/**
 * The requests: the start (whether to judge the phones too), the Arrow IPC stream of
 * duplicateInputSql's rows in groups of the chunks the engine sends (the first chunk of the first
 * group is the schema), then its end.
 */
export type DuplicateScanMessage =
  | { readonly kind: 'start'; readonly judgePhones: boolean }
  | { readonly kind: 'chunks'; readonly chunks: readonly Uint8Array[] }
  | { readonly kind: 'end' };
export type DuplicateScanAnswer = { readonly ok: true; readonly scan: ScannedDuplicates } | { readonly ok: false; readonly message: string };

/** Finds the duplicate leads, and judges the phones, off the page's thread and the engine's (ScanInProgress). */
const scope = self as unknown as DedicatedWorkerGlobalScope;

let scan: ScanInProgress | null = null;
let schema: Uint8Array | null = null;
let failed = false;

scope.onmessage = ({ data }: MessageEvent<DuplicateScanMessage>) => {
  if (failed) return;
  try {
    if (data.kind === 'start') {
      scan = new ScanInProgress(data.judgePhones);
      return;
    }
    if (!scan) throw new Error('the duplicate scan was not started');
    if (data.kind === 'chunks') {
      // Each group decoded and keyed as it comes, while the engine hands over the next.
      const chunks = schema ? data.chunks : data.chunks.slice(1);
      schema ??= data.chunks[0] ?? null;
      if (schema && chunks.length) scan.add(leadKeyBatches(tableFromIPC([schema, ...chunks])));
      return;
    }
    // Arrow bytes, not the scan's arrays of texts: the page's thread would spend 100 ms or more
    // taking 240,000 texts out of a message.
    const scanned = scan.finish();
    const transfer = [scanned.ipc.buffer, ...(scanned.implausiblePhones ? [scanned.implausiblePhones.ipc.buffer] : [])];
    scope.postMessage({ ok: true, scan: scanned } satisfies DuplicateScanAnswer, transfer);
  } catch (error) {
    failed = true;
    scope.postMessage({ ok: false, message: errorText(error) } satisfies DuplicateScanAnswer);
  }
};
