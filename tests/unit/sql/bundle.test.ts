import { describe, expect, it } from 'vitest';
import { columnsSql, copyToParquetSql, gatherSql, keysInSeveralSourcesSql, PARQUET_COMPRESSION } from '../../../src/sql/bundle';

describe('bundle SQL builders', () => {
  it('bind the output path instead of pasting it', () => {
    const q = copyToParquetSql('_etl_leads', "/tmp/it's here/leads.parquet");
    expect(q.sql).toBe(`COPY (SELECT * FROM "_etl_leads") TO ? (FORMAT parquet, COMPRESSION ${PARQUET_COMPRESSION})`);
    expect(q.params).toEqual(["/tmp/it's here/leads.parquet"]);
    expect(columnsSql('leads').params).toEqual(['leads']);
  });

  it('rename the first export of a kind and append the later ones by column name', () => {
    expect(gatherSql('leads', '_etl_leads', true).map((q) => q.sql)).toEqual(['ALTER TABLE "leads" RENAME TO "_etl_leads"']);
    expect(gatherSql('leads', '_etl_leads', false).map((q) => q.sql)).toEqual(['INSERT INTO "_etl_leads" BY NAME SELECT * FROM "leads"; DROP TABLE "leads"']);
    // A later export with an extra column the first lacked: the column is added first.
    expect(gatherSql('leads', '_etl_leads', false, [{ name: 'Product "X"', type: 'VARCHAR' }]).map((q) => q.sql)).toEqual([
      'ALTER TABLE "_etl_leads" ADD COLUMN "Product ""X""" VARCHAR',
      'INSERT INTO "_etl_leads" BY NAME SELECT * FROM "leads"; DROP TABLE "leads"',
    ]);
  });

  it('compare targets on period and sales unit, campaign costs on id, month, and medium and period without an id, the other tables on their id', () => {
    expect(keysInSeveralSourcesSql('_etl_targets', 'targets').sql).toContain(`concat_ws(' / ', t."period"::VARCHAR, t."sales_unit"::VARCHAR) AS key`);
    expect(keysInSeveralSourcesSql('_etl_deals', 'deals').sql).toContain(`concat_ws(' / ', t."deal_id"::VARCHAR) AS key`);
    expect(keysInSeveralSourcesSql('_etl_campaigns', 'campaigns').sql).toContain(
      `concat_ws(' / ', t."campaign_id"::VARCHAR, CASE WHEN t."campaign_id" IS NULL THEN t."medium" END::VARCHAR, CASE WHEN t."campaign_id" IS NULL THEN t."month" END::VARCHAR, CASE WHEN t."campaign_id" IS NULL AND t."month" IS NULL THEN t."start_date" END::VARCHAR) AS key`,
    );
  });
});
