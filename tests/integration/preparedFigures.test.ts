import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeCodec, nodeInput } from '../../etl/nodeCodec';
import { runEtl } from '../../etl/run';
import { openCutWasmNodeDb } from '../support/nodeEngine';
import type { Db } from '../../src/db/types';
import { DEFAULT_PIPELINE } from '../../src/domain/pipeline';
import { parsePreparedFigures, PREPARED_SECTIONS, type PreparedFigures, type PreparedRow } from '../../src/domain/preparedFigures';
import { importCsv } from '../../src/services/importCsv';
import { refreshLeadFacts } from '../../src/services/leadFacts';
import { computePreparedFigures } from '../../src/services/preparedFigures';
import { HAND10_DIR, HAND10_KPIS } from '../support/hand10';
import { parquetToIpcStream } from './helpers/bundle';
import { ENGINES, REPO } from './helpers/engines';

/**
 * The figures the ETL writes into a bundle (figures.json) are the ones the app's queries give on the
 * same data, on both engines: the browser's duckdb-wasm reading the bundle's Parquet, and each
 * engine importing the exports itself. Sums of amounts may differ in the last bits between engines
 * (summation order); they are compared to a cent, every count exactly.
 */
function expectSameFigures(actual: PreparedFigures, expected: PreparedFigures, what: string): void {
  for (const section of PREPARED_SECTIONS) {
    const a = actual.rows[section];
    const e = expected.rows[section];
    expect(a.length, `${what}: ${section} rows`).toBe(e.length);
    e.forEach((row: PreparedRow, i) => {
      const other = a[i]!;
      expect(Object.keys(other).sort(), `${what}: ${section}[${i}] columns`).toEqual(Object.keys(row).sort());
      for (const [column, value] of Object.entries(row)) {
        if (column === 'revenue' && typeof value === 'number') expect(Math.abs(Number(other[column]) - value), `${what}: ${section}[${i}].revenue`).toBeLessThan(0.005);
        else expect(other[column], `${what}: ${section}[${i}].${column}`).toEqual(value);
      }
    });
  }
}

async function imported(db: Db, dir: string): Promise<PreparedFigures> {
  for (const file of readdirSync(dir).sort()) await importCsv(db, nodeInput(path.join(dir, file)), nodeCodec);
  await refreshLeadFacts(db);
  return computePreparedFigures(db, DEFAULT_PIPELINE);
}

describe.each([
  ['data-samples/en', path.join(REPO, 'data-samples/en')],
  ['the hand-computed fixture', HAND10_DIR],
])('the ETL’s figures.json of %s', (_, dir) => {
  let scratch: string;
  let written: PreparedFigures;
  let manifest: Awaited<ReturnType<typeof runEtl>>['manifest'];

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'leadloop-figures-'));
    ({ manifest } = await runEtl({ inputs: [dir], outDir: path.join(scratch, 'bundle') }));
    const parsed = parsePreparedFigures(JSON.parse(readFileSync(path.join(scratch, 'bundle', manifest.figures!.file), 'utf8')), DEFAULT_PIPELINE);
    if (!parsed) throw new Error('the ETL wrote a figures file the app does not read');
    written = parsed;
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('equals the queries on duckdb-wasm reading the bundle’s Parquet, as the app loads it', async () => {
    const db = await openCutWasmNodeDb();
    try {
      for (const [kind, table] of Object.entries(manifest.tables)) {
        db.connection.insertArrowFromIPCStream(parquetToIpcStream(path.join(scratch, 'bundle', table.file)), { name: kind, create: true });
      }
      await refreshLeadFacts(db);
      expectSameFigures(await computePreparedFigures(db, DEFAULT_PIPELINE), written, 'wasm on the bundle');
    } finally {
      await db.close();
    }
  });

  it.each(ENGINES.map((e) => [e.name, e] as const))('equals the queries on %s importing the exports', async (_, engine) => {
    const db = await engine.open();
    try {
      expectSameFigures(await imported(db, dir), written, engine.name);
    } finally {
      await db.close();
    }
  });

  it('holds every section with rows (a default view the pages can paint)', () => {
    expect(written.rows.overviewKpis[0]!.leads).toBeGreaterThan(0);
    expect(written.rows.overviewByMedium.length).toBeGreaterThan(0);
    expect(written.rows.funnelStages[0]!.leads).toBe(written.rows.overviewKpis[0]!.leads);
  });
});

describe('the figures of the hand-computed fixture against the hand-worked truth', () => {
  it('KPIs', async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'leadloop-figures-'));
    try {
      const { manifest } = await runEtl({ inputs: [HAND10_DIR], outDir: path.join(scratch, 'bundle') });
      const figures = JSON.parse(readFileSync(path.join(scratch, 'bundle', manifest.figures!.file), 'utf8')) as PreparedFigures;
      expect(figures.rows.overviewKpis[0]).toEqual(HAND10_KPIS);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
