import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/types';
import { readCatalog, tableColumns, tableExists } from '../../src/services/tableInfo';
import { ENGINES } from './helpers/engines';

const sql = (text: string) => ({ sql: text, params: [] });

describe.each(ENGINES)('the catalog read in one query, on $name', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
    for (const statement of [
      'CREATE TABLE leads (lead_id VARCHAR, created DATE, "Region (export)" VARCHAR, amount DOUBLE)',
      'CREATE TABLE "Mixed Case" (x INTEGER)',
      'CREATE VIEW lead_facts AS SELECT lead_id, amount FROM leads',
      'CREATE TEMP TABLE scratch (y INTEGER)',
    ]) {
      await db.query(sql(statement));
    }
  });
  afterAll(async () => db.close());

  it('names each table and view with its kind and its columns in table order', async () => {
    const catalog = await readCatalog(db);
    expect(catalog.kindOf('leads')).toBe('TABLE');
    expect(catalog.kindOf('lead_facts')).toBe('VIEW');
    expect(catalog.kindOf('deals')).toBeNull();
    expect(catalog.columns('leads')).toEqual([
      { name: 'lead_id', type: 'VARCHAR' },
      { name: 'created', type: 'DATE' },
      { name: 'Region (export)', type: 'VARCHAR' },
      { name: 'amount', type: 'DOUBLE' },
    ]);
    expect(catalog.columns('lead_facts')).toEqual([
      { name: 'lead_id', type: 'VARCHAR' },
      { name: 'amount', type: 'DOUBLE' },
    ]);
    expect(catalog.columns('deals')).toEqual([]);
  });

  it('answers as the one-question queries do: tables only, names as written, no temporary table', async () => {
    const catalog = await readCatalog(db);
    for (const name of ['leads', 'lead_facts', 'Mixed Case', 'mixed case', 'scratch', 'deals']) {
      expect(catalog.hasTable(name), name).toBe(await tableExists(db, name));
    }
    expect([catalog.hasTable('leads'), catalog.hasTable('lead_facts'), catalog.hasTable('Mixed Case'), catalog.hasTable('scratch')]).toEqual([true, false, true, false]);
    for (const name of ['leads', 'lead_facts', 'Mixed Case']) expect(catalog.columns(name), name).toEqual(await tableColumns(db, name));
  });
});
