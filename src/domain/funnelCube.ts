/**
 * The Funnel page's pre-aggregated leads, held in memory as typed arrays, and the page's figures
 * computed from them. A cross-filter then costs a scan of some ten thousand cells on the main
 * thread (well under a millisecond) instead of five queries queued behind each other in the
 * database worker (70–95 ms at 1M leads, measured). The cells are built by DuckDB once per import
 * (src/sql/funnelCube.ts); every function here returns exactly the rows the matching SQL builder of
 * src/sql/funnel.ts returns on the raw leads, same names, order and values — the integration test
 * compares the two on every builder.
 */
import { endedColumn, reachedColumn } from './funnel';
import type { LeadCondition, LeadFilter, SplitBy, SplitDimension } from './leadFilter';
import type { Pipeline } from './pipeline';

/** Lead columns the cube keeps; a filter or split on any other column is answered by the raw leads. */
export const CUBE_DIMENSIONS = ['medium', 'channel', 'sales_unit', 'owner'] as const satisfies readonly SplitDimension[];
export type CubeDimension = (typeof CUBE_DIMENSIONS)[number];

/** A result row, as the SQL builders' rows read (counts as numbers). */
export type CubeRow = Record<string, string | number | null>;

/** Count columns of the funnel cells, in order: leads, reached_k per later stage, ended_t_at_i. */
export function funnelCountNames(pipeline: Pipeline): string[] {
  return [
    'leads',
    ...pipeline.stages.flatMap((_, k) => (k > 0 ? [reachedColumn(k)] : [])),
    ...pipeline.terminal.flatMap((_, t) => pipeline.stages.map((_, i) => endedColumn(t, i))),
  ];
}

/**
 * Cells of a cube: one per created month × dimension values × furthest reached stage r. Months
 * and values are codes into FunnelCube.months / .values, whose order is the database's (NULL last),
 * so ordering by code orders as SQL's ORDER BY … NULLS LAST does.
 */
export interface CubeCells {
  readonly size: number;
  readonly month: Int32Array;
  /** Codes per dimension the cells keep (a coarser level keeps fewer). */
  readonly dimensions: Readonly<Partial<Record<CubeDimension, Int32Array>>>;
  readonly r: Int32Array;
}

/**
 * Funnel cells with their leads, and per terminal stage t how many of them are now in it. A cell's
 * leads all stopped at its r, so that is all the counts of funnelCountNames need: reached_k sums
 * the leads of cells with r ≥ k, ended_t_at_i the terminal counts of cells with r = i. Three
 * numbers a cell instead of fifteen made the page's sums about three times faster.
 */
export interface FunnelCells extends CubeCells {
  readonly leads: Int32Array;
  /** ended[t][cell]: leads of the cell now in pipeline.terminal[t]. */
  readonly ended: readonly Int32Array[];
}

/**
 * Whole-day lag histograms per cell, stored cell by cell: the entries of cell c are
 * offsets[c] … offsets[c+1]−1, each `leads` leads in histogram bin `bin`.
 */
export interface LagLevel {
  readonly cells: CubeCells;
  readonly offsets: Int32Array;
  readonly bin: Int32Array;
  readonly leads: Int32Array;
}

/** A histogram bin: whole days from stage span_from's date to span_to's (0 is created_at). */
export interface LagBinKey {
  readonly spanFrom: number;
  readonly spanTo: number;
  readonly days: number;
}

export interface FunnelCube {
  readonly pipeline: Pipeline;
  /** Created months (yyyy-mm), ascending, null last. */
  readonly months: readonly (string | null)[];
  readonly values: Readonly<Record<CubeDimension, readonly (string | null)[]>>;
  /** The latest created/closed/last-activity date in the data (yyyy-mm-dd). */
  readonly asOf: string | null;
  readonly funnel: FunnelCells;
  /** Bins ordered by span_from, span_to, days: the order velocitySql returns them in. */
  readonly bins: readonly LagBinKey[];
  /**
   * The lag histograms at several grains, coarsest first; a filter reads the first level that keeps
   * every dimension it names. The full grain with owner has ~600k entries at 1M leads, the month
   * level a few thousand.
   */
  readonly lagLevels: readonly LagLevel[];
}

// ---------------------------------------------------------------- coverage

/** A month cube can only cut at month boundaries: from must be a 1st, to the last day of a month. */
function coversWholeMonths(from: string, to: string): boolean {
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return false;
  const next = new Date(end.getTime() + 86_400_000);
  return start.getUTCDate() === 1 && next.getUTCDate() === 1;
}

const isCubeDimension = (d: string): d is CubeDimension => (CUBE_DIMENSIONS as readonly string[]).includes(d);

/**
 * Whether the cube answers a filter (and a split) exactly as the raw leads would. `source`, region
 * and the extra columns of an export are not in it: they go to SQL.
 */
export function cubeCovers(filter: LeadFilter, dimension?: SplitBy): boolean {
  if (dimension !== undefined && !isCubeDimension(dimension)) return false;
  return filter.every((c) => (c.kind === 'values' ? isCubeDimension(c.dimension) : c.kind === 'created' ? coversWholeMonths(c.range.from, c.range.to) : true));
}

// ---------------------------------------------------------------- filters on cells

/** A filter compiled against the dictionaries: per-code verdicts, so a cell is tested by lookups. */
interface CellTest {
  readonly nothing: boolean;
  readonly months: Uint8Array | null;
  readonly minR: number;
  readonly dimensions: readonly { readonly dimension: CubeDimension; readonly allowed: Uint8Array }[];
}

function compile(cube: FunnelCube, filter: LeadFilter): CellTest {
  let nothing = false;
  let months: Uint8Array | null = null;
  let minR = 0;
  const dimensions: { dimension: CubeDimension; allowed: Uint8Array }[] = [];
  for (const condition of filter) compileOne(condition);
  return { nothing, months, minR, dimensions };

  function compileOne(condition: LeadCondition): void {
    switch (condition.kind) {
      case 'values': {
        if (!isCubeDimension(condition.dimension)) throw new Error(`The cube has no ${condition.dimension}`);
        const dictionary = cube.values[condition.dimension];
        const wanted = new Set(condition.values);
        dimensions.push({ dimension: condition.dimension, allowed: Uint8Array.from(dictionary, (v) => (wanted.has(v) ? 1 : 0)) });
        return;
      }
      case 'created': {
        // Whole months (cubeCovers): created_at BETWEEN from AND to ⟺ from's month ≤ month ≤ to's.
        const from = condition.range.from.slice(0, 7);
        const to = condition.range.to.slice(0, 7);
        const inRange = Uint8Array.from(cube.months, (m) => (m !== null && m >= from && m <= to ? 1 : 0));
        months = months ? months.map((v, i) => v & inRange[i]!) : inRange;
        return;
      }
      case 'reached': {
        const index = cube.pipeline.stages.indexOf(condition.stage);
        if (index < 0) nothing = true; // a stage the pipeline does not have matches no lead
        else minR = Math.max(minR, index);
        return;
      }
    }
  }
}

/** 1 per cell the filter keeps. A level without a dimension the filter names cannot be asked. */
function keptCells(cells: CubeCells, test: CellTest): Uint8Array {
  const kept = new Uint8Array(cells.size);
  if (test.nothing) return kept;
  const codes = test.dimensions.map(({ dimension }) => {
    const column = cells.dimensions[dimension];
    if (!column) throw new Error(`This cube level has no ${dimension}`);
    return column;
  });
  const allowed = test.dimensions.map((d) => d.allowed);
  const { months, minR } = test;
  const { month, r } = cells;
  next: for (let c = 0; c < cells.size; c++) {
    if (r[c]! < minR) continue;
    if (months && !months[month[c]!]) continue;
    for (let d = 0; d < codes.length; d++) if (!allowed[d]![codes[d]![c]!]) continue next;
    kept[c] = 1;
  }
  return kept;
}

// ---------------------------------------------------------------- funnel counts

/** The funnel counts of the kept cells per group (groupOf(cell)), for the groups with a kept cell, by key. */
function sumCounts(cube: FunnelCube, filter: LeadFilter, groupOf: (cell: number) => number, groups: number): { group: number; row: CubeRow }[] {
  const { funnel, pipeline } = cube;
  const kept = keptCells(funnel, compile(cube, filter));
  const stages = pipeline.stages.length;
  const terminals = funnel.ended.length;
  // Per group and furthest stage: leads, and leads now in each terminal stage.
  const leadsAt = new Float64Array(groups * stages);
  const endedAt = new Float64Array(groups * terminals * stages);
  const seen = new Uint8Array(groups);
  const { r, leads, ended } = funnel;
  for (let c = 0; c < funnel.size; c++) {
    if (!kept[c]) continue;
    const g = groupOf(c);
    const at = r[c]!;
    seen[g] = 1;
    leadsAt[g * stages + at]! += leads[c]!;
    for (let t = 0; t < terminals; t++) endedAt[(g * terminals + t) * stages + at]! += ended[t]![c]!;
  }
  const out: { group: number; row: CubeRow }[] = [];
  for (let g = 0; g < groups; g++) if (seen[g]) out.push({ group: g, row: countsRow(cube, leadsAt.subarray(g * stages, (g + 1) * stages), endedAt.subarray(g * terminals * stages, (g + 1) * terminals * stages)) });
  return out;
}

/** The count columns (funnelCountNames) from leads per furthest stage and terminal leads per terminal × furthest stage. */
function countsRow(cube: FunnelCube, leadsAt: ArrayLike<number>, endedAt: ArrayLike<number>): CubeRow {
  const { stages, terminal } = cube.pipeline;
  const row: CubeRow = {};
  let reached = 0;
  const reachedAt: number[] = [];
  for (let k = stages.length - 1; k >= 0; k--) reachedAt[k] = reached += leadsAt[k] ?? 0;
  row.leads = reachedAt[0] ?? 0;
  for (let k = 1; k < stages.length; k++) row[reachedColumn(k)] = reachedAt[k]!;
  terminal.forEach((_, t) => stages.forEach((_, i) => (row[endedColumn(t, i)] = endedAt[t * stages.length + i] ?? 0)));
  return row;
}

/** funnelStagesSql: one row, zeros when nothing matches. */
function cubeFunnelStages(cube: FunnelCube, filter: LeadFilter): CubeRow[] {
  const [all] = sumCounts(cube, filter, () => 0, 1);
  return [all?.row ?? countsRow(cube, [], [])];
}

/** splitFunnelSql: one row per value, most leads first, ties by value (NULL last). */
function cubeSplit(cube: FunnelCube, filter: LeadFilter, dimension: CubeDimension): CubeRow[] {
  const codes = cube.funnel.dimensions[dimension]!;
  const dictionary = cube.values[dimension];
  const groups = sumCounts(cube, filter, (c) => codes[c]!, dictionary.length);
  groups.sort((a, b) => (b.row.leads as number) - (a.row.leads as number) || a.group - b.group);
  return groups.map(({ group, row }) => ({ value: dictionary[group] ?? null, ...row }));
}

/** cohortSql: one row per created month, oldest first. */
function cubeCohorts(cube: FunnelCube, filter: LeadFilter): CubeRow[] {
  const { month } = cube.funnel;
  return sumCounts(cube, filter, (c) => month[c]!, cube.months.length).map(({ group, row }) => ({ month: cube.months[group] ?? null, ...row }));
}

/** trendSql: per created month and, with a dimension, per value (NULL last). */
function cubeTrend(cube: FunnelCube, filter: LeadFilter, dimension?: CubeDimension): CubeRow[] {
  if (!dimension) return cubeCohorts(cube, filter);
  const { month } = cube.funnel;
  const codes = cube.funnel.dimensions[dimension]!;
  const dictionary = cube.values[dimension];
  const width = dictionary.length;
  return sumCounts(cube, filter, (c) => month[c]! * width + codes[c]!, cube.months.length * width).map(({ group, row }) => ({
    month: cube.months[Math.floor(group / width)] ?? null,
    value: dictionary[group % width] ?? null,
    ...row,
  }));
}

// ---------------------------------------------------------------- lags

/** The coarsest lag level that keeps every dimension the filter names. */
function lagLevelFor(cube: FunnelCube, filter: LeadFilter): LagLevel {
  const named = filter.flatMap((c) => (c.kind === 'values' ? [c.dimension] : []));
  const level = cube.lagLevels.find((l) => named.every((d) => isCubeDimension(d) && l.cells.dimensions[d] !== undefined));
  if (!level) throw new Error(`No lag level keeps ${named.join(', ')}`);
  return level;
}

/** Leads per bin over the kept cells (`kept` null: every cell). */
function binTotals(level: LagLevel, kept: Uint8Array | null, bins: number): Float64Array {
  const totals = new Float64Array(bins);
  const { offsets, bin, leads } = level;
  for (let c = 0; c < level.cells.size; c++) {
    if (kept && !kept[c]) continue;
    for (let e = offsets[c]!; e < offsets[c + 1]!; e++) totals[bin[e]!]! += leads[e]!;
  }
  return totals;
}

/** velocitySql: (span_from, span_to, days, leads) for every bin with leads, in bin order. */
function cubeVelocity(cube: FunnelCube, filter: LeadFilter): CubeRow[] {
  const level = lagLevelFor(cube, filter);
  const totals = binTotals(level, keptCells(level.cells, compile(cube, filter)), cube.bins.length);
  return cube.bins.flatMap((b, i) => (totals[i]! > 0 ? [{ span_from: b.spanFrom, span_to: b.spanTo, days: b.days, leads: totals[i]! }] : []));
}

/**
 * lagHistogramSql: per whole day of lead → won lag, leads under the filter and over all leads, and
 * the data's as-of date; one row with days null when no lead was won.
 */
function cubeLagHistogram(cube: FunnelCube, filter: LeadFilter): CubeRow[] {
  const won = cube.pipeline.stages.length - 1;
  const level = lagLevelFor(cube, filter);
  const selected = binTotals(level, keptCells(level.cells, compile(cube, filter)), cube.bins.length);
  // Every level holds the same leads: the coarsest sums all of them fastest.
  const all = binTotals(cube.lagLevels[0] ?? level, null, cube.bins.length);
  const rows = cube.bins.flatMap((b, i) =>
    b.spanFrom === 0 && b.spanTo === won && all[i]! > 0 ? [{ as_of: cube.asOf, days: b.days, leads: selected[i]!, all_leads: all[i]! }] : [],
  );
  return rows.length ? rows : [{ as_of: cube.asOf, days: null, leads: 0, all_leads: 0 }];
}

// ---------------------------------------------------------------- requests

/** What a Funnel view asks for: one per SQL builder of src/sql/funnel.ts. */
export type FunnelRequest =
  | { readonly kind: 'stages' }
  | { readonly kind: 'split'; readonly dimension: SplitBy }
  | { readonly kind: 'cohorts' }
  | { readonly kind: 'trend'; readonly dimension?: SplitBy }
  | { readonly kind: 'velocity' }
  | { readonly kind: 'lagHistogram' };

const requestDimension = (request: FunnelRequest): SplitBy | undefined =>
  request.kind === 'split' || request.kind === 'trend' ? request.dimension : undefined;

/** The request's rows from the cube, or null when the cube does not cover the filter or split. */
export function answerFromCube(cube: FunnelCube, request: FunnelRequest, filter: LeadFilter): CubeRow[] | null {
  const dimension = requestDimension(request);
  if (!cubeCovers(filter, dimension)) return null;
  const cubeDimension = dimension as CubeDimension | undefined; // cubeCovers checked it
  switch (request.kind) {
    case 'stages':
      return cubeFunnelStages(cube, filter);
    case 'split':
      return cubeSplit(cube, filter, cubeDimension!);
    case 'cohorts':
      return cubeCohorts(cube, filter);
    case 'trend':
      return cubeTrend(cube, filter, cubeDimension);
    case 'velocity':
      return cubeVelocity(cube, filter);
    case 'lagHistogram':
      return cubeLagHistogram(cube, filter);
  }
}

/**
 * dimensionValuesSql from the cube: a dimension's values with their leads under the filter, most
 * first (NULL last among equals), at most `limit`; null when the cube does not answer it.
 */
export function cubeDimensionValues(cube: FunnelCube, dimension: string, filter: LeadFilter, limit: number): CubeRow[] | null {
  if (!isCubeDimension(dimension) || !cubeCovers(filter)) return null;
  return cubeSplit(cube, filter, dimension)
    .slice(0, limit)
    .map((row) => ({ value: row.value ?? null, leads: row.leads ?? 0 }));
}
