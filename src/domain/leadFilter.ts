/**
 * Conditions on leads, as plain data: the global filters every page shares and the selections
 * made by clicking a chart (cross-filtering). The SQL builders turn them into bound WHERE clauses;
 * the URL codec writes them into links. A filter is the AND of its conditions.
 */

/** Lead columns a filter or a chart selection can pick values of (`_source`: the export file). */
export const FILTER_DIMENSIONS = ['medium', 'campaign_id', 'channel', 'sales_unit', 'region', 'owner', 'industry', '_source'] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];

/** Dimensions the funnel can be split by, side by side. */
export const SPLIT_DIMENSIONS = ['medium', 'channel', 'sales_unit', 'region', 'owner'] as const satisfies readonly FilterDimension[];
export type SplitDimension = (typeof SPLIT_DIMENSIONS)[number];

/** Days as ISO dates (yyyy-mm-dd), both ends included. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

export type LeadCondition =
  /** The dimension is one of the values; null stands for "not given" (a blank cell). */
  | { readonly kind: 'values'; readonly dimension: FilterDimension; readonly values: readonly (string | null)[] }
  /** created_at within the range. */
  | { readonly kind: 'created'; readonly range: DateRange }
  /** The lead has reached this pipeline stage (DESIGN.md's rule). */
  | { readonly kind: 'reached'; readonly stage: string };

export type LeadFilter = readonly LeadCondition[];

/** Where a selection was made: the view it came from does not filter itself (Mosaic's crossfilter). */
export type ViewId = 'funnel' | 'split' | 'cohorts' | 'velocity' | 'trend';

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
