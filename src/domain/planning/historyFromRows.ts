/**
 * The rows of the planning queries (src/sql/planning.ts, with the Funnel's lagHistogramSql and the
 * Overview's funnelKpisSql) turned into PlanningHistory: maturity as the Funnel decides it, step
 * counts summed over the mature cohorts, histograms, amounts and plain rows. Pure: numbers arrive as
 * numbers or bigints (whatever the engine's Arrow gave) and leave as JS numbers.
 */
import { lagDistributionFromRows, matureCohorts, reachedColumn } from '../funnel';
import type { Pipeline } from '../pipeline';
import type { ActualRow, CampaignRow, OpenPipelineRow, PlanningHistory, SegmentHistory, StepCounts, TargetRow } from './history';

/** A result row as a query returns it. */
export type SqlRow = Readonly<Record<string, unknown>>;

/** What each planning query returned (an absent table: no rows). */
export interface PlanningRows {
  /** lagHistogramSql (src/sql/funnel.ts): as_of, days, leads, all_leads. */
  readonly lagHistogram: readonly SqlRow[];
  /** planningCohortsSql: month, medium, sales_unit, leads, reached_k. */
  readonly cohorts: readonly SqlRow[];
  /** planningLagSql: medium, sales_unit, days, leads. */
  readonly lags: readonly SqlRow[];
  /** wonAmountsSql: medium, sales_unit, amount, leads. */
  readonly wonAmounts: readonly SqlRow[];
  /** funnelKpisSql's one row (src/sql/overview.ts): currencies, currency. */
  readonly kpis: SqlRow | undefined;
  readonly targets: readonly SqlRow[];
  readonly campaigns: readonly SqlRow[];
  /** openPipelineSql: medium, sales_unit, stage_index, month, leads, amount. */
  readonly openPipeline: readonly SqlRow[];
  readonly actuals: readonly SqlRow[];
}

export const NO_PLANNING_ROWS: PlanningRows = {
  lagHistogram: [],
  cohorts: [],
  lags: [],
  wonAmounts: [],
  kpis: undefined,
  targets: [],
  campaigns: [],
  openPipeline: [],
  actuals: [],
};

/**
 * The medium of leads without one: DESIGN.md's name for an empty medium ("empty is '(none)'"). The
 * contract's media are strings, so a lead with no medium is planned under this one.
 */
export const NO_MEDIUM = '(none)';

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const medium = (value: unknown): string => text(value) ?? NO_MEDIUM;

/** The key of a segment: JSON keeps "a|b" and a null unit apart from any string. */
const segmentKey = (m: string, unit: string | null) => JSON.stringify([m, unit]);

/** 'yyyy-mm' of the month `back` months before the month of an ISO date. */
function monthBefore(isoDate: string, back: number): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7)) - 1 - back;
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}`;
}

/** The 12 months ending with asOf's month, oldest first. */
export function last12Months(asOf: string): string[] {
  return Array.from({ length: 12 }, (_, i) => monthBefore(asOf, 11 - i));
}

interface SegmentBuilder {
  medium: string;
  unit: string | null;
  leads: number;
  reached: number[];
  /** days → won leads */
  lagDays: Map<number, number>;
  wonAmounts: number[];
  leadsLast12Months: Record<string, number>;
}

export function planningHistoryFromRows(pipeline: Pipeline, rows: PlanningRows): PlanningHistory {
  const lag = lagDistributionFromRows(
    rows.lagHistogram.map((r) => ({ as_of: text(r.as_of), days: numOrNull(r.days), leads: num(r.leads), all_leads: num(r.all_leads) })),
  );
  const asOf = lag.asOf;
  const maturityDays = lag.historicalP90;
  const months = [...new Set(rows.cohorts.map((r) => text(r.month)).filter((m): m is string => m !== null))].sort();
  const matureMonths = asOf ? matureCohorts(months, asOf, maturityDays) : [];
  const mature = new Set(matureMonths);
  const window = asOf ? last12Months(asOf) : [];
  const inWindow = new Set(window);

  const stages = pipeline.stages.length;
  const segments = new Map<string, SegmentBuilder>();
  const segment = (row: SqlRow): SegmentBuilder => {
    const m = medium(row.medium);
    const unit = text(row.sales_unit);
    const key = segmentKey(m, unit);
    let found = segments.get(key);
    if (!found) {
      found = {
        medium: m,
        unit,
        leads: 0,
        reached: new Array<number>(stages).fill(0),
        lagDays: new Map(),
        wonAmounts: [],
        leadsLast12Months: Object.fromEntries(window.map((w) => [w, 0])),
      };
      segments.set(key, found);
    }
    return found;
  };

  for (const row of rows.cohorts) {
    const s = segment(row);
    const month = text(row.month);
    const leads = num(row.leads);
    if (month !== null && inWindow.has(month)) s.leadsLast12Months[month] = (s.leadsLast12Months[month] ?? 0) + leads;
    if (month === null || !mature.has(month)) continue;
    s.leads += leads;
    for (let k = 0; k < stages; k++) s.reached[k]! += k === 0 ? leads : num(row[reachedColumn(k)]);
  }
  for (const row of rows.lags) {
    const count = num(row.leads);
    if (row.days === null || row.days === undefined || count === 0) continue;
    const s = segment(row);
    const days = Number(row.days);
    s.lagDays.set(days, (s.lagDays.get(days) ?? 0) + count);
  }
  for (const row of rows.wonAmounts) {
    if (row.amount === null || row.amount === undefined) continue;
    const s = segment(row);
    for (let i = 0; i < num(row.leads); i++) s.wonAmounts.push(Number(row.amount));
  }

  const bySegment = (a: { medium: string; unit: string | null }, b: { medium: string; unit: string | null }) =>
    compareText(a.medium, b.medium) || compareText(a.unit, b.unit);

  const history: SegmentHistory[] = [...segments.values()].sort(bySegment).map((s) => ({
    medium: s.medium,
    unit: s.unit,
    leads: s.leads,
    steps: s.reached.slice(0, -1).map((trials, i): StepCounts => ({ trials, successes: s.reached[i + 1] ?? 0 })),
    lagDays: [...s.lagDays].map(([value, count]) => ({ value, count })).sort((a, b) => a.value - b.value),
    wonAmounts: [...s.wonAmounts].sort((a, b) => a - b),
    leadsLast12Months: s.leadsLast12Months,
  }));

  const currencies = num(rows.kpis?.currencies);
  return {
    asOf,
    maturityDays,
    matureMonths,
    currency: currencies === 1 ? text(rows.kpis?.currency) : null,
    segments: history,
    targets: rows.targets.map(
      (r): TargetRow => ({ unit: String(r.sales_unit), period: String(r.period), revenue: num(r.revenue), plannedLeads: numOrNull(r.planned_leads) }),
    ),
    campaigns: rows.campaigns.map(
      (r): CampaignRow => ({
        campaignId: String(r.campaign_id),
        medium: medium(r.medium),
        start: text(r.start),
        end: text(r.end),
        cost: num(r.cost),
        plannedLeads: numOrNull(r.planned_leads),
        leads: num(r.leads),
      }),
    ),
    openPipeline: rows.openPipeline.map(
      (r): OpenPipelineRow => ({
        medium: medium(r.medium),
        unit: text(r.sales_unit),
        stageIndex: num(r.stage_index),
        month: text(r.month),
        leads: num(r.leads),
        amount: numOrNull(r.amount),
      }),
    ),
    actuals: rows.actuals.map(
      (r): ActualRow => ({
        month: String(r.month),
        medium: medium(r.medium),
        unit: text(r.sales_unit),
        leads: num(r.leads),
        won: num(r.won),
        revenue: num(r.revenue),
      }),
    ),
  };
}

/** Strings in code-point order (as DuckDB sorts VARCHAR), null last. */
function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
