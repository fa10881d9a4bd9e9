import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEtl } from '../../etl/run';
import { toRows } from '../../src/db/arrowRows';
import type { WasmNodeDb } from '../../src/db/wasmNode';
import { openCutWasmNodeDb } from '../support/nodeEngine';
import { parseBundleManifest, type BundleManifest } from '../../src/domain/bundleManifest';
import { DEFAULT_PIPELINE } from '../../src/domain/pipeline';
import { refreshLeadFacts } from '../../src/services/leadFacts';
import { funnelKpisSql } from '../../src/sql/overview';
import { loadBundle } from '../../src/ui/data/bundleLoad';
import { HAND10_DIR, HAND10_KPIS } from '../support/hand10';
import { serveStatic, type StaticServer } from '../support/staticServer';

/**
 * The app's own bundle loader (src/ui/data/bundleLoad.ts) on duckdb-wasm, fetching an ETL bundle
 * from a server: a bundle of small tables is read from its Arrow copies, never from its Parquet.
 */
describe('loading a published bundle with Arrow copies', () => {
  let scratch: string;
  let server: StaticServer;
  let manifest: BundleManifest;
  let db: WasmNodeDb;
  const bundleDir = () => path.join(scratch, 'bundle');
  const location = () => ({ url: new URL('/bundle/', server.origin), required: true });

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'leadloop-bundle-load-'));
    // The test server serves a built app's folder: a page to be one.
    writeFileSync(path.join(scratch, 'index.html'), '<!doctype html>');
    manifest = parseBundleManifest((await runEtl({ inputs: [HAND10_DIR], outDir: bundleDir() })).manifest);
    server = await serveStatic(scratch);
    db = await openCutWasmNodeDb();
  });
  afterAll(async () => {
    await db?.close();
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('reads every table from its Arrow copy and gives the hand-computed figures', async () => {
    expect(Object.values(manifest.tables).map((t) => t.arrow?.file)).toEqual(['leads.arrow', 'deals.arrow']);
    await loadBundle(db, location(), manifest, () => undefined);
    await refreshLeadFacts(db);
    expect(toRows(await db.query(funnelKpisSql({ pipeline: DEFAULT_PIPELINE })))).toEqual([HAND10_KPIS]);
    const asked = server.requests.filter((p) => p.startsWith('/bundle/'));
    expect(asked).toEqual(['/bundle/leads.arrow', '/bundle/deals.arrow']);
  });

  it('refuses a copy changed after publishing, naming it, and one whose rows differ from the manifest', async () => {
    // The file and the compressed copies a host sends in its place, all changed alike.
    const files = ['deals.arrow', 'deals.arrow.br', 'deals.arrow.gz'].map((name) => path.join(bundleDir(), name));
    const originals = files.map((file) => readFileSync(file));
    try {
      const changed = Buffer.from(originals[0]!);
      changed[changed.length - 20]! ^= 0xff;
      files.forEach((file, i) => writeFileSync(file, [changed, brotliCompressSync(changed), gzipSync(changed)][i]!));
      await expect(loadBundle(db, location(), manifest, () => undefined)).rejects.toThrow('/bundle/deals.arrow does not match its manifest (SHA-256 differs)');
    } finally {
      files.forEach((file, i) => writeFileSync(file, originals[i]!));
    }
    const miscounted = { ...manifest, tables: { ...manifest.tables, deals: { ...manifest.tables.deals!, rows: 5 } } };
    await expect(loadBundle(db, location(), miscounted, () => undefined)).rejects.toThrow('/bundle/deals.arrow has 4 rows; its manifest says 5');
  });
});
