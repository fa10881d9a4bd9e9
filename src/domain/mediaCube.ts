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

/** A text column of the cells as codes into its distinct values (null among them), so cells are grouped and tested by index. */
export interface CodedText {
  readonly codes: Int32Array;
  readonly values: readonly Text[];
}

/** Codes a text column: each distinct value (null included) gets the index of its first appearance. */
export function codeTexts(texts: readonly Text[]): CodedText {
  const index = new Map<Text, number>();
  const codes = new Int32Array(texts.length);
  texts.forEach((text, i) => {
    let code = index.get(text);
    if (code === undefined) index.set(text, (code = index.size));
    codes[i] = code;
  });
  return { codes, values: [...index.keys()] };
}

/** Cells keyed by created month (yyyy-mm, null: no date), the dimensions and the furthest reached stage r. */
export interface KeyedCells {
  readonly size: number;
  readonly month: CodedText;
  readonly dimensions: Readonly<Record<MediaCubeDimension, CodedText>>;
  readonly r: Int32Array;
}

/** Leads per cell, their won amounts, and their shares of the costs by either allocation. */
export interface LeadCells extends KeyedCells {
  /** The won leads' currency where they have an amount (null otherwise): a key of the cell. */
  readonly currency: CodedText;
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
  /** The smallest day count (negative where a lead closed before it was created) and how many days up to the largest. */
  readonly firstDay: number;
  readonly dayCount: number;
}

/** Won leads' touches with their credited revenue by each model, by the touch's medium and campaign. */
export interface CreditCells extends KeyedCells {
  readonly keyMedium: CodedText;
  readonly keyCampaign: CodedText;
  readonly touches: Float64Array;
  readonly credit: Readonly<Record<AttributionModelName, Float64Array>>;
}

const MODELS = ['first', 'last', 'linear', 'u_shaped', 'w_shaped'] as const;
type AttributionModelName = (typeof MODELS)[number];

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

  function narrowBy(column: CodedText, keeps: (value: Text) => boolean): void {
    const allowed = Uint8Array.from(column.values, (v) => (keeps(v) ? 1 : 0));
    const { codes } = column;
    for (let c = 0; c < cells.size; c++) if (!allowed[codes[c]!]) kept[c] = 0;
  }

  function narrow(condition: LeadCondition): void {
    switch (condition.kind) {
      case 'values': {
        const wanted = new Set(condition.values);
        narrowBy(cells.dimensions[condition.dimension as MediaCubeDimension], (v) => wanted.has(v));
        return;
      }
      case 'created': {
        // Whole months: created_at BETWEEN from AND to ⟺ from's month ≤ month ≤ to's (no date: never).
        const from = condition.range.from.slice(0, 7);
        const to = condition.range.to.slice(0, 7);
        narrowBy(cells.month, (m) => m !== null && m >= from && m <= to);
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

/**
 * The middle of a dense histogram (leads at days first…first+length−1) as DuckDB's median computes
 * it: the mean of the two middle values. null without leads.
 */
function histogramMedian(leads: Float64Array, from: number, length: number, first: number): number | null {
  let total = 0;
  for (let i = 0; i < length; i++) total += leads[from + i]!;
  if (total === 0) return null;
  const at = (position: number) => {
    let before = 0;
    for (let i = 0; i < length; i++) {
      before += leads[from + i]!;
      if (position < before) return first + i;
    }
    return first + length - 1;
  };
  return (at(Math.floor((total - 1) / 2)) + at(Math.floor(total / 2))) / 2;
}

/** 4M entries (32 MB) at most per request for the won-day histograms. */
const MAX_HISTOGRAM_ENTRIES = 4_000_000;

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
  const by = cells.dimensions[request.groupBy];
  const groups = by.values.length;
  // Per group (the grouping's code): sums in typed arrays, no object per cell.
  const leads = new Float64Array(groups);
  const atStage = new Float64Array(groups * stages);
  const revenue = new Float64Array(groups);
  const wonLeads = new Float64Array(groups);
  const wonPriced = new Float64Array(groups);
  const costSum = new Float64Array(groups);
  const costedSum = new Float64Array(groups);
  const currencies = cells.currency.values.length;
  const hasCurrency = new Uint8Array(groups * currencies);
  const perCampaign = request.groupBy === 'campaign_id';
  const media = cells.dimensions.medium;
  const mediumLeads = perCampaign ? new Float64Array(groups * media.values.length) : null;
  const seen = new Uint8Array(groups);
  const kept = keptCells(cells, pipeline, request.filter);
  const cost = cells.cost[request.allocation];
  const costed = cells.costed[request.allocation];
  // Locals, not property reads per cell.
  const { codes } = by;
  const { r, leads: cellLeads, revenue: cellRevenue, wonPriced: cellPriced } = cells;
  const currencyCodes = cells.currency.codes;
  const mediumCodes = media.codes;
  const mediumCount = media.values.length;
  const withCost = request.campaigns;
  for (let c = 0; c < cells.size; c++) {
    if (!kept[c]) continue;
    const g = codes[c]!;
    const n = cellLeads[c]!;
    const at = r[c]!;
    seen[g] = 1;
    leads[g]! += n;
    atStage[g * stages + at]! += n;
    if (at >= won) {
      wonLeads[g]! += n;
      revenue[g]! += cellRevenue[c]!;
      wonPriced[g]! += cellPriced[c]!;
    }
    hasCurrency[g * currencies + currencyCodes[c]!] = 1;
    if (withCost) {
      costSum[g]! += cost[c]!;
      costedSum[g]! += costed[c]!;
    }
    if (mediumLeads) mediumLeads[g * mediumCount + mediumCodes[c]!]! += n;
  }
  // Won leads per group and whole day (from the earliest to the latest day of any won lead).
  const { firstDay, dayCount } = wonDays;
  // Dates decades apart among many groups would make the histograms too large: SQL answers then.
  if (groups * dayCount > MAX_HISTOGRAM_ENTRIES) return null;
  const days = new Float64Array(groups * dayCount);
  const hasDays = new Uint8Array(groups);
  const daysKept = keptCells(wonDays, pipeline, request.filter);
  const daysBy = wonDays.dimensions[request.groupBy];
  // The won-days cells code their own values: their codes translated to the grouping's (−1: none).
  const groupOfDays = Int32Array.from(daysBy.values, (value) => by.values.indexOf(value));
  const dayCodes = daysBy.codes;
  const dayOf = wonDays.days;
  const dayLeads = wonDays.leads;
  for (let c = 0; c < wonDays.size; c++) {
    if (!daysKept[c]) continue;
    const g = groupOfDays[dayCodes[c]!]!;
    if (g < 0) continue;
    hasDays[g] = 1;
    days[g * dayCount + dayOf[c]! - firstDay]! += dayLeads[c]!;
  }
  const rows: Row[] = [];
  for (let g = 0; g < groups; g++) {
    if (!seen[g]) continue;
    const value = by.values[g]!;
    const row: Row = { value, leads: leads[g]! };
    let reached = leads[g]!;
    for (let k = 1; k < stages; k++) {
      reached -= atStage[g * stages + k - 1]!;
      row[`reached_${k}`] = reached;
    }
    row.revenue = wonLeads[g] === 0 ? 0 : wonPriced[g] === 0 ? null : revenue[g]!;
    row.won_unpriced = wonLeads[g]! - wonPriced[g]!;
    const present = cells.currency.values.filter((v, i): v is string => v !== null && hasCurrency[g * currencies + i] === 1);
    row.currencies = present.length;
    row.currency = present.sort(compareText)[0] ?? null;
    row.cost = costedSum[g]! > 0 ? costSum[g]! : null;
    row.costed_leads = costedSum[g]!;
    row.days_to_won = hasDays[g] ? histogramMedian(days, g * dayCount, dayCount, firstDay) : null;
    if (mediumLeads) {
      // The medium most of its leads have; a tie goes to the first name (mediaFiguresSql's rule).
      let main: Text = null;
      let most = 0;
      media.values.forEach((medium, m) => {
        const n = mediumLeads[g * media.values.length + m]!;
        if (n > most || (n === most && n > 0 && compareText(medium, main) < 0)) [main, most] = [medium, n];
      });
      row.main_medium = main;
      const listed = value === null ? undefined : cube.campaigns?.get(value);
      row.name = listed?.name ?? null;
      row.campaign_medium = listed?.medium ?? main;
      row.listed = listed !== undefined;
    }
    rows.push(row);
  }
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
  const months = cells.month.values.length;
  const [leads, revenue, priced, costSum, costedSum] = [0, 0, 0, 0, 0].map(() => new Float64Array(months)) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const seen = new Uint8Array(months);
  for (let c = 0; c < cells.size; c++) {
    if (!kept[c]) continue;
    const m = cells.month.codes[c]!;
    seen[m] = 1;
    leads[m]! += cells.leads[c]!;
    if (cells.r[c]! >= won) {
      revenue[m]! += cells.revenue[c]!;
      priced[m]! += cells.wonPriced[c]!;
    }
    if (request.campaigns) {
      costSum[m]! += cost[c]!;
      costedSum[m]! += costed[c]!;
    }
  }
  const rows: Row[] = [];
  cells.month.values.forEach((month, m) => {
    if (seen[m] && month !== null) rows.push({ month, leads: leads[m]!, revenue: priced[m]! > 0 ? revenue[m]! : null, cost: costedSum[m]! > 0 ? costSum[m]! : null });
  });
  return rows.sort((a, b) => compareText(a.month as Text, b.month as Text));
}

/** attributionSql's rows from the cells; null when the filter is not covered. */
export function attributionRowsFromCube(cube: MediaCube, filter: LeadFilter, by: 'medium' | 'campaign_id'): Row[] | null {
  if (!mediaCubeCovers(filter)) return null;
  const cells = cube.credits;
  const kept = keptCells(cells, cube.pipeline, filter);
  const key = by === 'medium' ? cells.keyMedium : cells.keyCampaign;
  const groups = key.values.length;
  const touches = new Float64Array(groups);
  const credit = MODELS.map(() => new Float64Array(groups));
  const seen = new Uint8Array(groups);
  for (let c = 0; c < cells.size; c++) {
    if (!kept[c]) continue;
    const g = key.codes[c]!;
    seen[g] = 1;
    touches[g]! += cells.touches[c]!;
    MODELS.forEach((model, i) => (credit[i]![g]! += cells.credit[model][c]!));
  }
  const rows: Row[] = [];
  key.values.forEach((value, g) => {
    if (!seen[g]) return;
    const row: Row = { key: value, touches: touches[g]! };
    MODELS.forEach((model, i) => (row[model] = credit[i]![g]!));
    rows.push(row);
  });
  return rows.sort((a, b) => Number(b.first) - Number(a.first) || compareText(a.key as Text, b.key as Text));
}
