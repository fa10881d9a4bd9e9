/**
 * npx tsx tests/bench/funnel/cube.ts [--leads data-samples/large/1m/en/leads.csv] [--engine native|wasm] [--runs 5]
 * Imports a leads export with the app's import, builds the funnel cubes and prints their row counts
 * and build times, then times every Funnel builder on the cubes and on the raw leads table
 * (median of --runs, after one warm-up run).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { toRows } from '../../../src/db/arrowRows';
import { openNativeDb } from '../../../src/db/nativeNode';
import { openWasmNodeDb } from '../../../src/db/wasmNode';
import type { Db } from '../../../src/db/types';
import type { LeadFilter } from '../../../src/domain/leadFilter';
import { DEFAULT_PIPELINE as pipeline } from '../../../src/domain/pipeline';
import type { SqlQuery } from '../../../src/domain/sqlQuery';
import { nodeCodec, nodeInput } from '../../../etl/nodeCodec';
import { importCsv } from '../../../src/services/importCsv';
import { cohortSql, funnelStagesSql, lagHistogramSql, splitFunnelSql, trendSql, velocitySql, type FunnelQueryOptions } from '../../../src/sql/funnel';
import { createFunnelCubeSql, createLagCubeSql, createLagMonthsSql } from '../../../src/sql/funnelCube';

const { values: args } = parseArgs({
  options: {
    leads: { type: 'string', default: 'data-samples/large/1m/en/leads.csv' },
    engine: { type: 'string', default: 'native' },
    runs: { type: 'string', default: '5' },
  },
});
const db: Db = args.engine === 'wasm' ? await openWasmNodeDb() : await openNativeDb({ threads: 2 });
const time = async (query: SqlQuery) => {
  const start = performance.now();
  await db.query(query);
  return performance.now() - start;
};
const count = async (sql: string) => Number(toRows(await db.query({ sql, params: [] }))[0]?.n);

const start = performance.now();
await importCsv(db, nodeInput(path.resolve(args.leads), 'leads'), nodeCodec);
console.log(`${db.engine}: imported ${await count('SELECT count(*) AS n FROM leads')} leads in ${Math.round(performance.now() - start)} ms`);
for (const [name, query] of [['_funnel_cube', createFunnelCubeSql(pipeline)], ['_funnel_lag_cube', createLagCubeSql(pipeline)], ['_funnel_lag_months', createLagMonthsSql()]] as const) {
  const ms = await time(query);
  console.log(`${name}: ${await count(`SELECT count(*) AS n FROM ${name}`)} rows, built in ${Math.round(ms)} ms`);
}
const filters: Record<string, LeadFilter> = {
  none: [],
  'whole months + reached': [
    { kind: 'created', range: { from: '2025-01-01', to: '2025-06-30' } },
    { kind: 'reached', stage: 'mql' },
  ],
  'medium + whole months + reached': [
    { kind: 'values', dimension: 'medium', values: ['web', 'event'] },
    { kind: 'created', range: { from: '2025-01-01', to: '2025-06-30' } },
    { kind: 'reached', stage: 'mql' },
  ],
};
const runs = Number(args.runs);
for (const [label, filter] of Object.entries(filters)) {
  for (const useCube of [true, false]) {
    const o: FunnelQueryOptions = { pipeline, filter, useCube };
    const builders: Record<string, SqlQuery> = {
      stages: funnelStagesSql(o),
      split: splitFunnelSql(o, 'owner'),
      cohorts: cohortSql(o),
      trend: trendSql(o, 'medium'),
      velocity: velocitySql(o),
      lagHistogram: lagHistogramSql(o),
    };
    const line: string[] = [];
    for (const [name, query] of Object.entries(builders)) {
      await time(query);
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) ms.push(await time(query));
      ms.sort((a, b) => a - b);
      line.push(`${name} ${ms[Math.floor(ms.length / 2)]!.toFixed(1)}`);
    }
    console.log(`${useCube ? 'cube' : 'raw '} | ${label}: ${line.join(', ')} ms`);
  }
}
await db.close();
