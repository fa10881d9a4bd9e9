import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeCodec, nodeInput } from '../../etl/nodeCodec';
import { runEtl } from '../../etl/run';
import { toRows, type Row } from '../../src/db/arrowRows';
import { openWasmNodeDb, type WasmNodeDb } from '../../src/db/wasmNode';
import { DEFAULT_PIPELINE } from '../../src/domain/pipeline';
import { TABLE_KINDS, type TableKind } from '../../src/domain/schema';
import { importCsv } from '../../src/services/importCsv';
import { funnelKpisSql } from '../../src/sql/overview';
import { parquetToIpcStream } from './helpers/bundle';
import { REPO } from './helpers/engines';
import { refreshLeadFacts } from '../../src/services/leadFacts';

const SUMS: Readonly<Record<TableKind, string>> = {
  leads: 'sum(amount)::DOUBLE AS amount, sum(lead_score)::DOUBLE AS lead_score',
  deals: 'sum(amount)::DOUBLE AS amount',
  campaigns: 'sum(cost)::DOUBLE AS cost, sum(planned_leads)::BIGINT AS planned_leads',
  targets: 'sum(revenue_target)::DOUBLE AS revenue_target, sum(planned_leads)::BIGINT AS planned_leads',
};

interface Figures {
  kpis: Row[];
  kpisByMedium: Row[];
  tables: Record<string, Row[]>;
}

/** What the app shows and what every row holds, from the tables leads, deals, campaigns, targets of a duckdb-wasm database. */
async function figures(db: WasmNodeDb): Promise<Figures> {
  const rows = async (sql: string) => toRows(await db.query({ sql, params: [] }));
  const tables: Record<string, Row[]> = {};
  for (const kind of TABLE_KINDS) {
    tables[kind] = [
      ...(await rows(`SELECT count(*)::BIGINT AS rows, ${SUMS[kind]} FROM ${kind}`)),
      ...(await rows(`SELECT column_name, column_type FROM (DESCRIBE ${kind})`)),
      // every column of every row, in the order of the export: one value that any difference changes
      ...(await rows(`SELECT md5(string_agg(t::VARCHAR, chr(10) ORDER BY _source, _line)) AS rows_md5 FROM ${kind} t`)),
    ];
  }
  return {
    kpis: toRows(await db.query(funnelKpisSql({ pipeline: DEFAULT_PIPELINE }))),
    kpisByMedium: toRows(await db.query(funnelKpisSql({ pipeline: DEFAULT_PIPELINE, groupByMedium: true }))),
    tables,
  };
}

/**
 * Acceptance: the ETL's bundle, read the way the browser will read it (parquet-wasm → Arrow IPC
 * stream → duckdb-wasm), gives the same figures and the same rows as the browser's own import of the
 * same exports (importCsv on duckdb-wasm).
 */
describe.each(['de', 'en'])('the ETL on data-samples/%s reproduces the browser import', (style) => {
  const samples = path.join(REPO, 'data-samples', style);
  let scratch: string;
  let db: WasmNodeDb;
  let bundle: Figures;
  let browser: Figures;

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'leadloop-etl-browser-'));
    const out = path.join(scratch, 'bundle');
    const { manifest } = await runEtl({ inputs: [samples], outDir: out });
    db = await openWasmNodeDb();
    // The bundle, as the app would load it. The IPC bytes go straight to duckdb-wasm (no Arrow Table
    // crosses from our apache-arrow copy to duckdb-wasm's CJS one), and insertArrowFromIPCStream
    // detaches the buffer it is given.
    for (const [kind, table] of Object.entries(manifest.tables)) {
      db.connection.insertArrowFromIPCStream(parquetToIpcStream(path.join(out, table.file)), { name: kind, create: true });
    }
    await refreshLeadFacts(db);
    bundle = await figures(db);
    for (const kind of TABLE_KINDS) await db.query({ sql: `ALTER TABLE ${kind} RENAME TO etl_${kind}`, params: [] });
    // The browser's import of the same files on the same engine.
    for (const file of readdirSync(samples).sort()) await importCsv(db, nodeInput(path.join(samples, file)), nodeCodec);
    browser = await figures(db);
  });
  afterAll(async () => {
    await db?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('gives the same funnel KPIs, overall and by medium', () => {
    expect(bundle.kpis[0]?.leads).toBe(20_000);
    expect(bundle.kpis).toEqual(browser.kpis);
    expect(bundle.kpisByMedium.length).toBeGreaterThanOrEqual(6);
    expect(bundle.kpisByMedium).toEqual(browser.kpisByMedium);
  });

  it('gives the same row counts and sums of amounts, column types and rows', () => {
    for (const kind of TABLE_KINDS) expect(bundle.tables[kind], kind).toEqual(browser.tables[kind]);
  });

  it('holds no row the browser import lacks and lacks none it has', async () => {
    for (const kind of TABLE_KINDS) {
      const [diff] = toRows(
        await db.query({
          sql: `SELECT (SELECT count(*) FROM (SELECT * FROM etl_${kind} EXCEPT ALL SELECT * FROM ${kind}))::BIGINT AS only_etl, (SELECT count(*) FROM (SELECT * FROM ${kind} EXCEPT ALL SELECT * FROM etl_${kind}))::BIGINT AS only_browser`,
          params: [],
        }),
      );
      expect(diff, kind).toEqual({ only_etl: 0, only_browser: 0 });
    }
  });
});
