import type { Table } from 'apache-arrow';
import type { Db } from '../db/types';
import type { SqlQuery } from '../domain/sqlQuery';
import { implausiblePhones } from '../domain/quality/phonePlausibility';
import { implausibleShapesSql, shapesOfTableSql } from '../sql/phoneChecks';

/**
 * Judges the numbers of a table of phonesToJudgeSql's rows (src/sql/phoneChecks.ts): reads what it
 * needs of them, then answers `implausible`, a query of the implausible numbers' distinct (country,
 * phone). For native DuckDB, whose hand-over of every number is slow (the app's engine hands them
 * to the duplicate scan's worker instead: src/domain/quality/phoneJudge.ts); the caller waits only
 * for the reading, which must come first: the engine answers its queries one after another.
 */
export type PhoneCheck = (db: Db, phones: string) => Promise<{ readonly implausible: Promise<SqlQuery> }>;

/** The table's columns as JS values (`id` numbers, `country` and `phone` texts). */
function judgedColumns(table: Table): { ids: number[]; countries: (string | null)[]; phones: string[] } {
  const column = (name: string) => Array.from(table.getChild(name) ?? [], (v) => (v === null || v === undefined ? null : v));
  return {
    ids: column('id').map(Number),
    countries: column('country').map((v) => (v === null ? null : String(v))),
    phones: column('phone').map(String),
  };
}

/**
 * The check on the caller's thread, for Node (the ETL, the tests, the benchmark's native run): the
 * engine makes the shapes, this judges each distinct one after the caller's next await (native
 * DuckDB, which works on threads of its own, finds the duplicates meanwhile).
 */
export const checkPhonesHere: PhoneCheck = async (db, phones) => {
  const { ids, countries, phones: shapes } = judgedColumns(await db.query(shapesOfTableSql(phones)));
  const implausible = new Promise<SqlQuery>((resolve) =>
    setTimeout(() => resolve(implausibleShapesSql(phones, implausiblePhones(shapes, countries).map((i) => ids[i]!))), 0),
  );
  return { implausible };
};
