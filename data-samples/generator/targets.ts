/**
 * Revenue targets per sales unit and quarter (2024-Q4 … 2026-Q4). Set like a planner would: from
 * the run-rate of the settled quarters, with a growth path and a unit-specific ambition, so some
 * units hit their targets and others miss them.
 */
import { Rng } from './prng';
import { FIRST_LEAD_DAY, LAST_LEAD_DAY, quarterIndexOf, quartersBetween } from './dates';
import { SALES_UNITS, type SalesUnit } from './story';

export type TargetRow = {
  period: string;
  sales_unit: SalesUnit;
  revenue_target: number;
  planned_leads: number;
};

const QUARTERS = 64; // 2020-Q1 … 2035-Q4, far beyond anything the story touches
const UNIT_INDEX: ReadonlyMap<SalesUnit, number> = new Map(SALES_UNITS.map((u, i) => [u, i]));

/** Won revenue (by close quarter) and leads (by creation quarter) per unit, collected while streaming. */
export class Ledger {
  private readonly revenue = new Float64Array(SALES_UNITS.length * QUARTERS);
  private readonly leads = new Float64Array(SALES_UNITS.length * QUARTERS);

  private static slot(unit: SalesUnit, quarter: number): number {
    if (quarter < 0 || quarter >= QUARTERS) throw new Error(`quarter ${quarter} outside the ledger`);
    return UNIT_INDEX.get(unit)! * QUARTERS + quarter;
  }

  addLead(unit: SalesUnit, createdDay: number): void {
    this.leads[Ledger.slot(unit, quarterIndexOf(createdDay))]! += 1;
  }

  addRevenue(unit: SalesUnit, closedDay: number, amount: number): void {
    this.revenue[Ledger.slot(unit, quarterIndexOf(closedDay))]! += amount;
  }

  revenueOf(unit: SalesUnit, period: string): number {
    return this.revenue[Ledger.slot(unit, periodIndex(period))]!;
  }

  leadsOf(unit: SalesUnit, period: string): number {
    return this.leads[Ledger.slot(unit, periodIndex(period))]!;
  }
}

function periodIndex(period: string): number {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!m) throw new Error(`bad period ${period}`);
  return (Number(m[1]) - 2020) * 4 + Number(m[2]) - 1;
}

/** How demanding each unit's targets are relative to its run-rate (> 1: likely to miss). */
const AMBITION: Readonly<Record<SalesUnit, number>> = { Nord: 0.9, Süd: 1.05, West: 1.18, Ost: 0.85, Mitte: 1.0 };

/** Target share in the ramp-up quarters (2024-Q4 has two months of leads and almost no closed deals). */
const RAMP_UP: Readonly<Record<string, number>> = { '2024-Q4': 0.25, '2025-Q1': 0.6 };

/** Quarters whose revenue is settled enough to plan from (ramp-up and immature quarters excluded). */
const RUN_RATE_QUARTERS = ['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'];

export function buildTargets(rng: Rng, ledger: Ledger): TargetRow[] {
  const periods = quartersBetween(FIRST_LEAD_DAY, LAST_LEAD_DAY);
  const rows: TargetRow[] = [];
  for (const unit of SALES_UNITS) {
    const runRate = RUN_RATE_QUARTERS.reduce((s, p) => s + ledger.revenueOf(unit, p), 0) / RUN_RATE_QUARTERS.length;
    const leadRate = RUN_RATE_QUARTERS.reduce((s, p) => s + ledger.leadsOf(unit, p), 0) / RUN_RATE_QUARTERS.length;
    periods.forEach((period, i) => {
      // growth path around the run-rate; the first two quarters are ramp-up (the programme starts 2024-11)
      const path = (1 + 0.04 * (i - 4)) * (RAMP_UP[period] ?? 1);
      const noise = rng.range(0.92, 1.08);
      const revenueTarget = Math.max(1000, Math.round((runRate * path * AMBITION[unit] * noise) / 1000) * 1000);
      const plannedLeads = Math.max(10, Math.round((leadRate * path * rng.range(0.95, 1.1)) / 10) * 10);
      rows.push({ period, sales_unit: unit, revenue_target: revenueTarget, planned_leads: plannedLeads });
    });
  }
  return rows;
}
