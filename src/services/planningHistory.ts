import { toRows, type Row } from '../db/arrowRows';
import type { Db } from '../db/types';
import type { LeadFilter } from '../domain/leadFilter';
import { DEFAULT_PIPELINE, type Pipeline } from '../domain/pipeline';
import type { PlanningHistory } from '../domain/planning/history';
import { NO_PLANNING_ROWS, planningHistoryFromRows, type PlanningRows } from '../domain/planning/historyFromRows';
import type { SqlQuery } from '../domain/sqlQuery';
import { lagHistogramSql } from '../sql/funnel';
import { leadFactsKindSql } from '../sql/leadFacts';
import { funnelKpisSql } from '../sql/overview';
import {
  actualsSql,
  openPipelineSql,
  planningCampaignsSql,
  planningCohortsSql,
  planningLagSql,
  planningTargetsSql,
  wonAmountsSql,
  type PlanningQueryOptions,
} from '../sql/planning';
import { tableExists } from './tableInfo';

export interface PlanningHistoryOptions {
  readonly pipeline?: Pipeline;
  /** The page's global filter (none: every lead). Maturity and the as-of date are the whole data's regardless. */
  readonly filter?: LeadFilter;
}

/**
 * The measured history the Planning page's defaults rest on (src/domain/planning/history.ts), from
 * the loaded data: one query per figure (src/sql/planning.ts and the Funnel's and Overview's own),
 * then planningHistoryFromRows. The optional tables (deals, campaigns, targets) may be absent: their
 * figures are then empty lists. Without leads, the history is empty (no as-of date, no segments).
 */
export async function loadPlanningHistory(db: Db, { pipeline = DEFAULT_PIPELINE, filter = [] }: PlanningHistoryOptions = {}): Promise<PlanningHistory> {
  const rowsOf = async (query: SqlQuery): Promise<Row[]> => toRows(await db.query(query));
  const leadFacts = (await rowsOf(leadFactsKindSql())).length > 0;
  const [deals, campaigns, targets] = [await tableExists(db, 'deals'), await tableExists(db, 'campaigns'), await tableExists(db, 'targets')];
  const options: PlanningQueryOptions = { pipeline, filter };
  // Targets and campaigns are plans of their own: they are there even before any lead is loaded.
  const plans = {
    targets: targets ? await rowsOf(planningTargetsSql(options)) : [],
    campaigns: campaigns ? await rowsOf(planningCampaignsSql(options, leadFacts)) : [],
  };
  if (!leadFacts) return planningHistoryFromRows(pipeline, { ...NO_PLANNING_ROWS, ...plans });
  const rows: PlanningRows = {
    lagHistogram: await rowsOf(lagHistogramSql(options)),
    cohorts: await rowsOf(planningCohortsSql(options)),
    lags: await rowsOf(planningLagSql(options)),
    wonAmounts: await rowsOf(wonAmountsSql(options)),
    kpis: (await rowsOf(funnelKpisSql(options)))[0],
    ...plans,
    openPipeline: await rowsOf(openPipelineSql(options, deals)),
    actuals: await rowsOf(actualsSql(options)),
  };
  return planningHistoryFromRows(pipeline, rows);
}
