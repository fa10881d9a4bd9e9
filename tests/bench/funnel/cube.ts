/**
 * npx tsx tests/bench/funnel/cube.ts [--leads data-samples/large/1m/en/leads.csv] [--engine native|wasm] [--runs 5]
 * Imports a leads export with the app's import, builds the Funnel page's cube and reads it into
 * memory, prints its sizes and build time, then times every Funnel request answered from the
 * in-memory cube and by SQL on the raw leads table (median of --runs, after one warm-up run).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { toRows } from '../../../src/db/arrowRows';
import { openNativeDb } from '../../../src/db/nativeNode';
import { openCutWasmNodeDb } from '../../support/nodeEngine';
import type { Db } from '../../../src/db/types';
import type { LeadFilter } from '../../../src/domain/leadFilter';
import { DEFAULT_PIPELINE as pipeline } from '../../../src/domain/pipeline';
import { nodeCodec, nodeInput } from '../../../etl/nodeCodec';
import { importCsv } from '../../../src/services/importCsv';
import { answerFromCube, type FunnelRequest } from '../../../src/domain/funnelCube';
import { funnelRequestSql } from '../../../src/sql/funnel';
import { buildFunnelCube } from '../../../src/services/funnelCubes';

const { values: args } = parseArgs({
  options: {
    leads: { type: 'string', default: 'data-samples/large/1m/en/leads.csv' },
    engine: { type: 'string', default: 'native' },
    runs: { type: 'string', default: '5' },
  },
});
const db: Db = args.engine === 'wasm' ? await openCutWasmNodeDb() : await openNativeDb({ threads: 2 });
const count = async (sql: string) => Number(toRows(await db.query({ sql, params: [] }))[0]?.n);

const start = performance.now();
await importCsv(db, nodeInput(path.resolve(args.leads), 'leads'), nodeCodec);
console.log(`${db.engine}: imported ${await count('SELECT count(*) AS n FROM leads')} leads in ${Math.round(performance.now() - start)} ms`);
const built = performance.now();
const cube = await buildFunnelCube(db, pipeline);
console.log(
  `cube built and read in ${Math.round(performance.now() - built)} ms: ${cube.funnel.size} funnel cells, ` +
    `lag levels ${cube.lagLevels.map((l) => `${l.cells.size} cells/${l.bin.length} entries`).join(', ')}, ${cube.bins.length} bins`,
);
const filters: Record<string, LeadFilter> = {
  none: [],
  'whole months + reached': [
    { kind: 'created', range: { from: '2025-01-01', to: '2025-06-30' } },
    { kind: 'reached', stage: 'mql' },
  ],
  'owner + channel': [
    { kind: 'values', dimension: 'owner', values: ['Kathrin Böhme'] },
    { kind: 'values', dimension: 'channel', values: ['partner'] },
  ],
  'medium + whole months + reached': [
    { kind: 'values', dimension: 'medium', values: ['web', 'event'] },
    { kind: 'created', range: { from: '2025-01-01', to: '2025-06-30' } },
    { kind: 'reached', stage: 'mql' },
  ],
};
const runs = Number(args.runs);
const requests: Record<string, FunnelRequest> = {
  stages: { kind: 'stages' },
  split: { kind: 'split', dimension: 'owner' },
  cohorts: { kind: 'cohorts' },
  trend: { kind: 'trend', dimension: 'medium' },
  velocity: { kind: 'velocity' },
  lagHistogram: { kind: 'lagHistogram' },
};
const median = async (run: () => unknown) => {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;
};
for (const [label, filter] of Object.entries(filters)) {
  for (const engine of ['cube', 'raw '] as const) {
    const line: string[] = [];
    for (const [name, request] of Object.entries(requests)) {
      const run = engine === 'cube' ? () => answerFromCube(cube, request, filter) : () => db.query(funnelRequestSql({ pipeline, filter }, request));
      line.push(`${name} ${(await median(run)).toFixed(engine === 'cube' ? 2 : 1)}`);
    }
    console.log(`${engine} | ${label}: ${line.join(', ')} ms`);
  }
}
await db.close();
