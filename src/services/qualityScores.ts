import { toRows } from '../db/arrowRows';
import type { Db } from '../db/types';
import type { Pipeline } from '../domain/pipeline';
import { matchKindsOf } from '../domain/quality/duplicateScan';
import { clustersFromMembers, type ClusterMemberRow, type DuplicateCluster } from '../domain/quality/duplicates';
import { RULE_COLUMNS, rulePoints, withoutAbsentColumns, type QualitySettings } from '../domain/quality/rules';
import { LEAD_FACTS } from '../sql/leadFacts';
import { quoteIdent, type SqlQuery } from '../domain/sqlQuery';
import { clusterMembersSql } from '../sql/duplicateClusters';
import { NO_DUPLICATES } from '../sql/duplicateInput';
import { NO_IMPLAUSIBLE_PHONES, phonesToJudgeSql } from '../sql/phoneChecks';
import { judgedOutsideSql, qualityHitsSql } from '../sql/quality';
import { storeDuplicateScan, storeImplausiblePhones, type DuplicateScanner } from './duplicateScan';
import type { PhoneCheck } from './phoneCheck';

/** The tables of one scoring of the data. */
export interface QualityTables {
  /** qualityHitsSql's rows: every lead's rule hits and score. */
  readonly scores: string;
  /** The duplicate scan's rows: every lead in a cluster (src/sql/duplicateInput.ts's DUPLICATE_COLUMNS). */
  readonly duplicates: string;
  /** The (country, phone) pairs judged implausible (by the duplicate scan's worker in the app, src/services/phoneCheck.ts in Node). */
  readonly implausiblePhones: string;
}

export interface QualityBuild {
  readonly tables: QualityTables;
  /** The settings the leads were scored by: the given ones without the rules on columns the data lacks. */
  readonly settings: QualitySettings;
  /** The rules' columns without a single value in the data (their rules left out). */
  readonly absentColumns: readonly string[];
  readonly clusterCount: number;
  /** Leads in a cluster. */
  readonly clusteredLeads: number;
}

export interface QualityBuildOptions {
  readonly pipeline: Pipeline;
  readonly settings: QualitySettings;
  readonly asOf: string;
  /**
   * Judges the phone numbers from shapes made in SQL (src/services/phoneCheck.ts), for native
   * DuckDB, whose hand-over of every number is slow. Absent: `scanDuplicates` judges them from the
   * rows it reads anyway (the app, in its worker).
   */
  readonly checkPhones?: PhoneCheck;
  /** Finds the duplicates (src/services/duplicateScan.ts): in a worker in the app, here in Node. */
  readonly scanDuplicates: DuplicateScanner;
  /** Hears how long each step took (the benchmark prints them). */
  readonly onStep?: (step: QualityStep, ms: number) => void;
}

/** The steps: the engine reads what the phone check and the duplicate scan need, scores the other rules, then waits for them and applies theirs. */
export type QualityStep = 'columns' | 'phones' | 'duplicates' | 'scores' | 'wait' | 'judged';

let builds = 0;

const create = (name: string, select: SqlQuery | string): SqlQuery => {
  const q = typeof select === 'string' ? { sql: select, params: [] } : select;
  return { sql: `CREATE OR REPLACE TEMP TABLE ${quoteIdent(name)} AS ${q.sql}`, params: q.params };
};

/**
 * Scores every lead and finds the duplicate clusters, into tables of their own (a new name per
 * build: the query cache never answers from an older build). The page's figures then read the
 * tables instead of scoring again per query. Drop them with dropQualityTables.
 *
 * The duplicates and the phones are judged outside the engine, on another core in the app: the
 * engine hands them their columns first, scores the other rules meanwhile, and then applies the two
 * rules to the leads that fail them (judgedOutsideSql).
 */
export async function buildQualityScores(db: Db, options: QualityBuildOptions): Promise<QualityBuild> {
  const n = ++builds;
  const tables: QualityTables = {
    scores: `quality_scores_${n}`,
    // Not temporary: the scan's rows come in through Arrow (a table of the main schema).
    duplicates: `quality_duplicates_${n}`,
    implausiblePhones: `quality_implausible_phones_${n}`,
  };
  const phones = `quality_phones_${n}`;
  const columns = [...new Set(Object.values(RULE_COLUMNS))];
  let stepStart = performance.now();
  const stepDone = (step: QualityStep) => {
    const now = performance.now();
    options.onStep?.(step, now - stepStart);
    stepStart = now;
  };
  const counts = toRows(await db.query({ sql: `SELECT ${columns.map((c) => `count(${quoteIdent(c)})::BIGINT AS ${quoteIdent(c)}`).join(', ')} FROM ${LEAD_FACTS}`, params: [] }))[0] ?? {};
  const absentColumns = columns.filter((c) => Number(counts[c] ?? 0) === 0);
  const settings = withoutAbsentColumns(options.settings, absentColumns);
  stepDone('columns');
  try {
    const phoneRule = rulePoints(settings).some(({ rule }) => rule.id === 'phone_implausible');
    const phonesInScan = phoneRule && !options.checkPhones;
    let implausible = Promise.resolve<SqlQuery>({ sql: NO_IMPLAUSIBLE_PHONES, params: [] });
    if (phoneRule && options.checkPhones) {
      await db.query(create(phones, phonesToJudgeSql()));
      implausible = (await options.checkPhones(db, quoteIdent(phones))).implausible;
      implausible.catch(() => undefined);
    }
    stepDone('phones');
    const { scan } = await options.scanDuplicates(db, { judgePhones: phonesInScan });
    scan.catch(() => undefined);
    stepDone('duplicates');
    const pending = { duplicates: NO_DUPLICATES, implausiblePhones: `(${NO_IMPLAUSIBLE_PHONES})` };
    await db.query(create(tables.scores, qualityHitsSql(options.pipeline, settings, options.asOf, pending)));
    stepDone('scores');
    const [scanned, implausibleNumbers] = await Promise.all([scan, implausible]);
    stepDone('wait');
    await storeDuplicateScan(db, tables.duplicates, scanned);
    if (scanned.implausiblePhones) await storeImplausiblePhones(db, tables.implausiblePhones, scanned.implausiblePhones);
    else await db.query(create(tables.implausiblePhones, implausibleNumbers));
    const judged = { duplicates: quoteIdent(tables.duplicates), implausiblePhones: quoteIdent(tables.implausiblePhones) };
    for (const statement of judgedOutsideSql(settings, tables.scores, judged)) await db.query(statement);
    stepDone('judged');
    return { tables, settings, absentColumns, clusterCount: scanned.clusters, clusteredLeads: scanned.clusteredLeads };
  } catch (error) {
    await dropQualityTables(db, tables);
    throw error;
  } finally {
    await db.query({ sql: `DROP TABLE IF EXISTS ${quoteIdent(phones)}`, params: [] }).catch(() => undefined);
  }
}

export async function dropQualityTables(db: Db, tables: QualityTables): Promise<void> {
  for (const name of Object.values(tables)) await db.query({ sql: `DROP TABLE IF EXISTS ${quoteIdent(name)}`, params: [] }).catch(() => undefined);
}

/** The `limit` largest duplicate clusters, each with the entry to keep first. */
export async function largestClusters(db: Db, tables: QualityTables, limit: number): Promise<DuplicateCluster[]> {
  const rows = toRows(await db.query(clusterMembersSql(tables.duplicates, limit))).map((r) => ({
    ...r,
    matches: matchKindsOf(Number(r.matches)),
  })) as unknown as ClusterMemberRow[];
  return clustersFromMembers(rows);
}
