import path from 'node:path';
import { openWasmNodeDb } from './src/db/wasmNode';
import { nodeCodec, nodeInput } from './etl/nodeCodec';
import { importCsv } from './src/services/importCsv';
import { toRows } from './src/db/arrowRows';
import { reachedIndexSql } from './src/sql/reach';
import { costSharesSql } from './src/sql/costShares';
import { DEFAULT_PIPELINE } from './src/domain/pipeline';
import { joinSql } from './src/domain/sqlQuery';
const db = await openWasmNodeDb();
const dir = process.argv[2]!;
for (const kind of ['leads', 'campaigns'] as const) await importCsv(db, nodeInput(path.join(dir, `${kind}.csv`), kind), nodeCodec);
const r = reachedIndexSql(DEFAULT_PIPELINE);
let t = performance.now();
await db.query(joinSql([`CREATE TABLE _mc AS WITH l AS (SELECT date_trunc('month', created_at)::DATE AS month, medium, source, campaign_id, channel, sales_unit, owner, amount, currency, `, r, ` AS r FROM lead_facts)
SELECT l.month, l.medium, source, l.campaign_id, channel, sales_unit, owner, r, CASE WHEN r >= 4 AND amount IS NOT NULL THEN currency END AS currency, count(*) AS leads, sum(amount) FILTER (WHERE r >= 4) AS revenue, count(*) FILTER (WHERE r>=4 AND amount IS NULL) AS won_unpriced,
 sum(a.share) AS cost_leads, count(a.share) AS costed_leads, sum(b.share) AS cost_days, count(b.share) AS costed_days
FROM l LEFT JOIN ${costSharesSql({ campaigns: true, allocation: 'leads' })} a ON a.campaign_id IS NOT DISTINCT FROM l.campaign_id AND a.medium IS NOT DISTINCT FROM l.medium AND a.month IS NOT DISTINCT FROM l.month
LEFT JOIN ${costSharesSql({ campaigns: true, allocation: 'days' })} b ON b.campaign_id IS NOT DISTINCT FROM l.campaign_id AND b.medium IS NOT DISTINCT FROM l.medium AND b.month IS NOT DISTINCT FROM l.month
GROUP BY ALL`]));
console.log('build', Math.round(performance.now() - t), toRows(await db.query({ sql: 'SELECT count(*) n FROM _mc', params: [] })));
for (const w of ['TRUE', "channel = 'partner'", "owner = 'x'"]) {
  const times = [];
  for (let i = 0; i < 4; i++) {
    t = performance.now();
    await db.query({ sql: `SELECT medium, sum(leads) leads, sum(leads) FILTER (WHERE r>=1) r1, sum(leads) FILTER (WHERE r>=2) r2, sum(leads) FILTER (WHERE r>=3) r3, sum(leads) FILTER (WHERE r>=4) r4, sum(revenue) rev, sum(cost_leads) c, sum(costed_leads) cl, count(DISTINCT currency) cur FROM _mc WHERE ${w} GROUP BY medium`, params: [] });
    times.push(Math.round(performance.now() - t));
  }
  console.log(w, times.join(' '));
}
await db.close();
