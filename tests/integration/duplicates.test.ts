import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows } from '../../src/db/arrowRows';
import type { Db } from '../../src/db/types';
import { DEFAULT_PIPELINE } from '../../src/domain/pipeline';
import { clusterPairs } from '../../src/domain/quality/duplicates';
import { DEFAULT_QUALITY_SETTINGS } from '../../src/domain/quality/rules';
import { clusterLeadIdsSql } from '../../src/sql/duplicateClusters';
import { qualityHitsSql } from '../../src/sql/quality';
import { scanDuplicatesHere } from '../../src/services/duplicateScan';
import { checkPhonesHere } from '../../src/services/phoneCheck';
import { buildQualityScores, dropQualityTables, largestClusters } from '../../src/services/qualityScores';
import { ENGINES, loadEnglish, REPO } from './helpers/engines';
import { judgedOutside } from './helpers/quality';
import { inFileOrder } from './helpers/rows';

const OPTIONS = { pipeline: DEFAULT_PIPELINE, settings: DEFAULT_QUALITY_SETTINGS, asOf: '2025-06-30', checkPhones: checkPhonesHere, scanDuplicates: scanDuplicatesHere };

/** Every cluster the build finds, as lists of lead ids. */
async function allClusters(db: Db): Promise<{ members: { lead_id: string }[] }[]> {
  const build = await buildQualityScores(db, OPTIONS);
  try {
    const byCluster = new Map<string, { lead_id: string }[]>();
    for (const row of toRows(await db.query(clusterLeadIdsSql(build.tables.duplicates)))) {
      const key = String(row.cluster);
      byCluster.set(key, [...(byCluster.get(key) ?? []), { lead_id: String(row.lead_id) }]);
    }
    return [...byCluster.values()].map((members) => ({ members }));
  } finally {
    await dropQualityTables(db, build.tables);
  }
}
const ids = (members: readonly { lead_id: string }[]) => members.map((m) => m.lead_id);

/**
 * tests/integration/fixtures/quality-duplicates.csv: Jürgen Weiß of Müller GmbH four times (the
 * e-mail in another case; "MÜLLER G.m.b.H." and "Weiß, Jürgen" without e-mail; the company and name
 * decomposed, NFD), Paul Roth of Schmidt AG twice (only the phone in common, written two ways), Eva
 * Lang of "Becker & Söhne KG" and "Becker und Soehne". Not duplicates: a colleague at Müller GmbH,
 * an Anna Schmidt at another company, an Eva Lang at another company, two colleagues at Weber KG
 * whose numbers end in the same seven digits, one with a zero more (0123456, 00123456).
 */
describe.each(ENGINES)('duplicate leads on $name', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
    await loadEnglish(db, { leads: 'tests/integration/fixtures/quality-duplicates.csv' });
  });
  afterAll(() => db.close());

  it('cluster the entries of one person across spellings, and only them', async () => {
    const build = await buildQualityScores(db, OPTIONS);
    const clusters = await largestClusters(db, build.tables, 10);
    expect([build.clusterCount, build.clusteredLeads]).toEqual([3, 8]);
    await dropQualityTables(db, build.tables);
    expect(clusters.map((c) => ids(c.members))).toEqual([
      ['D1', 'D2', 'D3', 'D4'],
      ['D8', 'D7'],
      ['D9', 'D10'],
    ]);
    expect(clusters.map((c) => c.matches)).toEqual([['email', 'person', 'phone'], ['phone'], ['person']]);
    // D8 has an e-mail as well; D9 and D10 are as complete as each other, so the first stays.
    expect(clusters.map((c) => c.survivorReason)).toEqual(['most_complete', 'most_complete', 'oldest']);
  });

  it('take points from every later entry of a person, not from the first, scored at once or from the build', async () => {
    const rows = inFileOrder(toRows(await db.query(qualityHitsSql(DEFAULT_PIPELINE, DEFAULT_QUALITY_SETTINGS, '2025-06-30', await judgedOutside(db)))));
    expect(rows.filter((r) => r.duplicate === true).map((r) => r.lead_id)).toEqual(['D2', 'D3', 'D4', 'D8', 'D10']);
    const build = await buildQualityScores(db, OPTIONS);
    // The file has no first contact dates and no amounts: the rules on them would fail every lead, and are left out.
    expect(build.absentColumns).toEqual(['amount', 'first_contact_at']);
    expect(Object.keys(rows[0]!)).toContain('never_contacted');
    const built = inFileOrder(toRows(await db.query({ sql: `SELECT * FROM ${build.tables.scores}`, params: [] })));
    expect(Object.keys(built[0]!)).not.toContain('never_contacted');
    expect(Object.keys(built[0]!)).not.toContain('won_without_amount');
    expect(built).toEqual(inFileOrder(toRows(await db.query(qualityHitsSql(DEFAULT_PIPELINE, build.settings, '2025-06-30', await judgedOutside(db))))));
    expect(built.filter((r) => r.duplicate === true).map((r) => r.lead_id)).toEqual(['D2', 'D3', 'D4', 'D8', 'D10']);
    await dropQualityTables(db, build.tables);
  });
});

/**
 * The sample generator records every duplicate it plants (data-samples/planted-duplicates.csv: the
 * copy and the lead it repeats). Precision and recall over pairs of leads: a planted pair is two
 * entries of one person (a lead and its copy, or two copies of one lead).
 */
describe.each(ENGINES)('duplicates found in the sample against the planted ones, on $name', ({ open }) => {
  it('find them with precision ≥ 0.95 and recall ≥ 0.90', async () => {
    const db = await open();
    try {
      await loadEnglish(db, { leads: 'data-samples/en/leads.csv' });
      const found = clusterPairs(await allClusters(db));
      const planted = readFileSync(path.join(REPO, 'data-samples/planted-duplicates.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(','));
      const people = new Map<string, string[]>();
      for (const [copy, original] of planted) people.set(original!, [...(people.get(original!) ?? [original!]), copy!]);
      const truth = clusterPairs([...people.values()].map((leads) => ({ members: leads.map((lead_id) => ({ lead_id })) })));
      const hits = [...found].filter((pair) => truth.has(pair)).length;
      const precision = hits / found.size;
      const recall = hits / truth.size;
      const byKind = ['exact', 'email-case', 'company-variant'].map((kind) => {
        const pairs = planted.filter((p) => p[2] === kind).map(([copy, original]) => [copy!, original!].sort().join(' '));
        return `${kind} ${pairs.filter((p) => found.has(p)).length}/${pairs.length}`;
      });
      console.log(`duplicates on the sample: ${truth.size} planted pairs, ${found.size} found, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (copy found with its original: ${byKind.join(', ')})`);
      expect(precision).toBeGreaterThanOrEqual(0.95);
      expect(recall).toBeGreaterThanOrEqual(0.9);
    } finally {
      await db.close();
    }
  });
});
