import type { Db } from '../../../src/db/types';
import { scanDuplicatesHere, storeDuplicateScan } from '../../../src/services/duplicateScan';
import { checkPhonesHere } from '../../../src/services/phoneCheck';
import { phonesToJudgeSql } from '../../../src/sql/phoneChecks';
import type { QualityInputTables } from '../../../src/sql/quality';

/** The phones judged and the duplicates found in the loaded leads, for qualityHitsSql called without the whole scoring. */
export async function judgedOutside(db: Db): Promise<Required<QualityInputTables>> {
  await db.query({ sql: `CREATE OR REPLACE TEMP TABLE test_phones AS ${phonesToJudgeSql()}`, params: [] });
  const implausible = await (await checkPhonesHere(db, 'test_phones')).implausible;
  await db.query({ sql: `CREATE OR REPLACE TEMP TABLE test_implausible_phones AS ${implausible.sql}`, params: implausible.params });
  await storeDuplicateScan(db, 'test_duplicates', await (await scanDuplicatesHere(db, { judgePhones: false })).scan);
  return { implausiblePhones: 'test_implausible_phones', duplicates: 'test_duplicates' };
}
