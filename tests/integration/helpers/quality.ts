import type { Db } from '../../../src/db/types';
import { checkPhonesHere } from '../../../src/services/phoneCheck';
import { phonesToJudgeSql } from '../../../src/sql/phoneChecks';
import type { QualityInputTables } from '../../../src/sql/quality';

/** The phones of the loaded leads judged, for qualityHitsSql called without the whole scoring. */
export async function judgedPhones(db: Db): Promise<QualityInputTables> {
  await db.query({ sql: `CREATE OR REPLACE TEMP TABLE test_phones AS ${phonesToJudgeSql()}`, params: [] });
  const implausible = await (await checkPhonesHere(db, 'test_phones')).implausible;
  await db.query({ sql: `CREATE OR REPLACE TEMP TABLE test_implausible_phones AS ${implausible.sql}`, params: implausible.params });
  return { implausiblePhones: 'test_implausible_phones' };
}
