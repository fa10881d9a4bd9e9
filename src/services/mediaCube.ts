import type { Table } from 'apache-arrow';
import { numberColumn, textColumn, toRows } from '../db/arrowRows';
import type { Db } from '../db/types';
import { MEDIA_CUBE_DIMENSIONS, type KeyedCells, type MediaCube, type MediaCubeDimension } from '../domain/mediaCube';
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
        currency: textColumn(cells.getChild('currency')),
        leads: numberColumn(cells, 'leads'),
        revenue: numberColumn(cells, 'revenue'),
        wonPriced: numberColumn(cells, 'won_priced'),
        cost: { leads: numberColumn(cells, 'cost_leads'), days: numberColumn(cells, 'cost_days') },
        costed: { leads: numberColumn(cells, 'costed_leads'), days: numberColumn(cells, 'costed_days') },
      },
      wonDays: { ...keyed(days), days: Int32Array.from(numberColumn(days, 'days')), leads: numberColumn(days, 'leads') },
      credits: {
        ...keyed(credits),
        keyMedium: textColumn(credits.getChild('key_medium')),
        keyCampaign: textColumn(credits.getChild('key_campaign')),
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

function keyed(table: Table): KeyedCells {
  const dimensions = {} as Record<MediaCubeDimension, (string | null)[]>;
  for (const dimension of MEDIA_CUBE_DIMENSIONS) dimensions[dimension] = textColumn(table.getChild(dimension));
  return { size: table.numRows, month: textColumn(table.getChild('month')), dimensions, r: Int32Array.from(numberColumn(table, 'r')) };
}
