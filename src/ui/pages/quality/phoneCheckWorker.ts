import { tableFromIPC } from 'apache-arrow';
import { errorText } from '../../../domain/errorText';
import { implausibleIdsInArrow } from './implausibleInArrow';

/** The request: the Arrow IPC stream of phonesToJudgeSql's rows, in the chunks the engine sent. */
export type PhoneCheckMessage = readonly Uint8Array[];
export type PhoneCheckAnswer = { readonly ok: true; readonly ids: Int32Array } | { readonly ok: false; readonly message: string };

/** Judges the phone numbers off the page's thread (phoneCheck.ts); answers the implausible ones' ids. */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = ({ data }: MessageEvent<PhoneCheckMessage>) => {
  try {
    const answer = Int32Array.from(implausibleIdsInArrow(tableFromIPC(data)));
    scope.postMessage({ ok: true, ids: answer } satisfies PhoneCheckAnswer, [answer.buffer]);
  } catch (error) {
    scope.postMessage({ ok: false, message: errorText(error) } satisfies PhoneCheckAnswer);
  }
};
