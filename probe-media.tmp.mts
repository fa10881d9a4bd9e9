import path from 'node:path';
import { openWasmNodeDb } from './src/db/wasmNode';
import { nodeCodec, nodeInput } from './etl/nodeCodec';
import { importCsv } from './src/services/importCsv';
import { DEFAULT_PIPELINE } from './src/domain/pipeline';
import { campaignFiguresSql, mediaFiguresSql, mediaMonthlySql } from './src/sql/media';
import { attributionSql } from './src/sql/attribution';
const db = await openWasmNodeDb();
const dir = process.argv[2]!;
let t = Date.now();
for (const kind of ['leads', 'campaigns', 'touches'] as const) await importCsv(db, nodeInput(path.join(dir, `${kind}.csv`), kind), nodeCodec);
console.log('import', Date.now() - t);
const p = DEFAULT_PIPELINE;
const filters = [[], [{ kind: 'values', dimension: 'channel', values: ['partner'] }], [{ kind: 'values', dimension: 'owner', values: ['x'] }]] as any[];
for (const filter of filters) {
  for (const [name, q] of [
    ['media', mediaFiguresSql({ pipeline: p, groupBy: 'medium', filter, campaigns: true })],
    ['media-nocost', mediaFiguresSql({ pipeline: p, groupBy: 'medium', filter, campaigns: false })],
    ['campaigns', campaignFiguresSql({ pipeline: p, filter, campaigns: true })],
    ['monthly', mediaMonthlySql({ pipeline: p, filter, campaigns: true })],
    ['attribution', attributionSql({ pipeline: p, filter, by: 'medium', touches: true, campaigns: true } as any)],
  ] as const) {
    const times = [];
    for (let i = 0; i < 3; i++) { const s = performance.now(); await db.query(q); times.push(Math.round(performance.now() - s)); }
    console.log(JSON.stringify(filter).slice(0, 60), name, times.join(' '));
  }
}
await db.close();
