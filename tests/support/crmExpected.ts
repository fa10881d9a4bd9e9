import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { CRM_MAPPINGS, type CrmShapeName } from '../../data-samples/generator/crmShapes';

/**
 * The expected figures of the three CRM-shape samples (data-samples/crm, see its README), computed
 * straight from the CSV files with PapaParse and plain TypeScript, with none of the app's code: its
 * own reading, its own won/lost rules, its own joins and median. If the app and this disagree, one
 * of them is wrong.
 *
 * Conventions: an empty cell is the value null; a placeholder (`Select`) is null where the mapping
 * says so; values are compared as written (`Google` and `google` are two values). `by` lists are
 * sorted by leads descending, then by value in code-unit order, null last.
 */

export const CRM_DIR = fileURLToPath(new URL('../../data-samples/crm', import.meta.url));

export interface ByValue {
  readonly value: string | null;
  readonly leads: number;
  readonly won: number;
  readonly lost: number;
  /** Sum of won amounts; 0 where nothing is won; null where won leads have no amount at all ("revenue unknown", never 0). */
  readonly revenue: number | null;
}

export interface CrmFigures {
  readonly leads: number;
  readonly won: number;
  readonly lost: number;
  /** won / leads (null without leads) */
  readonly leadToWon: number | null;
  /** won / (won + lost), null when won + lost = 0 */
  readonly winRate: number | null;
  readonly revenue: number | null;
  /** Median (quantile_cont) of whole days from the lead's date to its won date; null without such leads. */
  readonly medianDaysToWon: number | null;
  readonly by: Readonly<Record<string, readonly ByValue[]>>;
}

/** The mapping files a user gives the ETL for each shape (the generator writes them as <shape>/mapping.json): the tests' input, not an expectation. */
export const CRM_MAPPING = CRM_MAPPINGS;

export type CrmShape = CrmShapeName;

// ---------------------------------------------------------------------------------------------
// Reading

type Row = Readonly<Record<string, string>>;

/** Rows of a CSV file keyed by header; fails unless the header is exactly `header`. */
export function readCrmCsv(file: string, header: readonly string[]): Row[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${file}: ${parsed.errors[0]!.message} (row ${parsed.errors[0]!.row})`);
  const fields = parsed.meta.fields ?? [];
  if (fields.join('\u0000') !== header.join('\u0000')) throw new Error(`${file}: header ${JSON.stringify(fields)}, expected ${JSON.stringify(header)}`);
  return parsed.data;
}

const cell = (row: Row, column: string): string | null => {
  const v = row[column];
  if (v === undefined) throw new Error(`no column ${column}`);
  return v.trim() === '' ? null : v;
};

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` text (or the date part of `YYYY-MM-DD HH:MM:SS`). */
function dayNumber(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: \d{2}:\d{2}:\d{2})?$/.exec(text);
  if (!m) throw new Error(`not a date: ${text}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** quantile_cont(0.5): the middle value, or the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

// ---------------------------------------------------------------------------------------------
// Figures from per-lead facts

interface LeadFact {
  readonly won: boolean;
  readonly lost: boolean;
  /** Won amount (0 unless won); ignored when the shape has no amounts. */
  readonly amount: number;
  /** Whole days from the lead's date to its won date, when won and both dates exist. */
  readonly daysToWon: number | null;
  readonly dims: Readonly<Record<string, string | null>>;
}

function compareValues(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function figures(facts: readonly LeadFact[], dimensions: readonly string[], hasAmount: boolean): CrmFigures {
  const won = facts.filter((f) => f.won).length;
  const lost = facts.filter((f) => f.lost).length;
  // Nothing won is no revenue (0); won leads without any amount are revenue unknown (null), never 0.
  const sum = (list: readonly LeadFact[]): number | null => {
    if (!list.some((f) => f.won)) return 0;
    return hasAmount ? list.reduce((s, f) => s + (f.won ? f.amount : 0), 0) : null;
  };
  const by: Record<string, ByValue[]> = {};
  for (const dim of dimensions) {
    const groups = new Map<string | null, LeadFact[]>();
    for (const f of facts) {
      const v = f.dims[dim];
      if (v === undefined) throw new Error(`no dimension ${dim}`);
      groups.set(v, [...(groups.get(v) ?? []), f]);
    }
    by[dim] = [...groups]
      .map(([value, list]) => ({
        value,
        leads: list.length,
        won: list.filter((f) => f.won).length,
        lost: list.filter((f) => f.lost).length,
        revenue: sum(list),
      }))
      .sort((a, b) => b.leads - a.leads || compareValues(a.value, b.value));
  }
  return {
    leads: facts.length,
    won,
    lost,
    leadToWon: facts.length === 0 ? null : won / facts.length,
    winRate: won + lost === 0 ? null : won / (won + lost),
    revenue: sum(facts),
    medianDaysToWon: median(facts.flatMap((f) => (f.won && f.daysToWon !== null ? [f.daysToWon] : []))),
    by,
  };
}

// ---------------------------------------------------------------------------------------------
// The three shapes

const MQL_HEADER = ['mql_id', 'first_contact_date', 'landing_page_id', 'origin'];
const WON_HEADER = ['mql_id', 'seller_id', 'sdr_id', 'sr_id', 'won_date', 'business_segment', 'lead_type', 'business_type'];

/** a. Olist marketing funnel: an MQL is won when won.csv has a row for it; nothing is lost; no amounts. */
export function expectedMqlDeals(dir = path.join(CRM_DIR, 'mql-deals')): CrmFigures {
  const mqls = readCrmCsv(path.join(dir, 'mqls.csv'), MQL_HEADER);
  const wonRows = readCrmCsv(path.join(dir, 'won.csv'), WON_HEADER);
  const wonById = new Map<string, Row>();
  for (const w of wonRows) {
    const id = cell(w, 'mql_id') ?? '';
    if (wonById.has(id)) throw new Error(`won.csv: mql ${id} won twice`);
    wonById.set(id, w);
  }
  const facts = mqls.map((m): LeadFact => {
    const w = wonById.get(cell(m, 'mql_id') ?? '');
    const first = cell(m, 'first_contact_date');
    const wonAt = w ? cell(w, 'won_date') : null;
    return {
      won: w !== undefined,
      lost: false,
      amount: 0,
      daysToWon: first !== null && wonAt !== null ? dayNumber(wonAt) - dayNumber(first) : null,
      dims: { source: cell(m, 'origin'), business_segment: w ? cell(w, 'business_segment') : null },
    };
  });
  const known = new Set(mqls.map((m) => m.mql_id));
  const orphan = wonRows.find((w) => !known.has(w.mql_id));
  if (orphan) throw new Error(`won.csv: ${orphan.mql_id} is no MQL`);
  return figures(facts, ['source', 'business_segment'], false);
}

const LEADS_HEADER = [
  'Prospect ID',
  'Lead Number',
  'Lead Origin',
  'Lead Source',
  'Do Not Email',
  'Converted',
  'TotalVisits',
  'Total Time Spent on Website',
  'Last Activity',
  'Country',
  'Specialization',
  'City',
];

/** b. X Education lead scoring: Converted = 1 is won; nothing is lost; no dates, no amounts. */
export function expectedConvertedFlag(dir = path.join(CRM_DIR, 'converted-flag')): CrmFigures {
  const leads = readCrmCsv(path.join(dir, 'leads.csv'), LEADS_HEADER);
  const facts = leads.map((l): LeadFact => {
    const converted = cell(l, 'Converted');
    if (converted !== '0' && converted !== '1') throw new Error(`Converted is "${converted}"`);
    const specialization = cell(l, 'Specialization');
    return {
      won: converted === '1',
      lost: false,
      amount: 0,
      daysToWon: null,
      dims: { source: cell(l, 'Lead Source'), Specialization: specialization === 'Select' ? null : specialization },
    };
  });
  return figures(facts, ['source', 'Specialization'], false);
}

const PIPELINE_HEADER = ['opportunity_id', 'sales_agent', 'product', 'account', 'deal_stage', 'engage_date', 'close_date', 'close_value'];
const TEAMS_HEADER = ['sales_agent', 'manager', 'regional_office'];
const ACCOUNTS_HEADER = ['account', 'sector', 'year_established', 'revenue', 'employees', 'office_location', 'subsidiary_of'];

function lookup(rows: readonly Row[], key: string, value: string): Map<string, string | null> {
  const map = new Map<string, string | null>();
  for (const r of rows) {
    const k = cell(r, key);
    if (k === null || map.has(k)) throw new Error(`lookup key ${key} "${k}" empty or repeated`);
    map.set(k, cell(r, value));
  }
  return map;
}

/** c. Maven CRM sales opportunities: one lead per opportunity; Won/Lost by deal_stage; revenue = close_value of Won. */
export function expectedOpportunities(dir = path.join(CRM_DIR, 'opportunities')): CrmFigures {
  const pipeline = readCrmCsv(path.join(dir, 'sales_pipeline.csv'), PIPELINE_HEADER);
  const office = lookup(readCrmCsv(path.join(dir, 'sales_teams.csv'), TEAMS_HEADER), 'sales_agent', 'regional_office');
  const sector = lookup(readCrmCsv(path.join(dir, 'accounts.csv'), ACCOUNTS_HEADER), 'account', 'sector');
  const facts = pipeline.map((o): LeadFact => {
    const stage = cell(o, 'deal_stage');
    const agent = cell(o, 'sales_agent');
    const account = cell(o, 'account');
    const engage = cell(o, 'engage_date');
    const close = cell(o, 'close_date');
    const won = stage === 'Won';
    const value = cell(o, 'close_value');
    const amount = won ? Number(value) : 0;
    if (won && !(Number.isFinite(amount) && amount > 0)) throw new Error(`Won opportunity ${o.opportunity_id} has close_value "${value}"`);
    return {
      won,
      lost: stage === 'Lost',
      amount,
      daysToWon: engage !== null && close !== null ? dayNumber(close) - dayNumber(engage) : null,
      dims: {
        owner: agent,
        regional_office: agent === null ? null : (office.get(agent) ?? null),
        sector: account === null ? null : (sector.get(account) ?? null),
        product: cell(o, 'product'),
      },
    };
  });
  return figures(facts, ['owner', 'regional_office', 'sector', 'product'], true);
}

export const EXPECTED_CRM: Readonly<Record<CrmShape, (dir?: string) => CrmFigures>> = {
  'mql-deals': expectedMqlDeals,
  'converted-flag': expectedConvertedFlag,
  opportunities: expectedOpportunities,
};
