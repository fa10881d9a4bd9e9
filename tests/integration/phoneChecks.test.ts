import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toRows } from '../../src/db/arrowRows';
import type { Db } from '../../src/db/types';
import { isPlausiblePhone, phoneShape } from '../../src/domain/quality/phonePlausibility';
import { scanDuplicatesHere, storeImplausiblePhones } from '../../src/services/duplicateScan';
import { phoneShapeSql } from '../../src/sql/phoneChecks';
import { DEFAULT_PLACEHOLDERS } from '../../src/ingest/placeholders';
import { judgedOutside } from './helpers/quality';
import { inFileOrder } from './helpers/rows';
import { DEFAULT_PIPELINE } from '../../src/domain/pipeline';
import { DEFAULT_QUALITY_SETTINGS } from '../../src/domain/quality/rules';
import { checkPhonesHere } from '../../src/services/phoneCheck';
import { buildQualityScores, dropQualityTables, type QualityBuild } from '../../src/services/qualityScores';
import { ENGINES, loadEnglish, REPO } from './helpers/engines';

/** Numbers in every form the check must survive: separators, letters, extensions, too few digits, other scripts' digits. */
const ODD_PHONES = [
  '+49 (0)711 230571', '0711/23-05', '12345', '123456', '1234567', 'folgt', '+41 44 668 18 00', 'Tel. 089-1234567 ext. 12',
  '０７１１ ２３０５７１', '0711 23O571', '  +43 1 234 5678 ', '(030) 1234-5678 / 99', '٠٧١١٢٣٠٥٧١', '+1-202-555-0143',
  '0711 230571', '0711 23057', '+44 20 7946 0958', '+44 20 7946 095',
];
const COUNTRIES = ['DE', 'CH', 'AT', 'GB', null] as const;

/** What the import reads as empty ("n/a"): trimmed, in any case. */
const blank = (cell: string) => DEFAULT_PLACEHOLDERS.some((p) => p.toLowerCase() === cell.trim().toLowerCase());

/** The file's (country, phone) pairs the library itself finds implausible, number by number: the independent answer. */
function implausibleInFile(file: string): string[] {
  const rows = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
  const pairs = rows.flatMap((r) => {
    const phone = blank(r.Phone ?? '') ? '' : (r.Phone ?? '').trim();
    const country = blank(r.Country ?? '') ? null : (r.Country ?? '').trim() || null;
    return phone && !isPlausiblePhone(phone, country) ? [`${country ?? ''}|${phone}`] : [];
  });
  return [...new Set(pairs)].sort();
}

/** The browser's way (src/ui/pages/quality/duplicateScan.ts without its worker): every number read with the duplicate scan's rows, the shapes made on its bytes. */
async function judgedInScan(db: Db): Promise<string> {
  const { implausiblePhones } = await (await scanDuplicatesHere(db, { judgePhones: true })).scan;
  if (!implausiblePhones) throw new Error('the scan did not judge the phones');
  await storeImplausiblePhones(db, 'scan_implausible', implausiblePhones);
  return 'scan_implausible';
}

/** Node's way (checkPhonesHere): the shapes made in SQL. */
const judgedInSql = async (db: Db) => (await judgedOutside(db)).implausiblePhones!;

describe.each(ENGINES)('the phone check on $name', ({ open }) => {
  const judged = async (db: Db) => {
    const inSql = await judgedInSql(db);
    const rows = async (table: string) =>
      toRows(await db.query({ sql: `SELECT country, phone FROM ${table}`, params: [] }))
        .map((r) => `${r.country ?? ''}|${String(r.phone)}`)
        .sort();
    const bySql = await rows(inSql);
    // Both ways give the same numbers.
    expect(await rows(await judgedInScan(db))).toEqual(bySql);
    return bySql;
  };
  const shapesDiffering = async (db: Db) =>
    toRows(await db.query({ sql: `SELECT DISTINCT phone, ${phoneShapeSql('phone')} AS shape FROM test_phones`, params: [] })).filter(
      (r) => r.shape !== phoneShape(String(r.phone)),
    );

  it('finds the implausible numbers the library finds judging each number itself, odd ones in every country', async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'leadloop-phones-'));
    const db = await open();
    try {
      const file = path.join(scratch, 'odd-phones.csv');
      const lines = ODD_PHONES.flatMap((phone, i) => COUNTRIES.map((country, c) => `P${i}-${c},2025-06-01,Website,Acme GmbH,"${phone}",${country ?? ''},Open`));
      writeFileSync(file, ['Lead ID,Created Date,Lead Source,Company,Phone,Country,Lead Status', ...lines].join('\n'));
      await loadEnglish(db, { leads: path.relative(REPO, file) });
      const expected = implausibleInFile(file);
      expect(expected.length).toBeGreaterThan(20);
      expect(await judged(db)).toEqual(expected);
      // Stored trimmed, as the import does; the SQL shapes are phoneShape's.
      expect(await shapesDiffering(db)).toEqual([]);
    } finally {
      await db.close();
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it("finds the sample's implausible numbers as the library does, number by number", async () => {
    const db = await open();
    try {
      await loadEnglish(db, { leads: 'data-samples/en/leads.csv' });
      const expected = implausibleInFile(path.join(REPO, 'data-samples/en/leads.csv'));
      expect(expected.length).toBeGreaterThan(50);
      expect(await judged(db)).toEqual(expected);
      expect(await shapesDiffering(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('scores the sample alike with the phones judged by the duplicate scan (the app) or from the shapes in SQL (Node)', async () => {
    const db = await open();
    try {
      await loadEnglish(db, { leads: 'data-samples/en/leads.csv' });
      const options = { pipeline: DEFAULT_PIPELINE, settings: DEFAULT_QUALITY_SETTINGS, asOf: '2025-06-30', scanDuplicates: scanDuplicatesHere };
      const scores = async (build: QualityBuild) => {
        const rows = inFileOrder(toRows(await db.query({ sql: `SELECT * FROM ${build.tables.scores}`, params: [] })));
        await dropQualityTables(db, build.tables);
        return rows;
      };
      const inScan = await scores(await buildQualityScores(db, options));
      const bySql = await scores(await buildQualityScores(db, { ...options, checkPhones: checkPhonesHere }));
      expect(inScan.filter((r) => r.phone_implausible === true).length).toBeGreaterThan(50);
      expect(inScan).toEqual(bySql);
    } finally {
      await db.close();
    }
  });
});
