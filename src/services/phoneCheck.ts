import type { Table } from 'apache-arrow';
import type { Db } from '../db/types';
import { implausiblePhones } from '../domain/quality/phonePlausibility';
import { phonesOfTableSql } from '../sql/phoneChecks';

/**
 * Judges the numbers of a table of phonesToJudgeSql's rows (`id`, `country`, `phone`): reads them,
 * then answers `verdicts`, the ids of the implausible ones. The app judges them in a worker of its own, so the page stays responsive and the engine goes on with the duplicates
 * meanwhile (src/ui/pages/quality/phoneCheck.ts); the caller waits only for the reading, which must
 * come first: the engine answers its queries one after another.
 */
export type PhoneCheck = (db: Db, phones: string) => Promise<{ readonly verdicts: Promise<readonly number[]> }>;

/** The table's columns as JS values (`id` numbers, `country` and `phone` texts). */
export function judgedColumns(table: Table): { ids: number[]; countries: (string | null)[]; phones: string[] } {
  const column = (name: string) => Array.from(table.getChild(name) ?? [], (v) => (v === null || v === undefined ? null : v));
  return {
    ids: column('id').map(Number),
    countries: column('country').map((v) => (v === null ? null : String(v))),
    phones: column('phone').map(String),
  };
}

/** The check on the caller's thread: for Node (the ETL, the tests, the benchmark's native run). */
export const checkPhonesHere: PhoneCheck = async (db, phones) => {
  const { ids, countries, phones: numbers } = judgedColumns(await db.query(phonesOfTableSql(phones)));
  return { verdicts: Promise.resolve(implausiblePhones(numbers, countries).map((i) => ids[i]!)) };
};
