import type { Table } from 'apache-arrow';
import { numberColumn, textColumn, toRows } from '../db/arrowRows';
import type { Db } from '../db/types';
import type { LeadFilter } from '../domain/leadFilter';
import { attributionRowsFromCube, codeTexts, MEDIA_CUBE_DIMENSIONS, mediaRowsFromCube, monthlyRowsFromCube, type CodedText, type KeyedCells, type MediaCube, type MediaCubeDimension, type WonDayCells } from '../domain/mediaCube';
import type { Pipeline } from '../domain/pipeline';
import { CAMPAIGN_LABELS_SQL, createMediaCubeSql, dropMediaCubeSql, MEDIA_CELLS, MEDIA_CREDITS, MEDIA_WON_DAYS, readCellsSql } from '../sql/mediaCube';

/**
 * Builds the Media & campaigns page's cells from the loaded data and reads them into memory (the
 * tables are dropped again: the page answers from memory). `campaigns`/`touches`: whether those
 * tables are loaded.
 */
export async function buildMediaCube(db: Db, pipeline: Pipeline, loaded: { campaigns: boolean; touches: boolean }): Promise<MediaCube> {
  try {
    for (const statement of createMediaCubeSql(pipeline, loaded)) await db.query(statement);
    const cells = await db.query(readCellsSql(MEDIA_CELLS));
    const days = await db.query(readCellsSql(MEDIA_WON_DAYS));
    const credits = await db.query(readCellsSql(MEDIA_CREDITS));
    const campaigns = loaded.campaigns
      ? new Map(toRows(await db.query(CAMPAIGN_LABELS_SQL)).map((r) => [String(r.campaign_id), { name: r.name === null ? null : String(r.name), medium: r.medium === null ? null : String(r.medium) }]))
      : null;
    return {
      pipeline,
      leads: {
        ...keyed(cells),
        currency: codeTexts(textColumn(cells.getChild('currency'))),
        leads: numberColumn(cells, 'leads'),
        revenue: numberColumn(cells, 'revenue'),
        wonPriced: numberColumn(cells, 'won_priced'),
        cost: { leads: numberColumn(cells, 'cost_leads'), days: numberColumn(cells, 'cost_days') },
        costed: { leads: numberColumn(cells, 'costed_leads'), days: numberColumn(cells, 'costed_days') },
      },
      wonDays: wonDayCells(days),
      credits: {
        ...keyed(credits),
        keyMedium: codeTexts(textColumn(credits.getChild('key_medium'))),
        keyCampaign: codeTexts(textColumn(credits.getChild('key_campaign'))),
        touches: numberColumn(credits, 'touches'),
        credit: {
          first: numberColumn(credits, 'first'),
          last: numberColumn(credits, 'last'),
          linear: numberColumn(credits, 'linear'),
          u_shaped: numberColumn(credits, 'u_shaped'),
          w_shaped: numberColumn(credits, 'w_shaped'),
        },
      },
      campaigns,
    };
  } finally {
    await db.query(dropMediaCubeSql()).catch(() => undefined);
  }
}

function wonDayCells(table: Table): WonDayCells {
  const days = Int32Array.from(numberColumn(table, 'days'));
  let [first, last] = [0, 0];
  days.forEach((d, i) => ([first, last] = i === 0 ? [d, d] : [Math.min(first, d), Math.max(last, d)]));
  return { ...keyed(table), days, leads: numberColumn(table, 'leads'), firstDay: first, dayCount: days.length ? last - first + 1 : 0 };
}

function keyed(table: Table): KeyedCells {
  const dimensions = {} as Record<MediaCubeDimension, CodedText>;
  for (const dimension of MEDIA_CUBE_DIMENSIONS) dimensions[dimension] = codeTexts(textColumn(table.getChild(dimension)));
  return { size: table.numRows, month: codeTexts(textColumn(table.getChild('month'))), dimensions, r: Int32Array.from(numberColumn(table, 'r')) };
}

/**
 * Jobs that answer every request of the page once under a filter on each cell dimension, throwing
 * the answers away: run while the page is idle after a build, so the user's first filter change
 * runs code the engine has already optimised (as the Funnel page's cubeWarmUps).
 */
export function mediaCubeWarmUps(cube: MediaCube): (() => unknown)[] {
  const filters: LeadFilter[] = [[], ...MEDIA_CUBE_DIMENSIONS.map((dimension): LeadFilter => [{ kind: 'values', dimension, values: [cube.leads.dimensions[dimension].values[0] ?? null] }])];
  return filters.flatMap((filter) => [
    ...(['medium', 'source', 'campaign_id'] as const).map((groupBy) => () => mediaRowsFromCube(cube, { groupBy, filter, allocation: 'leads', campaigns: true })),
    () => monthlyRowsFromCube(cube, { filter, allocation: 'leads', campaigns: true }),
    () => attributionRowsFromCube(cube, filter, 'medium'),
  ]);
}
