import type { PhoneCheck } from '../../../services/phoneCheck';
import { checkPhonesHere } from '../../../services/phoneCheck';
import { implausiblePhonesSql, phonesOfTableSql } from '../../../sql/phoneChecks';
import type { SqlQuery } from '../../../domain/sqlQuery';
import type { PhoneCheckAnswer } from './phoneCheckWorker';

/**
 * The app's phone check: the engine streams every lead's number as Arrow bytes to a worker of their
 * own, which makes their shapes and judges them while the engine finds the duplicates; the page's
 * thread only passes bytes on. An engine that cannot stream Arrow is checked on this thread.
 */
export const checkPhonesInWorker: PhoneCheck = async (db, phones) => {
  if (!db.queryIpc) return checkPhonesHere(db, phones);
  const chunks = [await db.queryIpc(phonesOfTableSql(phones))];
  const worker = new Worker(new URL('./phoneCheckWorker.ts', import.meta.url), { type: 'module' });
  const implausible = new Promise<SqlQuery>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<PhoneCheckAnswer>) => (data.ok ? resolve(implausiblePhonesSql(phones, Array.from(data.ids))) : reject(new Error(data.message)));
    worker.onerror = (event) => reject(new Error(event.message || 'the phone check stopped'));
    worker.postMessage(chunks, chunks.map((c) => c.buffer));
  });
  void implausible.finally(() => worker.terminate()).catch(() => undefined);
  return { implausible };
};
