import { toRows } from '../db/arrowRows';
import type { Db } from '../db/types';
import { implausiblePhones } from '../domain/quality/phonePlausibility';
import { shapesToJudgeSql } from '../sql/phoneChecks';

/**
 * Judges the numbers of a table of distinctShapesSql's rows (`id`, `country`, `phone`: a number's
 * shape): reads them, then answers `verdicts`, the ids of the implausible ones. The app judges them
 * in a worker of its own, so the page stays responsive and the engine goes on with the duplicates
 * meanwhile (src/ui/pages/quality/phoneCheck.ts); the caller waits only for the reading, which must
 * come first: the engine answers its queries one after another.
 */
export type PhoneCheck = (db: Db, phones: string) => Promise<{ readonly verdicts: Promise<readonly number[]> }>;

/** The check on the caller's thread: for Node (the ETL, the tests, the benchmark's native run). */
export const checkPhonesHere: PhoneCheck = async (db, phones) => {
  const rows = toRows(await db.query(shapesToJudgeSql(phones)));
  const positions = implausiblePhones(
    rows.map((r) => String(r.phone)),
    rows.map((r) => (r.country === null || r.country === undefined ? null : String(r.country))),
  );
  return { verdicts: Promise.resolve(positions.map((i) => Number(rows[i]!.id))) };
};
