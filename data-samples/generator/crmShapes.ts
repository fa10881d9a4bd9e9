/**
 * Three small CRM exports in the shapes of well-known public datasets, for checking the import and
 * the figures by hand (see data-samples/crm/README.md, which this module also writes):
 *
 *   crm/mql-deals/       Olist "Marketing Funnel": mqls.csv + won.csv (closed deals, no amount)
 *   crm/converted-flag/  X Education "Lead Scoring": leads.csv with a 0/1 Converted flag, no dates
 *   crm/opportunities/   Maven Analytics "CRM Sales Opportunities": sales_pipeline.csv + lookups
 *
 * Each lead file has 30–120 data rows (the deals and lookups fewer). Output is UTF-8 without BOM, comma-separated, RFC 4180 quoting,
 * `\n` line ends, a header row; byte-identical for the same seed. Random numbers come from the
 * seeded Rng (streams of their own, so the en/de samples never shift), the clock is never read.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dayOf, isoDate } from './dates';
import { Rng } from './prng';

/** Random streams of the three shapes (run.ts uses 1–3). */
const STREAM = { mqlDeals: 101, convertedFlag: 102, opportunities: 103 } as const;

type Table = readonly (readonly string[])[];

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvText(header: readonly string[], rows: Table): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\n`).join('');
}

function hex(rng: Rng, length: number): string {
  let out = '';
  while (out.length < length) out += rng.uint32().toString(16).padStart(8, '0');
  return out.slice(0, length);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A weighted choice among [value, weight] pairs. */
function choose<T>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  return table[rng.weighted(table.map(([, w]) => w))]![0];
}

/** k distinct indices of 0…n-1 (partial Fisher–Yates), in ascending order. */
function sample(rng: Rng, n: number, k: number): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx.slice(0, k).sort((a, b) => a - b);
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// Mapping files: what a user gives the ETL (`npm run etl -- <folder> --mapping <folder>/mapping.json`)

export type CrmShapeName = 'mql-deals' | 'converted-flag' | 'opportunities';
export const CRM_SHAPES: readonly CrmShapeName[] = ['mql-deals', 'converted-flag', 'opportunities'];

export const CRM_MAPPINGS: Readonly<Record<CrmShapeName, Readonly<Record<string, unknown>>>> = {
  'mql-deals': {
    'mqls.csv': { kind: 'leads', columns: { lead_id: 'mql_id', created_at: 'first_contact_date', medium: 'origin' }, constants: { stage: 'mql' } },
    'won.csv': { kind: 'deals', columns: { lead_id: 'mql_id', closed_at: 'won_date' }, constants: { outcome: 'won' } },
  },
  'converted-flag': {
    'leads.csv': {
      kind: 'leads',
      columns: { lead_id: 'Prospect ID', medium: 'Lead Source', stage: 'Converted' },
      values: { stage: { '1': 'won', '0': 'lead' } },
      placeholders: ['Select'],
      currency: 'USD',
    },
  },
  opportunities: {
    'sales_pipeline.csv': {
      kind: 'leads',
      columns: {
        lead_id: 'opportunity_id',
        owner: 'sales_agent',
        company: 'account',
        stage: 'deal_stage',
        created_at: 'engage_date',
        closed_at: 'close_date',
        amount: 'close_value',
      },
      currency: 'USD',
    },
    'sales_teams.csv': { kind: 'lookup', key: { owner: 'sales_agent' } },
    'accounts.csv': { kind: 'lookup', key: { company: 'account' } },
  },
};

// ---------------------------------------------------------------------------------------------
// a. Olist marketing funnel: MQLs and the deals closed from them

const MQL_HEADER = ['mql_id', 'first_contact_date', 'landing_page_id', 'origin'] as const;
const WON_HEADER = ['mql_id', 'seller_id', 'sdr_id', 'sr_id', 'won_date', 'business_segment', 'lead_type', 'business_type'] as const;
const MQL_COUNT = 80;
const WON_COUNT = 16; // 20 % of the MQLs

const ORIGINS: readonly (readonly [string, number])[] = [
  ['organic_search', 28],
  ['paid_search', 20],
  ['social', 16],
  ['unknown', 12],
  ['direct_traffic', 6],
  ['email', 6],
  ['referral', 4],
  ['display', 2],
  ['other', 2],
  ['', 5],
];
const SEGMENTS: readonly (readonly [string, number])[] = [
  ['home_decor', 6],
  ['health_beauty', 5],
  ['car_accessories', 3],
  ['household_utilities', 3],
  ['construction_tools_house_garden', 2],
  ['audio_video_electronics', 2],
  ['computers', 1],
  ['pet', 1],
];
const LEAD_TYPES: readonly (readonly [string, number])[] = [
  ['online_medium', 8],
  ['online_big', 3],
  ['industry', 3],
  ['offline', 2],
  ['online_small', 2],
  ['online_beginner', 1],
  ['online_top', 1],
];
const BUSINESS_TYPES: readonly (readonly [string, number])[] = [
  ['reseller', 7],
  ['manufacturer', 3],
  ['other', 1],
];

function mqlDeals(seed: number): Record<string, string> {
  const rng = new Rng(seed, STREAM.mqlDeals);
  const landingPages = Array.from({ length: 8 }, () => hex(rng, 32));
  const first2025 = dayOf(2025, 1, 1);
  const mqls = Array.from({ length: MQL_COUNT }, () => ({
    id: hex(rng, 32),
    day: first2025 + rng.int(365),
    landingPage: landingPages[rng.weighted([8, 6, 5, 4, 3, 2, 1, 1])]!,
    origin: choose(rng, ORIGINS),
  })).sort((a, b) => a.day - b.day || byText(a.id, b.id));

  const sdrs = Array.from({ length: 4 }, () => hex(rng, 32));
  const srs = Array.from({ length: 3 }, () => hex(rng, 32));
  const won = sample(rng, MQL_COUNT, WON_COUNT).map((i) => {
    const mql = mqls[i]!;
    // Olist closes most deals within a few weeks of the first contact, some the same day, a few months later.
    const lag = rng.chance(0.1) ? 0 : Math.floor(rng.lognormal(15, 1.1));
    const seconds = rng.int(86_400);
    return {
      mql,
      day: mql.day + lag,
      time: `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`,
      seller: hex(rng, 32),
      sdr: rng.pick(sdrs),
      sr: rng.pick(srs),
      segment: choose(rng, SEGMENTS),
      leadType: choose(rng, LEAD_TYPES),
      businessType: choose(rng, BUSINESS_TYPES),
    };
  });
  won.sort((a, b) => a.day - b.day || byText(a.time, b.time));

  return {
    'mqls.csv': csvText(
      MQL_HEADER,
      mqls.map((m) => [m.id, isoDate(m.day), m.landingPage, m.origin]),
    ),
    'won.csv': csvText(
      WON_HEADER,
      won.map((w) => [w.mql.id, w.seller, w.sdr, w.sr, `${isoDate(w.day)} ${w.time}`, w.segment, w.leadType, w.businessType]),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// b. X Education lead scoring: one row per lead, a 0/1 Converted flag, no dates

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
] as const;
const LEAD_COUNT = 100;

/** Lead Source, and how likely such a lead converts (the real set: references convert far better). */
const LEAD_SOURCES: readonly (readonly [string, number, number])[] = [
  ['Google', 28, 0.38],
  ['Direct Traffic', 24, 0.3],
  ['Olark Chat', 18, 0.25],
  ['Organic Search', 12, 0.35],
  ['Reference', 6, 0.9],
  ['Welingak Website', 3, 0.95],
  ['google', 3, 0.35],
  ['', 4, 0.3],
];
const LAST_ACTIVITIES: readonly (readonly [string, number])[] = [
  ['Email Opened', 37],
  ['SMS Sent', 30],
  ['Olark Chat Conversation', 10],
  ['Page Visited on Website', 7],
  ['Converted to Lead', 5],
  ['Email Bounced', 4],
  ['Email Link Clicked', 3],
  ['Form Submitted on Website', 2],
];
const COUNTRIES: readonly (readonly [string, number])[] = [
  ['India', 70],
  ['', 24],
  ['United States', 2],
  ['United Arab Emirates', 2],
  ['Singapore', 1],
  ['Saudi Arabia', 1],
];
const SPECIALIZATIONS: readonly (readonly [string, number])[] = [
  ['Select', 20],
  ['', 6],
  ['Finance Management', 11],
  ['Human Resource Management', 10],
  ['Marketing Management', 10],
  ['Operations Management', 6],
  ['Business Administration', 5],
  ['IT Projects Management', 4],
  ['Banking, Investment And Insurance', 4],
  ['Supply Chain Management', 4],
  ['Media and Advertising', 2],
  ['Travel and Tourism', 2],
];
const CITIES: readonly (readonly [string, number])[] = [
  ['Mumbai', 35],
  ['Select', 20],
  ['', 8],
  ['Thane & Outskirts', 8],
  ['Other Cities', 7],
  ['Other Cities of Maharashtra', 5],
  ['Other Metro Cities', 4],
  ['Tier II Cities', 1],
];

function uuidLike(rng: Rng): string {
  const h = hex(rng, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[rng.int(4)]}${h.slice(17, 20)}-${h.slice(20)}`;
}

function convertedFlag(seed: number): Record<string, string> {
  const rng = new Rng(seed, STREAM.convertedFlag);
  let leadNumber = 660_737; // the real export counts down from here
  const rows: string[][] = [];
  for (let i = 0; i < LEAD_COUNT; i++) {
    const id = uuidLike(rng);
    const [source, , pConvert] = LEAD_SOURCES[rng.weighted(LEAD_SOURCES.map(([, w]) => w))]!;
    const origin =
      source === 'Reference' || source === 'Welingak Website'
        ? 'Lead Add Form'
        : source === 'Olark Chat'
          ? 'API'
          : source === ''
            ? rng.pick(['API', 'Lead Import'])
            : rng.chance(0.6)
              ? 'Landing Page Submission'
              : 'API';
    const doNotEmail = rng.chance(0.08);
    const converted = rng.chance(doNotEmail ? pConvert / 2 : pConvert);
    // Chat and form leads never visited the site; a few visit counts are missing.
    let visits: string;
    let seconds: number;
    if (source === 'Olark Chat' || origin === 'Lead Add Form') {
      visits = '0';
      seconds = 0;
    } else if (rng.chance(0.04)) {
      visits = '';
      seconds = 0;
    } else {
      const n = 1 + Math.floor(rng.lognormal(2.5, 0.7));
      visits = String(n);
      seconds = Math.min(2272, Math.round(rng.lognormal(converted ? 900 : 250, 0.8)));
    }
    leadNumber -= 1 + rng.int(40);
    rows.push([
      id,
      String(leadNumber),
      origin,
      source,
      doNotEmail ? 'Yes' : 'No',
      converted ? '1' : '0',
      visits,
      String(seconds),
      choose(rng, LAST_ACTIVITIES),
      choose(rng, COUNTRIES),
      choose(rng, SPECIALIZATIONS),
      choose(rng, CITIES),
    ]);
  }
  return { 'leads.csv': csvText(LEADS_HEADER, rows) };
}

// ---------------------------------------------------------------------------------------------
// c. Maven Analytics CRM sales opportunities: one row per opportunity, plus two lookups

const PIPELINE_HEADER = ['opportunity_id', 'sales_agent', 'product', 'account', 'deal_stage', 'engage_date', 'close_date', 'close_value'] as const;
const TEAMS_HEADER = ['sales_agent', 'manager', 'regional_office'] as const;
const ACCOUNTS_HEADER = ['account', 'sector', 'year_established', 'revenue', 'employees', 'office_location', 'subsidiary_of'] as const;
const OPPORTUNITY_COUNT = 90;

/** [agent, manager, regional office, share of the opportunities] */
const TEAMS: readonly (readonly [string, string, string, number])[] = [
  ['Anneliese Voss', 'Harlan Drury', 'Central', 14],
  ['Bertram Okafor', 'Harlan Drury', 'Central', 10],
  ['Corinna Vale', 'Harlan Drury', 'Central', 7],
  ['Dario Fenwick', 'Maren Sollis', 'East', 13],
  ['Elspeth Marr', 'Maren Sollis', 'East', 9],
  ['Fabian Quist', 'Oskar Lindell', 'East', 8],
  ['Greta Holloway', 'Priya Anand', 'West', 12],
  ['Hugo Szabo', 'Priya Anand', 'West', 7],
];

/** [account, sector, year established, revenue (USD millions), employees, office location, subsidiary of] */
const ACCOUNTS: readonly (readonly [string, string, string, string, string, string, string])[] = [
  ['Aldercrest', 'technology', '1996', '1452.66', '4398', 'United States', ''],
  ['Brightmoor Health', 'medical', '1989', '3617.40', '9810', 'United States', ''],
  ['Cobaltline', 'software', '2007', '411.18', '1120', 'United States', 'Aldercrest'],
  ['Dunmore Retail', 'retail', '1978', '2934.51', '12008', 'United States', ''],
  ['Elkwater Finance', 'finance', '1992', '5120.09', '7421', 'United States', ''],
  ['Fernhollow', 'marketing', '2011', '98.79', '301', 'Germany', ''],
  ['Glasswing Media', 'entertainment', '2002', '733.27', '1866', 'United States', ''],
  ['Harborview Telecom', 'telecommunications', '1984', '4286.93', '11540', 'Japan', ''],
  ['Ironbark Systems', 'technology', '2000', '1907.40', '5214', 'United States', 'Aldercrest'],
  ['Juniper Staffing', 'employment', '2013', '187.02', '640', 'Kenya', ''],
  ['Kestrel Labs', 'medical', '2009', '566.35', '1402', 'United States', 'Brightmoor Health'],
  ['Larchmont Services', 'services', '1999', '1034.08', '2990', 'United States', ''],
];
const ACCOUNT_WEIGHTS = [12, 10, 8, 9, 7, 5, 6, 7, 9, 4, 6, 6];

/** [product, list price]: close values scatter around it. */
const PRODUCTS: readonly (readonly [string, number, number])[] = [
  ['GTX Basic', 550, 30],
  ['GTX Pro', 4821, 18],
  ['MG Special', 55, 28],
  ['MG Advanced', 3393, 24],
];

const ID_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function opportunities(seed: number): Record<string, string> {
  const rng = new Rng(seed, STREAM.opportunities);
  const first = dayOf(2025, 1, 1);
  const lateEngaging = dayOf(2025, 9, 1);
  const rows = Array.from({ length: OPPORTUNITY_COUNT }, () => {
    let id = '';
    for (let k = 0; k < 8; k++) id += ID_CHARS[rng.int(ID_CHARS.length)];
    const agent = TEAMS[rng.weighted(TEAMS.map((t) => t[3]))]![0];
    const [product, price] = PRODUCTS[rng.weighted(PRODUCTS.map((p) => p[2]))]!;
    const stage = choose(rng, [
      ['Won', 45],
      ['Lost', 28],
      ['Engaging', 17],
      ['Prospecting', 10],
    ] as const);
    // Like the real export, many opportunities not yet engaging (and some engaging) have no account.
    const noAccount = stage === 'Prospecting' ? rng.chance(0.5) : stage === 'Engaging' ? rng.chance(0.25) : false;
    const account = noAccount ? '' : ACCOUNTS[rng.weighted(ACCOUNT_WEIGHTS)]![0];
    let engage: number | null = null;
    let close: number | null = null;
    let value = '';
    if (stage === 'Engaging') {
      engage = lateEngaging + rng.int(122);
    } else if (stage === 'Won' || stage === 'Lost') {
      engage = first + rng.int(300);
      close = engage + 1 + Math.floor(rng.lognormal(35, 0.8));
      value = stage === 'Won' ? String(Math.round(price * rng.range(0.85, 1.1))) : '0';
    }
    return { id, agent, product, account, stage, engage, close, value };
  });
  // Engaged opportunities by engage date, prospects (no date yet) last.
  rows.sort((a, b) => (a.engage ?? Infinity) - (b.engage ?? Infinity) || byText(a.id, b.id));

  return {
    'sales_pipeline.csv': csvText(
      PIPELINE_HEADER,
      rows.map((r) => [r.id, r.agent, r.product, r.account, r.stage, r.engage === null ? '' : isoDate(r.engage), r.close === null ? '' : isoDate(r.close), r.value]),
    ),
    'sales_teams.csv': csvText(
      TEAMS_HEADER,
      TEAMS.map(([agent, manager, office]) => [agent, manager, office]),
    ),
    'accounts.csv': csvText(ACCOUNTS_HEADER, ACCOUNTS),
  };
}

// ---------------------------------------------------------------------------------------------
// README

function dataRows(text: string): number {
  return text.split('\n').length - 2; // header and the final line end
}

function readme(files: Readonly<Record<CrmShapeName, Readonly<Record<string, string>>>>): string {
  const rows = (shape: CrmShapeName, file: string): number => dataRows(files[shape][file]!);
  const mapping = (shape: CrmShapeName): string => ['```json', JSON.stringify(CRM_MAPPINGS[shape], null, 2), '```'].join('\n');
  const etl = (shape: CrmShapeName): string =>
    ['```sh', `npm run etl -- data-samples/crm/${shape} --mapping data-samples/crm/${shape}/mapping.json --out /tmp/${shape}`, '```'].join('\n');
  return `# Small CRM exports in public-dataset shapes

Three tiny, made-up exports that imitate the layout of well-known public CRM datasets, small enough
(30–120 rows per lead file, fewer in the deal and lookup files) to check every figure by hand. They are written by \`npm run samples\`
(data-samples/generator/crmShapes.ts, seeded like the rest): never edit them by hand, regenerate.
All files are UTF-8 without BOM, comma-separated, RFC 4180 quoting, \`\\n\` line ends, one header row.
Each folder holds a \`mapping.json\`: the mapping file a user gives the ETL for that export.
Expected figures, computed independently of the app: tests/support/crmExpected.ts.

## mql-deals/ — Olist "Marketing Funnel" (Brazilian e-commerce, Kaggle)

Imitates \`olist_marketing_qualified_leads_dataset.csv\` and \`olist_closed_deals_dataset.csv\`.

- \`mqls.csv\`: ${rows('mql-deals', 'mqls.csv')} marketing-qualified leads of 2025: 32-hex \`mql_id\`, \`first_contact_date\`,
  \`landing_page_id\`, \`origin\` (\`organic_search\`, \`paid_search\`, \`social\`, \`email\`, \`display\`,
  \`referral\`, \`direct_traffic\`, \`unknown\`, \`other\`; about 5 % of the cells are empty).
- \`won.csv\`: ${rows('mql-deals', 'won.csv')} closed deals, each of a different MQL: \`won_date\` is a timestamp
  (\`YYYY-MM-DD HH:MM:SS\`) on or after the MQL's first contact; seller, SDR and SR ids;
  \`business_segment\`, \`lead_type\`, \`business_type\`.
- Only wins are exported: there is no amount (revenue is unknown, not 0), no outcome column (a
  constant says "won") and no deal id. Every MQL without a row in won.csv is simply not won.

${mapping('mql-deals')}

${etl('mql-deals')}

## converted-flag/ — X Education "Lead Scoring" (Kaggle)

Imitates \`Leads.csv\` of the X Education lead-scoring case study.

- \`leads.csv\`: ${rows('converted-flag', 'leads.csv')} leads, one row each, and **no date column at all**. \`Prospect ID\` is
  UUID-like, \`Lead Number\` counts down. \`Converted\` is \`0\`/\`1\` (the only outcome there is).
- \`Lead Source\` is written inconsistently, as in the original: \`Google\` and \`google\` both occur,
  and some cells are empty.
- \`Specialization\` and \`City\` use the drop-down placeholder \`Select\` (about 20 % of the rows)
  where the person chose nothing; treat it as empty. One specialization, \`Banking, Investment And
  Insurance\`, contains a comma and is quoted.
- \`Do Not Email\` is \`Yes\`/\`No\`; \`TotalVisits\` is an integer with a few empty cells; chat and
  form leads have 0 visits and 0 seconds on the website.

${mapping('converted-flag')}

${etl('converted-flag')}

## opportunities/ — Maven Analytics "CRM Sales Opportunities" (Maven Data Playground)

Imitates \`sales_pipeline.csv\`, \`sales_teams.csv\` and \`accounts.csv\` (the product lookup is left out).

- \`sales_pipeline.csv\`: ${rows('opportunities', 'sales_pipeline.csv')} opportunities of ${TEAMS.length} sales agents, ${ACCOUNTS.length} accounts and ${PRODUCTS.length} products.
  \`deal_stage\` is \`Prospecting\`, \`Engaging\`, \`Won\` or \`Lost\`. \`engage_date\` is empty exactly for
  Prospecting rows; \`close_date\` and \`close_value\` are filled only for Won and Lost (\`close_value\`
  is 0 for Lost). As in the original, some Prospecting and Engaging rows have no account.
- \`sales_teams.csv\`: ${rows('opportunities', 'sales_teams.csv')} agents, each once, with manager and regional office (Central, East, West).
- \`accounts.csv\`: ${rows('opportunities', 'accounts.csv')} accounts, each once: sector, year established, revenue (USD
  millions), employees, office location (a country), \`subsidiary_of\` (mostly empty).
- The lookups are joined on the lead's owner (agent) and company (account); their columns become
  dimensions such as \`regional_office\` and \`sector\`.

${mapping('opportunities')}

${etl('opportunities')}
`;
}

// ---------------------------------------------------------------------------------------------

export interface CrmShapesSummary {
  /** Path relative to outDir → data rows (README and mapping files: 0) and bytes. */
  readonly files: Readonly<Record<string, { readonly rows: number; readonly bytes: number }>>;
}

/** The files of every shape, path relative to the crm folder → text. */
export function crmShapeFiles(seed = 42): Record<string, string> {
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const byShape: Record<CrmShapeName, Record<string, string>> = {
    'mql-deals': mqlDeals(seed),
    'converted-flag': convertedFlag(seed),
    opportunities: opportunities(seed),
  };
  const out: Record<string, string> = {};
  for (const shape of CRM_SHAPES) {
    for (const [file, text] of Object.entries(byShape[shape])) out[`${shape}/${file}`] = text;
    out[`${shape}/mapping.json`] = `${JSON.stringify(CRM_MAPPINGS[shape], null, 2)}\n`;
  }
  out['README.md'] = readme(byShape);
  return out;
}

/** Writes <outDir>/README.md and <outDir>/<shape>/{*.csv,mapping.json} (outDir is normally data-samples/crm). */
export async function writeCrmShapes(outDir: string, seed = 42): Promise<CrmShapesSummary> {
  const files: Record<string, { rows: number; bytes: number }> = {};
  for (const [path, text] of Object.entries(crmShapeFiles(seed))) {
    const target = join(outDir, path);
    await mkdir(join(target, '..'), { recursive: true });
    const bytes = Buffer.from(text, 'utf8');
    await writeFile(target, bytes);
    files[path] = { rows: path.endsWith('.csv') ? dataRows(text) : 0, bytes: bytes.length };
  }
  return { files };
}
