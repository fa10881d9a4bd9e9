import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows, type Row } from '../../src/db/arrowRows';
import type { Db } from '../../src/db/types';
import { DEFAULT_PIPELINE } from '../../src/domain/pipeline';
import { STANDARD_MEDIA } from '../../src/domain/vocabulary';
import { funnelKpisSql, leadsPerMonthByMediumSql } from '../../src/sql/overview';
import { expectedFigures } from '../support/expectedFigures';
import { ENGINES, loadEnglish, REPO } from './helpers/engines';

const SAMPLES = {
  leads: 'data-samples/en/leads.csv',
  deals: 'data-samples/en/deals.csv',
  campaigns: 'data-samples/en/campaigns.csv',
  targets: 'data-samples/en/targets.csv',
} as const;

const METRIC_QUERIES = {
  kpis: funnelKpisSql({ pipeline: DEFAULT_PIPELINE }),
  kpisByMedium: funnelKpisSql({ pipeline: DEFAULT_PIPELINE, groupByMedium: true }),
  leadsPerMonth: leadsPerMonthByMediumSql(DEFAULT_PIPELINE),
};

/**
 * The same metric SQL on the browser's engine (duckdb-wasm) and the ETL's (native DuckDB) over the
 * sample exports: a version difference between the two engines cannot hide.
 */
describe('metric SQL over the sample exports on both engines', () => {
  const dbs: Db[] = [];
  const results: Record<string, Row[]>[] = [];
  const expected = expectedFigures(path.join(REPO, 'data-samples/en'));

  beforeAll(async () => {
    for (const engine of ENGINES) {
      const db = await engine.open();
      dbs.push(db);
      await loadEnglish(db, SAMPLES);
      const result: Record<string, Row[]> = {};
      for (const [name, query] of Object.entries(METRIC_QUERIES)) result[name] = toRows(await db.query(query));
      results.push(result);
    }
  });
  afterAll(async () => {
    for (const db of dbs) await db.close();
  });

  it('loads every sample table completely on both engines', async () => {
    for (const db of dbs) {
      for (const kind of Object.keys(SAMPLES)) {
        const [row] = toRows(await db.query({ sql: `SELECT count(*) AS n, max(_line) AS last FROM ${kind}`, params: [] }));
        expect(row?.n, `${db.engine} ${kind}`).toBeGreaterThan(0);
        expect(row?.last, `${db.engine} ${kind}: line numbers`).toBe(Number(row?.n) + 1);
      }
    }
  });

  it('gives identical results on duckdb-wasm and native DuckDB', () => {
    const [wasm, native] = results;
    expect(wasm).toBeDefined();
    for (const name of Object.keys(METRIC_QUERIES)) expect(native?.[name], name).toEqual(wasm?.[name]);
  });

  it('matches the independent computation from the CSV files', () => {
    const [kpis] = results[0]?.kpis ?? [];
    expect(kpis).toMatchObject({
      leads: expected.leads,
      reached_1: expected.reached[1],
      reached_2: expected.reached[2],
      reached_3: expected.reached[3],
      reached_4: expected.reached[4],
    });
    expect(kpis?.revenue).toBeCloseTo(expected.revenue, 2);
    const perMonth = results[0]?.leadsPerMonth ?? [];
    expect(perMonth.reduce((sum, r) => sum + Number(r.leads), 0)).toBe(expected.leads);
  });

  it('maps every sample medium onto a standard medium except the deliberately unknown ones', () => {
    const media = (results[0]?.kpisByMedium ?? []).map((r) => String(r.medium));
    for (const standard of STANDARD_MEDIA) expect(media).toContain(standard);
    const others = media.filter((m) => !(STANDARD_MEDIA as readonly string[]).includes(m));
    const otherLeads = (results[0]?.kpisByMedium ?? []).filter((r) => others.includes(String(r.medium))).reduce((s, r) => s + Number(r.leads), 0);
    expect(otherLeads / expected.leads).toBeLessThan(0.03);
  });
});

describe('line numbers', () => {
  it('point at the very line of the export each row came from', async () => {
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(path.join(REPO, SAMPLES.leads), 'utf8').split('\n');
    for (const engine of ENGINES) {
      const db = await engine.open();
      try {
        await loadEnglish(db, { leads: SAMPLES.leads });
        const rows = toRows(await db.query({ sql: 'SELECT lead_id, _line FROM leads WHERE _line IN (2, 3, 5000, 20001) ORDER BY _line', params: [] }));
        expect(rows).toHaveLength(4);
        for (const row of rows) expect(lines[Number(row._line) - 1]?.startsWith(`${row.lead_id},`), `${engine.name} line ${row._line}`).toBe(true);
      } finally {
        await db.close();
      }
    }
  });
});
