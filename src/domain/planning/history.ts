/**
 * What the loaded data says about the funnel, as the Planning page's defaults rest on it
 * (DESIGN.md "Planning"): measured once from DuckDB (src/sql/planning.ts), then turned into
 * editable plan inputs by pure code (src/domain/planning/defaults.ts). Plain data, so it can be
 * sent to the simulation's worker and tested without a database.
 */
import type { HistogramBin } from '../funnel';

/** Leads that reached stage i (trials) and of them those that reached stage i + 1 (successes). */
export interface StepCounts {
  readonly trials: number;
  readonly successes: number;
}

/** One medium in one sales unit (unit null: a lead without a sales unit), from mature cohorts. */
export interface SegmentHistory {
  readonly medium: string;
  readonly unit: string | null;
  /** Leads of the mature cohorts the rates rest on. */
  readonly leads: number;
  /** One per step of the pipeline's forward stages (lead→mql, mql→sql, sql→opportunity, opportunity→won). */
  readonly steps: readonly StepCounts[];
  /** Days from created_at to the won date of the won leads (all cohorts: a lag needs no maturity). */
  readonly lagDays: readonly HistogramBin[];
  /** Revenue of each won lead whose revenue is known, in the data's currency (all cohorts). */
  readonly wonAmounts: readonly number[];
  /** Leads created per month ('yyyy-mm' → count) over the last 12 months of the data. */
  readonly leadsLast12Months: Readonly<Record<string, number>>;
}

/** A revenue target of a sales unit for one period as the targets table holds it. */
export interface TargetRow {
  readonly unit: string;
  /** 'yyyy-mm' or 'yyyy-Qn' as imported. */
  readonly period: string;
  readonly revenue: number;
  readonly plannedLeads: number | null;
}

/** A campaign's cost and plan, for cost per lead and planned volumes per medium. */
export interface CampaignRow {
  readonly campaignId: string;
  readonly medium: string;
  readonly start: string | null;
  readonly end: string | null;
  readonly cost: number;
  readonly plannedLeads: number | null;
  /** Leads whose campaign_id is this campaign. */
  readonly leads: number;
}

/** An open lead (not won, lost or disqualified) for the pipeline forecast. */
export interface OpenPipelineRow {
  readonly medium: string;
  readonly unit: string | null;
  /** Index of the furthest forward stage reached (0 = lead … stages − 2). */
  readonly stageIndex: number;
  /** Created month ('yyyy-mm') of these leads; null for leads without a created date. */
  readonly month: string | null;
  readonly leads: number;
  /** Sum of known amounts of these leads (their own or their open deals'); null when none is known. */
  readonly amount: number | null;
}

/** Won revenue already booked, per month, medium and unit (plan vs actual). */
export interface ActualRow {
  readonly month: string;
  readonly medium: string;
  readonly unit: string | null;
  readonly leads: number;
  readonly won: number;
  readonly revenue: number;
}

export interface PlanningHistory {
  /** Latest date in the data (yyyy-mm-dd), the "as of" of maturity and of the running year. */
  readonly asOf: string | null;
  /** p90 of lead→won days over all leads: cohorts older than this are mature. */
  readonly maturityDays: number | null;
  /** Created months ('yyyy-mm') counted as mature. */
  readonly matureMonths: readonly string[];
  readonly currency: string | null;
  readonly segments: readonly SegmentHistory[];
  readonly targets: readonly TargetRow[];
  readonly campaigns: readonly CampaignRow[];
  readonly openPipeline: readonly OpenPipelineRow[];
  readonly actuals: readonly ActualRow[];
}
