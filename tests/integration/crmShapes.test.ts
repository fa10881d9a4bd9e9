import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeCodec, nodeInput } from '../../etl/nodeCodec';
import { runEtl } from '../../etl/run';
import type { Db } from '../../src/db/types';
import { DEFAULT_PIPELINE } from '../../src/domain/pipeline';
import type { TableKind } from '../../src/domain/schema';
import { importCsv } from '../../src/services/importCsv';
import { leadFigures, type LeadFigures } from '../../src/services/leadFigures';
import { importLookup } from '../../src/services/lookups';
import { toRows } from '../../src/db/arrowRows';
import { extraDimension } from '../../src/domain/leadFilter';
import { trendSql } from '../../src/sql/funnel';
import { CRM_DIR, CRM_MAPPING, EXPECTED_CRM, type CrmFigures, type CrmShape } from '../support/crmExpected';
import { ENGINES } from './helpers/engines';

/**
 * Real CRM export shapes (data-samples/crm): leads plus a closed-deals export, a lead export with a
 * 0/1 flag and no dates, an opportunities export with lookups. The ETL's report.json figures and
 * the browser's import of the same files must equal the figures tests/support/crmExpected.ts
 * computes from the CSV with PapaParse, none of the app's code.
 */
const SHAPES = Object.keys(CRM_MAPPING) as CrmShape[];

type Entry = { kind: TableKind | 'lookup'; columns?: Record<string, string>; constants?: Record<string, string>; values?: Record<string, Record<string, string>>; placeholders?: readonly string[]; currency?: string; key?: Record<string, string> };

/** What the app's figures must show of a shape: the expectation's figures, its `by` dimensions only. */
function comparable(figures: LeadFigures | CrmFigures, dimensions: readonly string[]) {
  const round = (value: number | null) => (value === null ? null : Math.round(value * 1e9) / 1e9);
  return {
    leads: figures.leads,
    won: figures.won,
    lost: figures.lost,
    leadToWon: round(figures.leadToWon),
    winRate: round(figures.winRate),
    revenue: figures.revenue,
    medianDaysToWon: figures.medianDaysToWon,
    by: Object.fromEntries(dimensions.map((d) => [d, (figures.by[d] ?? []).map(({ value, leads, won, lost, revenue }) => ({ value, leads, won, lost, revenue }))])),
  };
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'leadloop-crm-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(SHAPES)('the %s export shape', (shape) => {
  const dir = path.join(CRM_DIR, shape);
  const mapping = CRM_MAPPING[shape] as unknown as Record<string, Entry>;
  const expected = EXPECTED_CRM[shape]();
  const dimensions = Object.keys(expected.by);

  it('through the ETL: report.json figures equal the independent computation', async () => {
    const mappingFile = path.join(scratch, `${shape}.json`);
    writeFileSync(mappingFile, JSON.stringify(mapping));
    const { report, manifest } = await runEtl({ inputs: [dir], outDir: path.join(scratch, `${shape}-bundle`), mappingFile });
    expect(report.figures).not.toBeNull();
    expect(comparable(report.figures!, dimensions)).toEqual(comparable(expected, dimensions));
    const currency = Object.values(mapping).find((e) => e.currency)?.currency ?? null;
    expect(report.figures!.currency).toBe(expected.revenue === null ? null : currency);
    const lookupFiles = Object.entries(mapping).filter(([, e]) => e.kind === 'lookup').map(([file]) => file);
    expect((manifest.lookups ?? []).map((l) => l.sources[0]).sort()).toEqual(lookupFiles.sort());
  });

  describe.each(ENGINES)('imported as the Import page does, on $name', ({ open }) => {
    let db: Db;
    beforeAll(async () => {
      db = await open();
      const entries = Object.entries(mapping);
      for (const [file, entry] of entries.filter(([, e]) => e.kind !== 'lookup')) {
        const input = nodeInput(path.join(dir, file), entry.kind as TableKind);
        await importCsv(
          db,
          {
            ...input,
            ...(entry.columns ? { mapping: entry.columns } : {}),
            ...(entry.constants ? { constants: entry.constants } : {}),
            ...(entry.placeholders ? { placeholders: entry.placeholders } : {}),
            ...(entry.currency ? { currency: entry.currency } : {}),
          },
          nodeCodec,
          entry.values ? { values: entry.values } : {},
        );
      }
      for (const [file, entry] of entries.filter(([, e]) => e.kind === 'lookup')) {
        const [leadColumn, column] = Object.entries(entry.key!)[0]!;
        await importLookup(db, nodeInput(path.join(dir, file)), nodeCodec, { leadColumn, column });
      }
    });
    afterAll(() => db.close());

    it('gives the figures of the independent computation', async () => {
      expect(comparable(await leadFigures(db, DEFAULT_PIPELINE), dimensions)).toEqual(comparable(expected, dimensions));
    });

    it('splits the trend by each extra or lookup column into real months, leads without a date in one NULL month per value', async () => {
      const extras = dimensions.filter((d) => !['medium', 'source', 'owner', 'sales_unit'].includes(d));
      for (const dimension of extras) {
        const rows = toRows(await db.query(trendSql({ pipeline: DEFAULT_PIPELINE, filter: [] }, extraDimension(dimension))));
        expect(rows.every((r) => r.month === null || /^\d{4}-\d{2}$/.test(String(r.month))), dimension).toBe(true);
        const keys = rows.map((r) => `${String(r.month)}|${String(r.value)}`);
        expect(new Set(keys).size, dimension).toBe(keys.length);
        expect(rows.reduce((sum, r) => sum + Number(r.leads), 0), dimension).toBe(expected.leads);
      }
    });
  });
});
