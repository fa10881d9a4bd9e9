import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBundleManifest } from '../../../src/domain/bundleManifest';
import { DEFAULT_PIPELINE } from '../../../src/domain/pipeline';
import { parsePreparedFigures } from '../../../src/domain/preparedFigures';

/** A figures file as the ETL writes it (the shape of funnelKpisSql and the other default-view queries). */
const kpiRow = { leads: 10, reached_1: 6, reached_2: 4, reached_3: 3, reached_4: 2, lost: 1, revenue: 1234.5, won_unpriced: 0, currencies: 1, currency: 'EUR' };
const stagesRow = {
  leads: 10,
  reached_1: 6,
  reached_2: 4,
  reached_3: 3,
  reached_4: 2,
  ...Object.fromEntries(DEFAULT_PIPELINE.terminal.flatMap((_, t) => DEFAULT_PIPELINE.stages.map((_, i) => [`ended_${t}_at_${i}`, 0]))),
};
const valid = {
  kind: 'leadloop-figures',
  version: 1,
  stages: [...DEFAULT_PIPELINE.stages],
  rows: {
    overviewKpis: [kpiRow],
    overviewByMedium: [{ medium: 'web', ...kpiRow }, { medium: null, ...kpiRow, revenue: null, currencies: 0, currency: null }],
    overviewMonths: [{ month: '2026-01', medium: 'web', leads: 10 }],
    dateCoverage: [{ leads: 10, dated: 9 }],
    funnelStages: [stagesRow],
  },
};
const clone = (): typeof valid => structuredClone(valid);

describe('the figures file of a bundle or stored copy', () => {
  it('reads a file as the ETL writes it, rows unchanged', () => {
    expect(parsePreparedFigures(clone(), DEFAULT_PIPELINE)?.rows).toEqual(valid.rows);
  });

  it('reads the figures the sample bundle carries', () => {
    const file = path.resolve(import.meta.dirname, '../../../public/sample/figures.json');
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return expect.fail('public/sample/figures.json missing: run npm run sample-bundle');
    }
    expect(parsePreparedFigures(json, DEFAULT_PIPELINE)?.rows.overviewKpis[0]?.leads).toBe(20_000);
  });

  const damaged: [string, (f: ReturnType<typeof clone>) => unknown][] = [
    ['not an object', () => 'figures'],
    ['another kind', (f) => ({ ...f, kind: 'something-else' })],
    ['another version (older or newer)', (f) => ({ ...f, version: 2 })],
    ['no version', (f) => ({ ...f, version: undefined })],
    ['another pipeline', (f) => ({ ...f, stages: ['lead', 'won'] })],
    ['a section missing', (f) => ({ ...f, rows: { ...f.rows, funnelStages: undefined } })],
    ['no rows', (f) => ({ ...f, rows: null })],
    ['a total with two rows', (f) => ({ ...f, rows: { ...f.rows, overviewKpis: [kpiRow, kpiRow] } })],
    ['a total with no row', (f) => ({ ...f, rows: { ...f.rows, dateCoverage: [] } })],
    ['a count missing', (f) => ({ ...f, rows: { ...f.rows, overviewKpis: [{ ...kpiRow, reached_4: undefined }] } })],
    ['a count as text', (f) => ({ ...f, rows: { ...f.rows, overviewKpis: [{ ...kpiRow, leads: '10' }] } })],
    ['a negative count', (f) => ({ ...f, rows: { ...f.rows, overviewMonths: [{ month: '2026-01', medium: 'web', leads: -1 }] } })],
    ['a fractional count', (f) => ({ ...f, rows: { ...f.rows, funnelStages: [{ ...stagesRow, reached_2: 3.5 }] } })],
    ['an ended count missing', (f) => ({ ...f, rows: { ...f.rows, funnelStages: [{ ...stagesRow, ended_0_at_1: undefined }] } })],
    ['a cell that is an object', (f) => ({ ...f, rows: { ...f.rows, overviewByMedium: [{ ...kpiRow, medium: { html: '<b>' } }] } })],
    ['a row that is a list', (f) => ({ ...f, rows: { ...f.rows, overviewMonths: [['2026-01', 'web', 10]] } })],
  ];
  it.each(damaged)('ignores a file with %s: never painted', (_, damage) => {
    expect(parsePreparedFigures(damage(clone()), DEFAULT_PIPELINE)).toBeNull();
  });
});

describe('the manifest’s figures entry', () => {
  const base = {
    schemaVersion: 1,
    createdAt: '2026-12-03T10:00:00.000Z',
    tables: { leads: { file: 'leads.parquet', rows: 90, bytes: 10, sha256: 'a'.repeat(64) } },
    sources: [],
  };
  it('is read where usable; a bundle written before figures has none and still opens', () => {
    expect(parseBundleManifest({ ...base, figures: { file: 'figures.json', sha256: 'c'.repeat(64) } }).figures).toEqual({ file: 'figures.json', sha256: 'c'.repeat(64) });
    expect(parseBundleManifest(base).figures).toBeUndefined();
  });

  it.each([
    { file: '../elsewhere.json', sha256: 'c'.repeat(64) },
    { file: 'https://example.com/figures.json', sha256: 'c'.repeat(64) },
    { file: 'figures.json' },
    { file: 'figures.json', sha256: 'not-a-digest' },
    'figures.json',
  ])('ignores an unusable entry (the bundle opens, without figures): %j', (figures) => {
    expect(parseBundleManifest({ ...base, figures }).figures).toBeUndefined();
  });
});
