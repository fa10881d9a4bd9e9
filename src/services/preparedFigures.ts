import { toRows } from '../db/arrowRows';
import type { Db } from '../db/types';
import type { Pipeline } from '../domain/pipeline';
import { PREPARED_FIGURES_KIND, PREPARED_FIGURES_VERSION, type PreparedFigures, type PreparedRows, type PreparedSection } from '../domain/preparedFigures';
import type { SqlQuery } from '../domain/sqlQuery';
import { funnelRequestSql } from '../sql/funnel';
import { dateCoverageSql, funnelKpisSql, leadsPerMonthByMediumSql } from '../sql/overview';

/**
 * The queries of the default view (no filter), by section: exactly what the Overview and the
 * Funnel ask for when nothing is filtered (the pages take them from here, so the two cannot part).
 */
export function preparedQueries(pipeline: Pipeline): Readonly<Record<PreparedSection, SqlQuery>> {
  return {
    overviewKpis: funnelKpisSql({ pipeline, filter: [] }),
    overviewByMedium: funnelKpisSql({ pipeline, groupByMedium: true, filter: [] }),
    overviewMonths: leadsPerMonthByMediumSql(pipeline, []),
    dateCoverage: dateCoverageSql(),
    funnelStages: funnelRequestSql({ pipeline, filter: [] }, { kind: 'stages' }),
  };
}

/** Runs the default view's queries on the loaded data (lead_facts refreshed): the figures a bundle or a stored copy carries. */
export async function computePreparedFigures(db: Pick<Db, 'query'>, pipeline: Pipeline): Promise<PreparedFigures> {
  const rows: Partial<Record<PreparedSection, unknown>> = {};
  for (const [section, query] of Object.entries(preparedQueries(pipeline))) rows[section as PreparedSection] = toRows(await db.query(query));
  return { kind: PREPARED_FIGURES_KIND, version: PREPARED_FIGURES_VERSION, stages: [...pipeline.stages], rows: rows as PreparedRows };
}
