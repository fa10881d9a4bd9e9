import type { Pipeline } from './pipeline';

/**
 * The figures of the pages' default view (no filter, no period, no selection), computed ahead —
 * by the ETL into a bundle's figures.json, or by the app beside the data stored in the browser —
 * so the Overview and the Funnel can show them before the database engine has started. They are
 * the rows of the very queries the pages run (src/sql), so they cannot differ by definition; the
 * pages read them with the same code as live rows, and replace them with live ones once the engine
 * is ready.
 */
export const PREPARED_FIGURES_KIND = 'leadloop-figures';
/** Bump when a reader could misread older figures: a file of another version is ignored, never painted. */
export const PREPARED_FIGURES_VERSION = 1;

export type PreparedCell = string | number | boolean | null;
export type PreparedRow = Readonly<Record<string, PreparedCell>>;

/** What each query of the default view returned, by the name the pages ask for it with. */
export interface PreparedRows {
  /** funnelKpisSql: the Overview's KPI cards (one row). */
  readonly overviewKpis: readonly PreparedRow[];
  /** funnelKpisSql grouped by medium: the Overview's media table. */
  readonly overviewByMedium: readonly PreparedRow[];
  /** leadsPerMonthByMediumSql: the Overview's chart. */
  readonly overviewMonths: readonly PreparedRow[];
  /** dateCoverageSql: whether and how many leads have a creation date. */
  readonly dateCoverage: readonly PreparedRow[];
  /** funnelRequestSql(stages): the Funnel's stage counts and rates. */
  readonly funnelStages: readonly PreparedRow[];
}

export type PreparedSection = keyof PreparedRows;
export const PREPARED_SECTIONS: readonly PreparedSection[] = ['overviewKpis', 'overviewByMedium', 'overviewMonths', 'dateCoverage', 'funnelStages'];

export interface PreparedFigures {
  readonly kind: typeof PREPARED_FIGURES_KIND;
  readonly version: number;
  /** The pipeline's stages the rows were counted with: figures of another pipeline are not this app's. */
  readonly stages: readonly string[];
  readonly rows: PreparedRows;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCell = (v: unknown): v is PreparedCell => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
/** A count: what every figure of these rows except the revenue is. */
const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Rows of plain cells, and the columns a page reads as counts present and counts. */
function rowsOf(value: unknown, counts: readonly string[]): PreparedRow[] | null {
  if (!Array.isArray(value)) return null;
  const rows: PreparedRow[] = [];
  for (const row of value) {
    if (!isRecord(row) || !Object.values(row).every(isCell)) return null;
    if (!counts.every((column) => isCount(row[column]))) return null;
    rows.push(row as PreparedRow);
  }
  return rows;
}

/**
 * The figures file, checked; null for anything else: another kind or version, another pipeline, a
 * damaged or partial file. A figure that might be wrong is never painted (the page waits for the
 * engine instead), so this never throws.
 */
export function parsePreparedFigures(json: unknown, pipeline: Pipeline): PreparedFigures | null {
  if (!isRecord(json) || json.kind !== PREPARED_FIGURES_KIND || json.version !== PREPARED_FIGURES_VERSION) return null;
  if (!Array.isArray(json.stages) || JSON.stringify(json.stages) !== JSON.stringify(pipeline.stages)) return null;
  if (!isRecord(json.rows)) return null;
  const reached = pipeline.stages.slice(1).map((_, k) => `reached_${k + 1}`);
  const kpiCounts = ['leads', ...reached, 'lost', 'won_unpriced', 'currencies'];
  const required: Readonly<Record<PreparedSection, readonly string[]>> = {
    overviewKpis: kpiCounts,
    overviewByMedium: kpiCounts,
    overviewMonths: ['leads'],
    dateCoverage: ['leads', 'dated'],
    funnelStages: ['leads', ...reached, ...pipeline.terminal.flatMap((_, t) => pipeline.stages.map((_, i) => `ended_${t}_at_${i}`))],
  };
  const rows: Partial<Record<PreparedSection, PreparedRow[]>> = {};
  for (const section of PREPARED_SECTIONS) {
    const parsed = rowsOf(json.rows[section], required[section]);
    if (!parsed) return null;
    rows[section] = parsed;
  }
  // One row each: a total is never a list.
  if (rows.overviewKpis!.length !== 1 || rows.dateCoverage!.length !== 1 || rows.funnelStages!.length !== 1) return null;
  return { kind: PREPARED_FIGURES_KIND, version: PREPARED_FIGURES_VERSION, stages: [...pipeline.stages], rows: rows as PreparedRows };
}
