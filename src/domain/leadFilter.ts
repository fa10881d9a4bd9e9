/**
 * Conditions on leads, as plain data: the global filters every page shares and the selections
 * made by clicking a chart (cross-filtering). The SQL builders turn them into bound WHERE clauses;
 * the URL codec writes them into links. A filter is the AND of its conditions.
 */

import { CANONICAL } from './schema';

/**
 * Lead columns a filter or a chart selection can pick values of, always there (`source`: the
 * medium as the export wrote it, beside its group `medium`; `_source`: the export file).
 */
export const FILTER_DIMENSIONS = ['medium', 'source', 'campaign_id', 'channel', 'sales_unit', 'region', 'owner', 'industry', '_source'] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];

/** The fixed dimensions the funnel can be split by, side by side. */
export const SPLIT_DIMENSIONS = ['medium', 'source', 'channel', 'sales_unit', 'region', 'owner'] as const satisfies readonly FilterDimension[];
export type SplitDimension = (typeof SPLIT_DIMENSIONS)[number];

/**
 * A lead_facts column beyond the fixed list, by its header: a column of an export the mapping did
 * not use, or a lookup's. The prefix keeps it apart from the fixed names in one string type, so a
 * condition stays plain data, a record can be keyed by either, and a select's value can be either.
 * Such a name comes from user files (or a link): it is checked against the columns lead_facts has
 * before a view asks anything of it, and reaches SQL only through quoteIdent.
 */
export type ExtraDimension = `x:${string}`;
/** Any dimension a condition may name. */
export type LeadDimension = FilterDimension | ExtraDimension;
/** What the funnel can be split by: a fixed dimension or an extra column. */
export type SplitBy = SplitDimension | ExtraDimension;

export const extraDimension = (column: string): ExtraDimension => `x:${column}`;
export const isExtraDimension = (dimension: string): dimension is ExtraDimension => dimension.startsWith('x:');
/** The lead_facts column a dimension reads. */
export const dimensionColumn = (dimension: LeadDimension): string => (isExtraDimension(dimension) ? dimension.slice(2) : dimension);

/** Columns of lead_facts that are not extra: the canonical lead columns and where each row came from. */
const BUILT_IN_COLUMNS = new Set([...CANONICAL.leads.map((c) => c.name), '_source', '_line']);

/**
 * The extra and lookup columns among lead_facts' columns (name and DuckDB type), in table order.
 * DuckDB names are case-insensitive, so a built-in name in other case is built-in too.
 */
export function extraLeadColumns<C extends { readonly name: string }>(columns: readonly C[]): C[] {
  return columns.filter((c) => !BUILT_IN_COLUMNS.has(c.name.toLowerCase()));
}

/** Days as ISO dates (yyyy-mm-dd), both ends included. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

export type LeadCondition =
  /** The dimension is one of the values; null stands for "not given" (a blank cell). */
  | { readonly kind: 'values'; readonly dimension: LeadDimension; readonly values: readonly (string | null)[] }
  /** created_at within the range. */
  | { readonly kind: 'created'; readonly range: DateRange }
  /** The lead has reached this pipeline stage (DESIGN.md's rule). */
  | { readonly kind: 'reached'; readonly stage: string };

export type LeadFilter = readonly LeadCondition[];

/** Where a selection was made: the view it came from does not filter itself (Mosaic's crossfilter). */
export type ViewId = 'funnel' | 'split' | 'cohorts' | 'velocity' | 'trend' | 'media' | 'quality';

/** A condition set by clicking or brushing a chart. */
export interface Selection {
  readonly source: ViewId;
  readonly condition: LeadCondition;
}

/** The conditions a view applies: every global filter, and the selections made in other views. */
export function conditionsFor(view: ViewId | null, filters: LeadFilter, selections: readonly Selection[]): LeadFilter {
  return [...filters, ...selections.filter((s) => s.source !== view).map((s) => s.condition)];
}

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The conditions of a created month 'yyyy-mm' (or a range of months) as a created_at range. */
export function monthsCondition(first: string, last = first): LeadCondition {
  const [year, month] = last.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return { kind: 'created', range: { from: `${first}-01`, to: end } };
}
