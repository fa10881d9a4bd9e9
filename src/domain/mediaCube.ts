/**
 * The Media & campaigns page's pre-aggregated leads, held in memory, and the page's figures
 * computed from them: a filter change then sums some ten thousand cells on the main thread instead
 * of four queries queued in the database worker (0.3–0.7 s each at 1M leads, measured). The cells
 * are built by DuckDB once per data change (src/sql/mediaCube.ts); every function here returns the
 * rows the matching SQL builder returns on the raw leads (src/sql/media.ts, attribution.ts), same
 * names, order and values up to the order of floating-point sums — the integration test compares them.
 */
import type { LeadCondition, LeadFilter } from './leadFilter';
import type { CostAllocation } from './media';
import type { Pipeline } from './pipeline';

/** Lead columns the cells keep: a filter on any other column (region, an export's extra) is answered by SQL. */
export const MEDIA_CUBE_DIMENSIONS = ['medium', 'source', 'campaign_id', 'channel', 'sales_unit', 'owner'] as const;
export type MediaCubeDimension = (typeof MEDIA_CUBE_DIMENSIONS)[number];

type Text = string | null;
type Row = Record<string, string | number | boolean | null>;

/** Cells keyed by created month (yyyy-mm, null: no date), the dimensions and the furthest reached stage r. */
export interface KeyedCells {
  readonly size: number;
  readonly month: readonly Text[];
  readonly dimensions: Readonly<Record<MediaCubeDimension, readonly Text[]>>;
  readonly r: Int32Array;
}

/** Leads per cell, their won amounts, and their shares of the costs by either allocation. */
export interface LeadCells extends KeyedCells {
  /** The won leads' currency where they have an amount (null otherwise): a key of the cell. */
  readonly currency: readonly Text[];
  readonly leads: Float64Array;
  /** Sum of the won leads' amounts (0 when none has one). */
  readonly revenue: Float64Array;
  readonly wonPriced: Float64Array;
  readonly cost: Readonly<Record<CostAllocation, Float64Array>>;
  readonly costed: Readonly<Record<CostAllocation, Float64Array>>;
}

/** Won leads with both dates, by whole days from created to closed. */
export interface WonDayCells extends KeyedCells {
  readonly days: Int32Array;
  readonly leads: Float64Array;
}

/** Won leads' touches with their credited revenue by each model, by the touch's medium and campaign. */
export interface CreditCells extends KeyedCells {
  readonly keyMedium: readonly Text[];
  readonly keyCampaign: readonly Text[];
  readonly touches: Float64Array;
  readonly credit: Readonly<Record<'first' | 'last' | 'linear' | 'u_shaped' | 'w_shaped', Float64Array>>;
}

export interface MediaCube {
  readonly pipeline: Pipeline;
  readonly leads: LeadCells;
  readonly wonDays: WonDayCells;
  readonly credits: CreditCells;
  /** The campaigns table's names and media per campaign id (campaignFiguresSql's join); null without one. */
  readonly campaigns: ReadonlyMap<string, { readonly name: Text; readonly medium: Text }> | null;
}

// ---------------------------------------------------------------- coverage and filters

function coversWholeMonths(from: string, to: string): boolean {
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return false;
  return start.getUTCDate() === 1 && new Date(end.getTime() + 86_400_000).getUTCDate() === 1;
}

const isCubeDimension = (d: string): d is MediaCubeDimension => (MEDIA_CUBE_DIMENSIONS as readonly string[]).includes(d);

/** Whether the cells answer a filter exactly as the raw leads would. */
export function mediaCubeCovers(filter: LeadFilter): boolean {
  return filter.every((c) => (c.kind === 'values' ? isCubeDimension(c.dimension) : c.kind === 'created' ? coversWholeMonths(c.range.from, c.range.to) : true));
}

/** 1 per cell the filter keeps (mediaCubeCovers checked). */
function keptCells(cells: KeyedCells, pipeline: Pipeline, filter: LeadFilter): Uint8Array {
  const kept = new Uint8Array(cells.size).fill(1);
  for (const condition of filter) narrow(condition);
  return kept;

  function narrow(condition: LeadCondition): void {
    switch (condition.kind) {
      case 'values': {
        const column = cells.dimensions[condition.dimension as MediaCubeDimension];
        const wanted = new Set(condition.values);
        for (let c = 0; c < cells.size; c++) if (!wanted.has(column[c]!)) kept[c] = 0;
        return;
      }
      case 'created': {
        // Whole months: created_at BETWEEN from AND to ⟺ from's month ≤ month ≤ to's (no date: never).
        const from = condition.range.from.slice(0, 7);
        const to = condition.range.to.slice(0, 7);
        for (let c = 0; c < cells.size; c++) {
          const m = cells.month[c];
          if (m === null || m === undefined || m < from || m > to) kept[c] = 0;
        }
        return;
      }
      case 'reached': {
        const index = pipeline.stages.indexOf(condition.stage);
        for (let c = 0; c < cells.size; c++) if (index < 0 || cells.r[c]! < index) kept[c] = 0;
      }
    }
  }
}

// ---------------------------------------------------------------- grouping

/** SQL's ORDER BY … value NULLS LAST on text: by code point, null last. */
function compareText(a: Text, b: Text): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** The middle of a histogram (days → leads) as DuckDB's median computes it: the mean of the two middle values. */
function histogramMedian(histogram: ReadonlyMap<number, number>): number | null {
  const days = [...histogram.keys()].sort((a, b) => a - b);
  const total = days.reduce((s, d) => s + histogram.get(d)!, 0);
  if (total === 0) return null;
  const at = (position: number) => {
    let before = 0;
    for (const d of days) {
      before += histogram.get(d)!;
      if (position < before) return d;
    }
    return days[days.length - 1]!;
  };
  return (at(Math.floor((total - 1) / 2)) + at(Math.floor(total / 2))) / 2;
}

interface MediaAccumulator {
  leads: number;
  atStage: Float64Array;
  revenue: number;
  won: number;
  wonPriced: number;
  currencies: Set<string>;
  cost: number;
  costed: number;
  media: Map<Text, number>;
  days: Map<number, number>;
}

export interface MediaCubeRequest {
  readonly groupBy: 'medium' | 'source' | 'campaign_id';
  readonly filter: LeadFilter;
  readonly allocation: CostAllocation;
  /** Whether a campaigns table is loaded (without it every cost is NULL). */
  readonly campaigns: boolean;
}

/** mediaFiguresSql's rows (campaignFiguresSql's for campaign_id) from the cells; null when the filter is not covered. */
export function mediaRowsFromCube(cube: MediaCube, request: MediaCubeRequest): Row[] | null {
  if (!mediaCubeCovers(request.filter)) return null;
  const { pipeline, leads: cells, wonDays } = cube;
  const stages = pipeline.stages.length;
  const won = stages - 1;
  const groups = new Map<Text, MediaAccumulator>();
  const group = (value: Text) => {
    let g = groups.get(value);
    if (!g) {
      g = { leads: 0, atStage: new Float64Array(stages), revenue: 0, won: 0, wonPriced: 0, currencies: new Set(), cost: 0, costed: 0, media: new Map(), days: new Map() };
      groups.set(value, g);
    }
    return g;
  };
  const by = cells.dimensions[request.groupBy];
  const kept = keptCells(cells, pipeline, request.filter);
  const cost = cells.cost[request.allocation];
  const costed = cells.costed[request.allocation];
  for (let c = 0; c < cells.size; c++) {
    if (!kept[c]) continue;
    const g = group(by[c]!);
    const n = cells.leads[c]!;
    g.leads += n;
    g.atStage[cells.r[c]!]! += n;
    if (cells.r[c]! >= won) {
      g.won += n;
      g.revenue += cells.revenue[c]!;
      g.wonPriced += cells.wonPriced[c]!;
    }
    const currency = cells.currency[c];
    if (currency !== null && currency !== undefined) g.currencies.add(currency);
    if (request.campaigns) {
      g.cost += cost[c]!;
      g.costed += costed[c]!;
    }
    const medium = cells.dimensions.medium[c]!;
    g.media.set(medium, (g.media.get(medium) ?? 0) + n);
  }
  const daysKept = keptCells(wonDays, pipeline, request.filter);
  const daysBy = wonDays.dimensions[request.groupBy];
  for (let c = 0; c < wonDays.size; c++) {
    if (!daysKept[c]) continue;
    const g = groups.get(daysBy[c]!);
    if (g) g.days.set(wonDays.days[c]!, (g.days.get(wonDays.days[c]!) ?? 0) + wonDays.leads[c]!);
  }
  const rows = [...groups].map(([value, g]): Row => {
    const row: Row = { value, leads: g.leads };
    let reached = g.leads;
    for (let k = 1; k < stages; k++) {
      reached -= g.atStage[k - 1]!;
      row[`reached_${k}`] = reached;
    }
    row.revenue = g.won === 0 ? 0 : g.wonPriced === 0 ? null : g.revenue;
    row.won_unpriced = g.won - g.wonPriced;
    row.currencies = g.currencies.size;
    row.currency = [...g.currencies].sort(compareText)[0] ?? null;
    row.cost = g.costed > 0 ? g.cost : null;
    row.costed_leads = g.costed;
    row.days_to_won = histogramMedian(g.days);
    if (request.groupBy === 'campaign_id') {
      // The medium most of its leads have; a tie goes to the first name (mediaFiguresSql's rule).
      const main = [...g.media].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0]?.[0] ?? null;
      row.main_medium = main;
      const listed = value === null ? undefined : cube.campaigns?.get(value);
      row.name = listed?.name ?? null;
      row.campaign_medium = listed?.medium ?? main;
      row.listed = listed !== undefined;
    }
    return row;
  });
  return rows.sort((a, b) => Number(b.leads) - Number(a.leads) || compareText(a.value as Text, b.value as Text));
}

/** mediaMonthlySql's rows from the cells (leads without a created date left out); null when the filter is not covered. */
export function monthlyRowsFromCube(cube: MediaCube, request: Omit<MediaCubeRequest, 'groupBy'>): Row[] | null {
  if (!mediaCubeCovers(request.filter)) return null;
  const { pipeline, leads: cells } = cube;
  const won = pipeline.stages.length - 1;
  const kept = keptCells(cells, pipeline, request.filter);
  const cost = cells.cost[request.allocation];
  const costed = cells.costed[request.allocation];
  const months = new Map<string, { leads: number; revenue: number; priced: number; cost: number; costed: number }>();
  for (let c = 0; c < cells.size; c++) {
    const month = cells.month[c];
    if (!kept[c] || month === null || month === undefined) continue;
    const m = months.get(month) ?? { leads: 0, revenue: 0, priced: 0, cost: 0, costed: 0 };
    m.leads += cells.leads[c]!;
    if (cells.r[c]! >= won) {
      m.revenue += cells.revenue[c]!;
      m.priced += cells.wonPriced[c]!;
    }
    if (request.campaigns) {
      m.cost += cost[c]!;
      m.costed += costed[c]!;
    }
    months.set(month, m);
  }
  return [...months]
    .sort((a, b) => compareText(a[0], b[0]))
    .map(([month, m]) => ({ month, leads: m.leads, revenue: m.priced > 0 ? m.revenue : null, cost: m.costed > 0 ? m.cost : null }));
}

/** attributionSql's rows from the cells; null when the filter is not covered. */
export function attributionRowsFromCube(cube: MediaCube, filter: LeadFilter, by: 'medium' | 'campaign_id'): Row[] | null {
  const cells = cube.credits;
  if (!mediaCubeCovers(filter)) return null;
  const kept = keptCells(cells, cube.pipeline, filter);
  const keys = by === 'medium' ? cells.keyMedium : cells.keyCampaign;
  const models = ['first', 'last', 'linear', 'u_shaped', 'w_shaped'] as const;
  const groups = new Map<Text, Row & { touches: number }>();
  for (let c = 0; c < cells.size; c++) {
    if (!kept[c]) continue;
    const key = keys[c]!;
    const g = groups.get(key) ?? { key, touches: 0, first: 0, last: 0, linear: 0, u_shaped: 0, w_shaped: 0 };
    g.touches += cells.touches[c]!;
    for (const model of models) g[model] = Number(g[model]) + cells.credit[model][c]!;
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => Number(b.first) - Number(a.first) || compareText(a.key as Text, b.key as Text));
}
