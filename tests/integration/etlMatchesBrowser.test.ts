import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeCodec, nodeInput } from '../../etl/nodeCodec';
import { runEtl } from '../../etl/run';
import { toRows, type Row } from '../../src/db/arrowRows';
import type { WasmNodeDb } from '../../src/db/wasmNode';
import { openCutWasmNodeDb } from '../support/nodeEngine';
import { DEFAULT_PIPELINE } from '../../src/domain/pipeline';
import { TABLE_KINDS, type TableKind } from '../../src/domain/schema';
import { importCsv } from '../../src/services/importCsv';
import { funnelKpisSql } from '../../src/sql/overview';
import { velocitySql } from '../../src/sql/funnel';
import { answerFromCube } from '../../src/domain/funnelCube';
import { velocityFromHistograms, type LagHistogramRow } from '../../src/domain/funnel';
import { rate } from '../../src/domain/stats';
import { buildFunnelCube } from '../../src/services/funnelCubes';
import { parquetToIpcStream } from './helpers/bundle';
import { REPO } from './helpers/engines';
import { refreshLeadFacts } from '../../src/services/leadFacts';
import { HAND10_DIR, HAND10_KPIS, HAND10_KPIS_BY_MEDIUM, HAND10_LEAD_TO_WON, HAND10_VELOCITY } from '../support/hand10';

const SUMS: Readonly<Record<TableKind, string>> = {
  leads: 'sum(amount)::DOUBLE AS amount, sum(lead_score)::DOUBLE AS lead_score',
  deals: 'sum(amount)::DOUBLE AS amount',
  campaigns: 'sum(cost)::DOUBLE AS cost, sum(planned_leads)::BIGINT AS planned_leads',
  targets: 'sum(revenue_target)::DOUBLE AS revenue_target, sum(planned_leads)::BIGINT AS planned_leads',
  touches: "count(DISTINCT lead_id)::BIGINT AS leads, count(DISTINCT campaign_id)::BIGINT AS campaigns, strftime(min(touched_at), '%Y-%m-%d') AS first",
};

/** Every column of every row, in the order of the export: one value that any difference changes. */
const rowsMd5Sql = (table: string) => `SELECT md5(string_agg(t::VARCHAR, chr(10) ORDER BY _source, _line)) AS rows_md5 FROM ${table} t`;

interface Figures {
  kpis: Row[];
  kpisByMedium: Row[];
  tables: Record<string, Row[]>;
}

/** What the app shows and what every row holds, from the tables leads, deals, campaigns, targets of a duckdb-wasm database. */
async function figures(db: WasmNodeDb, kinds: readonly TableKind[]): Promise<Figures> {
  const rows = async (sql: string) => toRows(await db.query({ sql, params: [] }));
  const tables: Record<string, Row[]> = {};
  for (const kind of kinds) {
    tables[kind] = [
      ...(await rows(`SELECT count(*)::BIGINT AS rows, ${SUMS[kind]} FROM ${kind}`)),
      ...(await rows(`SELECT column_name, column_type FROM (DESCRIBE ${kind})`)),
      ...(await rows(rowsMd5Sql(kind))),
    ];
  }
  return {
    kpis: toRows(await db.query(funnelKpisSql({ pipeline: DEFAULT_PIPELINE }))),
    kpisByMedium: toRows(await db.query(funnelKpisSql({ pipeline: DEFAULT_PIPELINE, groupByMedium: true }))),
    tables,
  };
}

interface Compared {
  db: WasmNodeDb;
  bundle: Figures;
  /** Per table of the bundle: whether the app read an Arrow copy, and the md5 of every row read from each file. */
  copies: Record<string, { arrow: boolean; fromArrow: unknown; fromParquet: unknown }>;
  browser: Figures;
  close(): Promise<void>;
}

/**
 * The ETL's bundle of a folder of exports, read the way the browser will read it (parquet-wasm →
 * Arrow IPC stream → duckdb-wasm), and the browser's own import of the same exports (importCsv on
 * duckdb-wasm), in one database: the bundle's tables as etl_<kind>, the import's as <kind>.
 */
async function etlAndBrowser(samples: string): Promise<Compared> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'leadloop-etl-browser-'));
  const out = path.join(scratch, 'bundle');
  const { manifest } = await runEtl({ inputs: [samples], outDir: out });
  const db = await openCutWasmNodeDb();
  // The bundle, as the app loads it (src/ui/data/bundleLoad.ts): a table's Arrow copy where the ETL
  // wrote one, else its Parquet. The IPC bytes go straight to duckdb-wasm (no Arrow Table crosses
  // from our apache-arrow copy to duckdb-wasm's CJS one); insertArrowFromIPCStream detaches them.
  // Each table is also read from its Parquet, to compare with the copy.
  const copies: Compared['copies'] = {};
  const rowsMd5 = async (table: string) => toRows(await db.query({ sql: rowsMd5Sql(table), params: [] }))[0]?.rows_md5;
  for (const [kind, table] of Object.entries(manifest.tables)) {
    const stream = table.arrow ? new Uint8Array(readFileSync(path.join(out, table.arrow.file))) : parquetToIpcStream(path.join(out, table.file));
    db.connection.insertArrowFromIPCStream(stream, { name: kind, create: true });
    db.connection.insertArrowFromIPCStream(parquetToIpcStream(path.join(out, table.file)), { name: `parquet_${kind}`, create: true });
    copies[kind] = { arrow: Boolean(table.arrow), fromArrow: await rowsMd5(kind), fromParquet: await rowsMd5(`parquet_${kind}`) };
    await db.query({ sql: `DROP TABLE parquet_${kind}`, params: [] });
  }
  await refreshLeadFacts(db);
  // The tables the exports hold (a small fixture has no campaigns or targets).
  const kinds = TABLE_KINDS.filter((kind) => kind in manifest.tables);
  const bundle = await figures(db, kinds);
  for (const kind of kinds) await db.query({ sql: `ALTER TABLE ${kind} RENAME TO etl_${kind}`, params: [] });
  // The browser's import of the same files on the same engine.
  for (const file of readdirSync(samples).sort()) await importCsv(db, nodeInput(path.join(samples, file)), nodeCodec);
  const browser = await figures(db, kinds);
  return {
    db,
    bundle,
    copies,
    browser,
    async close() {
      await db.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** Acceptance: the ETL's bundle gives the same figures and the same rows as the browser's import of the same exports. */
describe.each(['de', 'en'])('the ETL on data-samples/%s reproduces the browser import', (style) => {
  let compared: Compared;

  beforeAll(async () => {
    compared = await etlAndBrowser(path.join(REPO, 'data-samples', style));
  });
  afterAll(async () => {
    await compared?.close();
  });

  it('gives the same funnel KPIs, overall and by medium', () => {
    const { bundle, browser } = compared;
    expect(bundle.kpis[0]?.leads).toBe(20_000);
    expect(bundle.kpis).toEqual(browser.kpis);
    expect(bundle.kpisByMedium.length).toBeGreaterThanOrEqual(6);
    expect(bundle.kpisByMedium).toEqual(browser.kpisByMedium);
  });

  it('is read from Arrow copies of the Parquet files that hold the same rows', () => {
    for (const kind of TABLE_KINDS) {
      const copy = compared.copies[kind]!;
      expect(copy.arrow, kind).toBe(true);
      expect(typeof copy.fromArrow).toBe('string');
      expect(copy.fromArrow, kind).toBe(copy.fromParquet);
    }
  });

  it('gives the same row counts and sums of amounts, column types and rows', () => {
    for (const kind of TABLE_KINDS) expect(compared.bundle.tables[kind], kind).toEqual(compared.browser.tables[kind]);
  });

  it('holds no row the browser import lacks and lacks none it has', async () => {
    for (const kind of TABLE_KINDS) {
      const [diff] = toRows(
        await compared.db.query({
          sql: `SELECT (SELECT count(*) FROM (SELECT * FROM etl_${kind} EXCEPT ALL SELECT * FROM ${kind}))::BIGINT AS only_etl, (SELECT count(*) FROM (SELECT * FROM ${kind} EXCEPT ALL SELECT * FROM etl_${kind}))::BIGINT AS only_browser`,
          params: [],
        }),
      );
      expect(diff, kind).toEqual({ only_etl: 0, only_browser: 0 });
    }
  });
});

/**
 * The same comparison on ten leads whose figures were worked out by hand (tests/support/hand10.ts):
 * the two sides must agree with each other and with the truth.
 */
describe('the ETL and the browser import of the hand-computed fixture', () => {
  let compared: Compared;

  beforeAll(async () => {
    compared = await etlAndBrowser(HAND10_DIR);
  });
  afterAll(async () => {
    await compared?.close();
  });

  it('both give the hand-computed funnel KPIs, overall and by medium', () => {
    for (const side of [compared.bundle, compared.browser]) {
      expect(side.kpis).toEqual([HAND10_KPIS]);
      expect(side.kpisByMedium).toEqual(HAND10_KPIS_BY_MEDIUM);
    }
  });

  it('both hold the ten leads and four deals, the same rows', () => {
    expect(compared.bundle.tables.leads?.[0]).toMatchObject({ rows: 10 });
    expect(compared.bundle.tables.deals?.[0]).toMatchObject({ rows: 4, amount: 4000 });
    for (const kind of ['leads', 'deals']) expect(compared.bundle.tables[kind], kind).toEqual(compared.browser.tables[kind]);
  });

  it('the imported leads give the hand-computed velocity, from the cube as from SQL, and the hand-computed Wilson interval', async () => {
    const { db } = compared;
    const cube = await buildFunnelCube(db, DEFAULT_PIPELINE);
    const raw = toRows(await db.query(velocitySql({ pipeline: DEFAULT_PIPELINE, filter: [] })));
    const fromCube = answerFromCube(cube, { kind: 'velocity' }, []);
    expect(fromCube).toEqual(raw);
    const spans = velocityFromHistograms(raw as unknown as LagHistogramRow[]);
    expect(spans.find((v) => v.from === 0 && v.to === 4)).toEqual({ from: 0, to: 4, ...HAND10_VELOCITY.createdToWon });
    expect(spans.find((v) => v.from === 0 && v.to === 1)).toEqual({ from: 0, to: 1, ...HAND10_VELOCITY.createdToMql });
    const [kpis] = compared.browser.kpis;
    const leadToWon = rate(Number(kpis?.reached_4), Number(kpis?.leads));
    expect(leadToWon.value).toBe(HAND10_LEAD_TO_WON.value);
    expect(leadToWon.interval?.low).toBeCloseTo(HAND10_LEAD_TO_WON.low, 5);
    expect(leadToWon.interval?.high).toBeCloseTo(HAND10_LEAD_TO_WON.high, 5);
  });
});
