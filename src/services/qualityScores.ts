import { toRows } from '../db/arrowRows';
import type { Db } from '../db/types';
import type { Pipeline } from '../domain/pipeline';
import { clustersFromMembers, type ClusterMemberRow, type DuplicateCluster } from '../domain/quality/duplicates';
import { RULE_COLUMNS, rulePoints, withoutAbsentColumns, type QualitySettings } from '../domain/quality/rules';
import { LEAD_FACTS } from '../sql/leadFacts';
import { quoteIdent, type SqlQuery } from '../domain/sqlQuery';
import { clusterChangesSql, clusterCountsSql, clusterGraphSql, clusterMembersSql, clusterRoundSql, clusterSeedSql, clusterTableSql } from '../sql/duplicateClusters';
import { duplicateLinksSql, keyedLeadsSql } from '../sql/duplicateKeys';
import { phonesToJudgeSql } from '../sql/phoneChecks';
import { qualityHitsSql } from '../sql/quality';
import type { PhoneCheck } from './phoneCheck';

/** The temporary tables of one scoring of the data. */
export interface QualityTables {
  /** qualityHitsSql's rows: every lead's rule hits and score. */
  readonly scores: string;
  /** duplicateLinksSql's rows. */
  readonly links: string;
  /** Every duplicated lead with its cluster's label (src/sql/duplicateClusters.ts). */
  readonly clusters: string;
  /** The (country, phone) pairs judged implausible (src/services/phoneCheck.ts). */
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
  /** Label-propagation rounds until the clusters were stable. */
  readonly rounds: number;
}

export interface QualityBuildOptions {
  readonly pipeline: Pipeline;
  readonly settings: QualitySettings;
  readonly asOf: string;
  /** Judges the phone numbers (src/services/phoneCheck.ts): in a worker in the app, here in Node. */
  readonly checkPhones: PhoneCheck;
  /** Hears how long each step took (the benchmark prints them). */
  readonly onStep?: (step: QualityStep, ms: number) => void;
}

export type QualityStep = 'columns' | 'phones' | 'keys' | 'links' | 'clusters' | 'phone check' | 'scores';

/** Rounds are 2–3 on real data (blocks are stars); a chain of many blocks would take more, never this many. */
const MAX_ROUNDS = 100;

let builds = 0;

/** The implausible numbers when the phone rule does not count. */
const NO_PHONES: SqlQuery = { sql: 'SELECT NULL::VARCHAR AS country, NULL::VARCHAR AS phone WHERE FALSE', params: [] };

const create = (name: string, select: SqlQuery | string): SqlQuery => {
  const q = typeof select === 'string' ? { sql: select, params: [] } : select;
  return { sql: `CREATE OR REPLACE TEMP TABLE ${quoteIdent(name)} AS ${q.sql}`, params: q.params };
};

/**
 * Scores every lead and finds the duplicate clusters, into temporary tables of their own (a new
 * name per build: the query cache never answers from an older build). The page's figures then read
 * the tables instead of scoring again per query. Drop them with dropQualityTables.
 */
export async function buildQualityScores(db: Db, options: QualityBuildOptions): Promise<QualityBuild> {
  const n = ++builds;
  const keys = `quality_keys_${n}`;
  const tables: QualityTables = {
    scores: `quality_scores_${n}`,
    links: `quality_links_${n}`,
    clusters: `quality_clusters_${n}`,
    implausiblePhones: `quality_implausible_phones_${n}`,
  };
  const members = `quality_members_${n}`;
  const edges = `quality_edges_${n}`;
  const labels = `quality_labels_${n}`;
  const next = `quality_labels_next_${n}`;
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
    // The phones are judged outside the engine while it finds the duplicates. They are not a
    // temporary table: the app's check streams them out on a connection of its own, which sees no
    // other connection's temporary tables.
    const phoneRule = rulePoints(settings).some(({ rule }) => rule.id === 'phone_implausible');
    if (phoneRule) await db.query({ sql: `CREATE OR REPLACE TABLE ${quoteIdent(phones)} AS ${phonesToJudgeSql()}`, params: [] });
    const implausible = phoneRule ? (await options.checkPhones(db, quoteIdent(phones))).implausible : Promise.resolve(NO_PHONES);
    implausible.catch(() => undefined);
    stepDone('phones');
    await db.query(create(keys, keyedLeadsSql()));
    stepDone('keys');
    await db.query(create(tables.links, duplicateLinksSql(keys)));
    stepDone('links');
    for (const statement of clusterGraphSql(tables.links, members, edges)) await db.query(statement);
    await db.query(clusterSeedSql(edges, labels));
    let rounds = 0;
    for (; rounds < MAX_ROUNDS; rounds++) {
      await db.query(clusterRoundSql(edges, labels, next));
      const changed = Number(toRows(await db.query(clusterChangesSql(labels, next)))[0]?.changed ?? 0);
      await db.query({ sql: `DROP TABLE ${quoteIdent(labels)}`, params: [] });
      await db.query({ sql: `ALTER TABLE ${quoteIdent(next)} RENAME TO ${quoteIdent(labels)}`, params: [] });
      if (changed === 0) break;
    }
    await db.query(clusterTableSql(members, labels, tables.clusters));
    stepDone('clusters');
    const implausibleNumbers = await implausible;
    stepDone('phone check');
    await db.query(create(tables.implausiblePhones, implausibleNumbers));
    const inputs = { links: quoteIdent(tables.links), implausiblePhones: quoteIdent(tables.implausiblePhones) };
    await db.query(create(tables.scores, qualityHitsSql(options.pipeline, settings, options.asOf, inputs)));
    const clustered = toRows(await db.query(clusterCountsSql(tables.clusters)))[0];
    stepDone('scores');
    return { tables, settings, absentColumns, clusterCount: Number(clustered?.clusters ?? 0), clusteredLeads: Number(clustered?.entries ?? 0), rounds: rounds + 1 };
  } catch (error) {
    await dropQualityTables(db, tables);
    throw error;
  } finally {
    for (const table of [keys, members, edges, labels, next, phones]) await db.query({ sql: `DROP TABLE IF EXISTS ${quoteIdent(table)}`, params: [] }).catch(() => undefined);
  }
}

export async function dropQualityTables(db: Db, tables: QualityTables): Promise<void> {
  for (const name of Object.values(tables)) await db.query({ sql: `DROP TABLE IF EXISTS ${quoteIdent(name)}`, params: [] }).catch(() => undefined);
}

/** The `limit` largest duplicate clusters, each with the entry to keep first. */
export async function largestClusters(db: Db, tables: QualityTables, limit: number): Promise<DuplicateCluster[]> {
  const rows = toRows(await db.query(clusterMembersSql(tables.links, tables.clusters, limit))).map((r) => ({
    ...r,
    matches: String(r.matches ?? '').split(',').filter(Boolean),
  })) as unknown as ClusterMemberRow[];
  return clustersFromMembers(rows);
}
