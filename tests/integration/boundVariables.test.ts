import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows } from '../../src/db/arrowRows';
import { toVariableQuery } from '../../src/db/boundVariables';
import type { Db } from '../../src/db/types';
import { loadCsvSql } from '../../src/sql/importCsv';
import { ENGINES } from './helpers/engines';

// The browser sends the import's load as text with session variables (to cancel it and follow its
// progress): on real DuckDB it must load exactly what the bound statement loads.
describe.each(ENGINES)('values as session variables on $name', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('loads a German export exactly like the bound statement, date formats and decimal comma included', async () => {
    const csv = 'Lead-Nr.;Erstellt am;Leadquelle;Status;Betrag\nA1;01.02.2025;Messe;Neu;1.234,5\nA2;2025-02-03;Messe;Neu;7\nA3;kaputt;Messe;Neu;x\nSelect;2025-02-03;Messe;Neu;1\n';
    const ref = await db.registerFile('vars.csv', { kind: 'bytes', bytes: new Uint8Array(iconv.encode(csv, 'utf8')) });
    const mapping = { lead_id: 'Lead-Nr.', created_at: 'Erstellt am', medium: 'Leadquelle', stage: 'Status', amount: 'Betrag' };
    const headers = Object.values(mapping);
    const format = { decimalSeparator: ',' as const, dateFormats: { created_at: ['%d.%m.%Y', '%Y-%m-%d'] } };
    const load = loadCsvSql({ kind: 'leads', mapping, format, placeholders: ['Select'] }, headers, ref, ';', 'vars.csv');
    const read = async () => toRows(await db.query({ sql: 'SELECT lead_id, created_at, amount, _bad, _soft, _raw::VARCHAR AS raw FROM _import ORDER BY lead_id', params: [] }));

    await db.query(load);
    const bound = await read();
    const asVariables = toVariableQuery(load);
    for (const { sql, value } of asVariables.assignments) await db.query({ sql, params: [value] });
    await db.query({ sql: asVariables.sql, params: [] });
    expect(await read()).toEqual(bound);
    // Optional cells that do not convert only mark their row (_soft); placeholders are found after this pass, not in it.
    expect(bound.map((r) => [r.lead_id, r.created_at, r.amount, r._bad, r._soft])).toEqual([
      ['A1', Date.UTC(2025, 1, 1), 1234.5, false, false],
      ['A2', Date.UTC(2025, 1, 3), 7, false, false],
      ['A3', null, null, false, true],
      ['Select', Date.UTC(2025, 1, 3), 1, false, false],
    ]);
    await db.query({ sql: 'DROP TABLE _import; DROP TABLE IF EXISTS _shape_rejects; DROP TABLE IF EXISTS _shape_rejects_scan', params: [] });
    await db.unregisterFile('vars.csv');
  });
});
