import { tableFromIPC } from 'apache-arrow';
import { errorText } from '../../../domain/errorText';
import { implausiblePhones } from '../../../domain/quality/phonePlausibility';

/** The request: the Arrow IPC stream of distinctShapesSql's rows, in the chunks the engine sent. */
export type PhoneCheckMessage = readonly Uint8Array[];
export type PhoneCheckAnswer = { readonly ok: true; readonly ids: Int32Array } | { readonly ok: false; readonly message: string };

/** Judges the phone numbers off the page's thread (phoneCheck.ts); answers the implausible ones' ids. */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = ({ data }: MessageEvent<PhoneCheckMessage>) => {
  try {
    const table = tableFromIPC(data);
    const text = (name: string) => Array.from(table.getChild(name) ?? [], (v) => (v === null || v === undefined ? null : String(v)));
    const phones = text('phone') as string[];
    const ids = table.getChild('id');
    const implausible = implausiblePhones(phones, text('country'));
    const answer = Int32Array.from(implausible, (i) => Number(ids?.get(i)));
    scope.postMessage({ ok: true, ids: answer } satisfies PhoneCheckAnswer, [answer.buffer]);
  } catch (error) {
    scope.postMessage({ ok: false, message: errorText(error) } satisfies PhoneCheckAnswer);
  }
};
