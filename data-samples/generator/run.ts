/**
 * Orchestrates one generation run: plan campaigns and days, stream leads and deals day by day,
 * then write campaigns and targets. Memory stays bounded whatever the number of leads: only the
 * daily plan, a ring buffer of recent people and per-unit/quarter totals are kept.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TABLE_KINDS, type TableKind } from '../../src/domain/schema';
import { Rng } from './prng';
import { planCampaigns, drawSource } from './campaigns';
import { LeadFactory, type IssueCounts, type PlantedDuplicate } from './leads';
import { TableSinks } from './sink';
import { STYLES, type StyleName } from './styles';
import { Ledger, buildTargets } from './targets';
import { TouchMaker } from './touches';

export interface GenerateOptions {
  readonly seed: number;
  readonly leads: number;
  /** Files go to <outDir>/<style>/<table>.csv */
  readonly outDir: string;
  readonly styles: readonly StyleName[];
  /** Called after each simulated day with leads done so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface TableSummary {
  readonly rows: number;
  readonly bytes: Partial<Record<StyleName, number>>;
}

export interface GenerateSummary {
  readonly seed: number;
  readonly leads: number;
  readonly tables: Readonly<Record<TableKind, TableSummary>>;
  readonly issues: IssueCounts;
}

/** Which leads the generator made duplicates of which: `duplicate_lead_id,original_lead_id,kind`. */
export const PLANTED_DUPLICATES_FILE = 'planted-duplicates.csv';

function plantedDuplicatesCsv(planted: readonly PlantedDuplicate[]): string {
  return ['duplicate_lead_id,original_lead_id,kind', ...planted.map((p) => `${p.duplicate},${p.original},${p.kind}`)].join('\n') + '\n';
}

export const DEFAULT_SEED = 42;
export const DEFAULT_LEADS = 20_000;

/** Separate random streams, so e.g. the targets do not shift when the lead model changes. */
const STREAM = { plan: 1, leads: 2, targets: 3, touches: 4 } as const;

export async function generateSamples(options: GenerateOptions): Promise<GenerateSummary> {
  const { seed, leads, outDir } = options;
  if (!Number.isInteger(leads) || leads < 1) throw new Error(`--leads must be a positive integer, got ${leads}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${seed}`);
  if (options.styles.length === 0) throw new Error('at least one style (en, de) is required');
  const styles = options.styles.map((s) => STYLES[s]);
  const dirOf = (style: { name: StyleName }): string => join(outDir, style.name);

  const { campaigns, plan } = planCampaigns(new Rng(seed, STREAM.plan), leads);
  const leadRng = new Rng(seed, STREAM.leads);
  const factory = new LeadFactory(leadRng, seed, leads);
  const ledger = new Ledger();
  const touchMaker = new TouchMaker(new Rng(seed, STREAM.touches), campaigns, plan.firstDay, plan.firstDay + plan.counts.length - 1);

  const tables = {} as Record<TableKind, TableSummary>;
  const summarize = (kind: TableKind, sinks: TableSinks): void => {
    const bytes: Partial<Record<StyleName, number>> = {};
    for (const style of styles) bytes[style.name] = sinks.bytesBy(style) ?? 0;
    tables[kind] = { rows: sinks.rows, bytes };
  };

  const leadSinks = await TableSinks.open(dirOf, styles, 'leads');
  const dealSinks = await TableSinks.open(dirOf, styles, 'deals');
  const touchSinks = await TableSinks.open(dirOf, styles, 'touches');
  try {
    let done = 0;
    for (let k = 0; k < plan.counts.length; k++) {
      const day = plan.firstDay + k;
      const count = plan.counts[k]!;
      for (let i = 0; i < count; i++) {
        const source = plan.sources[drawSource(leadRng, plan, k)]!;
        const { lead, deal } = factory.make(day, source);
        ledger.addLead(lead.sales_unit, day);
        const p1 = leadSinks.write(lead);
        if (p1) await p1;
        for (const touch of touchMaker.make(lead.lead_id, lead.created_at, lead.campaign_id)) {
          const p3 = touchSinks.write(touch);
          if (p3) await p3;
        }
        if (deal) {
          if (deal.outcome === 'won' && deal.closed_at !== null) ledger.addRevenue(lead.sales_unit, deal.closed_at, deal.amount);
          const p2 = dealSinks.write(deal);
          if (p2) await p2;
        }
      }
      done += count;
      options.onProgress?.(done, leads);
    }
    await leadSinks.close();
    await dealSinks.close();
    await touchSinks.close();
  } catch (e) {
    await leadSinks.abort();
    await dealSinks.abort();
    await touchSinks.abort();
    throw e;
  }
  summarize('leads', leadSinks);
  summarize('deals', dealSinks);
  summarize('touches', touchSinks);

  const campaignSinks = await TableSinks.open(dirOf, styles, 'campaigns');
  for (const c of campaigns) {
    const p = campaignSinks.write({
      campaign_id: c.id,
      name: c.name,
      medium: c.medium,
      start_date: c.start,
      end_date: c.end,
      cost: c.cost,
      planned_leads: c.plannedLeads,
    });
    if (p) await p;
  }
  await campaignSinks.close();
  summarize('campaigns', campaignSinks);

  const targetSinks = await TableSinks.open(dirOf, styles, 'targets');
  for (const t of buildTargets(new Rng(seed, STREAM.targets), ledger)) {
    const p = targetSinks.write(t);
    if (p) await p;
  }
  await targetSinks.close();
  summarize('targets', targetSinks);

  for (const kind of TABLE_KINDS) if (!tables[kind]) throw new Error(`table ${kind} was not written`);
  // Beside the style folders, not in them: it is no export, and the ETL reads a folder's every CSV.
  await writeFile(join(outDir, PLANTED_DUPLICATES_FILE), plantedDuplicatesCsv(factory.planted));
  return { seed, leads, tables, issues: factory.issues };
}
