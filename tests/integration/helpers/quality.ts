import type { Db } from '../../../src/db/types';
import { checkPhonesHere } from '../../../src/services/phoneCheck';
import { distinctPhonesSql, distinctShapesSql, implausiblePhonesSql } from '../../../src/sql/phoneChecks';
import type { QualityInputTables } from '../../../src/sql/quality';

/** The phones of the loaded leads judged, for qualityHitsSql called without the whole scoring. */
export async function judgedPhones(db: Db): Promise<QualityInputTables> {
  await db.query({ sql: `CREATE OR REPLACE TEMP TABLE test_phones AS ${distinctPhonesSql()}`, params: [] });
  await db.query({ sql: `CREATE OR REPLACE TEMP TABLE test_phone_shapes AS ${distinctShapesSql('test_phones')}`, params: [] });
  const implausible = implausiblePhonesSql('test_phones', 'test_phone_shapes', await (await checkPhonesHere(db, 'test_phone_shapes')).verdicts);
  await db.query({ sql: `CREATE OR REPLACE TEMP TABLE test_implausible_phones AS ${implausible.sql}`, params: implausible.params });
  return { implausiblePhones: 'test_implausible_phones' };
}
