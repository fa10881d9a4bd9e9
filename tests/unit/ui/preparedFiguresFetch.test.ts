import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BundleManifest } from '../../../src/domain/bundleManifest';
import { fetchPreparedFigures } from '../../../src/ui/data/publishedBundle';
import { DEFAULT_PIPELINE } from '../../../src/domain/pipeline';

/** The app's reader of a bundle's figures file: only a file that matches its manifest and reads as figures is used. */
const kpiRow = { leads: 3, reached_1: 2, reached_2: 1, reached_3: 1, reached_4: 1, lost: 0, revenue: 10, won_unpriced: 0, currencies: 1, currency: 'EUR' };
const stages = { leads: 3, reached_1: 2, reached_2: 1, reached_3: 1, reached_4: 1, ...Object.fromEntries(DEFAULT_PIPELINE.terminal.flatMap((_, t) => DEFAULT_PIPELINE.stages.map((_, i) => [`ended_${t}_at_${i}`, 0]))) };
const text = JSON.stringify({
  kind: 'leadloop-figures',
  version: 1,
  stages: DEFAULT_PIPELINE.stages,
  rows: { overviewKpis: [kpiRow], overviewByMedium: [{ medium: 'web', ...kpiRow }], overviewMonths: [], dateCoverage: [{ leads: 3, dated: 3 }], funnelStages: [stages] },
});
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const bundle = { url: new URL('https://app.example/sample/'), required: true };
const manifest = (figures?: BundleManifest['figures']): BundleManifest => ({ schemaVersion: 1, createdAt: '', tables: {}, sources: [], ...(figures ? { figures } : {}) });

function serve(body: string, status = 200) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(body, { status })));
}

describe('fetchPreparedFigures', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads figures that match the manifest’s SHA-256', async () => {
    serve(text);
    expect((await fetchPreparedFigures(bundle, manifest({ file: 'figures.json', sha256: sha(text) })))?.rows.overviewKpis).toEqual([kpiRow]);
  });

  it.each([
    ['changed after the manifest was written', text.replace('"leads":3', '"leads":4'), sha(text), 200],
    ['cut off mid-way', text.slice(0, 100), sha(text.slice(0, 100)), 200],
    ['of another version', text.replace('"version":1', '"version":2'), sha(text.replace('"version":1', '"version":2')), 200],
    ['missing (404)', 'not found', sha('not found'), 404],
  ])('ignores a figures file %s, never throws', async (_, body, digest, status) => {
    serve(body, status);
    expect(await fetchPreparedFigures(bundle, manifest({ file: 'figures.json', sha256: digest }))).toBeNull();
  });

  it('asks for nothing where the manifest names no figures (a bundle from before them)', async () => {
    serve(text);
    expect(await fetchPreparedFigures(bundle, manifest())).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});
