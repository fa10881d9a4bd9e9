import type { Db } from '../db/types';
import type { Pipeline } from '../domain/pipeline';
import { createFunnelCubesSql } from '../sql/funnelCube';

/**
 * Builds the Funnel page's pre-aggregated tables from the loaded leads, once per change of the
 * data, so every cross-filter answers from a few thousand rows instead of every lead.
 */
export async function buildFunnelCubes(db: Db, pipeline: Pipeline): Promise<void> {
  for (const statement of createFunnelCubesSql(pipeline)) await db.query(statement);
}
