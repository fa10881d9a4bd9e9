import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCrmShapes } from '../../../data-samples/generator/crmShapes';
import {
  CRM_DIR,
  CRM_MAPPING,
  expectedConvertedFlag,
  expectedMqlDeals,
  expectedOpportunities,
  median,
  readCrmCsv,
  type CrmFigures,
} from '../../support/crmExpected';
import { withTempDir } from './sampleFiles';

/** Every file under dir (relative path → bytes). */
async function filesUnder(dir: string): Promise<Record<string, Buffer>> {
  const out: Record<string, Buffer> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    out[relative(dir, full).split('\\').join('/')] = await readFile(full);
  }
  return out;
}

const row = (value: string | null, leads: number, won: number, lost: number, revenue: number | null) => ({ value, leads, won, lost, revenue });

describe('CRM-shape samples (data-samples/crm)', () => {
  it('are exactly what the generator writes (never edit them by hand: run `npm run samples`)', async () => {
    const committed = await filesUnder(CRM_DIR);
    await withTempDir(async (dir) => {
      await writeCrmShapes(dir);
      const fresh = await filesUnder(dir);
      expect(Object.keys(committed).sort()).toEqual(Object.keys(fresh).sort());
      for (const [file, bytes] of Object.entries(fresh)) expect(committed[file]!.equals(bytes), file).toBe(true);
      // Another seed gives other rows (the files do depend on the seed).
      await writeCrmShapes(join(dir, 'seed43'), 43);
      const other = await filesUnder(join(dir, 'seed43'));
      for (const file of ['mql-deals/mqls.csv', 'converted-flag/leads.csv', 'opportunities/sales_pipeline.csv']) {
        expect(other[file]!.equals(fresh[file]!), file).toBe(false);
      }
    });
  });

  it('are UTF-8 CSV with \\n line ends, small enough to check by hand', async () => {
    const files = await filesUnder(CRM_DIR);
    for (const [file, bytes] of Object.entries(files)) {
      if (!file.endsWith('.csv')) continue;
      const text = bytes.toString('utf8');
      expect(text.includes('\r'), file).toBe(false);
      expect(text.endsWith('\n'), file).toBe(true);
      expect(bytes[0], file).not.toBe(0xef); // no BOM
      const rows = text.split('\n').length - 2;
      // The lead files; deals (a share of the MQLs) and lookups (one row per agent or account) are smaller.
      if (!/won|sales_teams|accounts/.test(file)) {
        expect(rows, file).toBeGreaterThanOrEqual(30);
        expect(rows, file).toBeLessThanOrEqual(120);
      }
    }
  });

  it('ship the mapping file of each shape, the same as the one the tests give the ETL', async () => {
    const readme = await readFile(join(CRM_DIR, 'README.md'), 'utf8');
    for (const [shape, mapping] of Object.entries(CRM_MAPPING)) {
      const json = await readFile(join(CRM_DIR, shape, 'mapping.json'), 'utf8');
      expect(JSON.parse(json), shape).toEqual(mapping);
      expect(readme, shape).toContain(JSON.stringify(mapping, null, 2));
    }
  });
});

describe('the shapes look like their public datasets', () => {
  it('a. mql-deals: MQLs of 2025, each won at most once, on or after the first contact', () => {
    const mqls = readCrmCsv(join(CRM_DIR, 'mql-deals/mqls.csv'), ['mql_id', 'first_contact_date', 'landing_page_id', 'origin']);
    const won = readCrmCsv(join(CRM_DIR, 'mql-deals/won.csv'), ['mql_id', 'seller_id', 'sdr_id', 'sr_id', 'won_date', 'business_segment', 'lead_type', 'business_type']);
    const origins = ['organic_search', 'paid_search', 'social', 'email', 'display', 'referral', 'direct_traffic', 'unknown', 'other', ''];
    const first = new Map(mqls.map((m) => [m.mql_id!, m.first_contact_date!]));
    expect(first.size).toBe(mqls.length);
    for (const m of mqls) {
      expect(m.mql_id).toMatch(/^[0-9a-f]{32}$/);
      expect(m.first_contact_date).toMatch(/^2025-\d{2}-\d{2}$/);
      expect(origins).toContain(m.origin);
    }
    expect(new Set(won.map((w) => w.mql_id)).size).toBe(won.length);
    for (const w of won) {
      expect(w.won_date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(first.has(w.mql_id!)).toBe(true);
      expect(w.won_date!.slice(0, 10) >= first.get(w.mql_id!)!).toBe(true);
    }
  });

  it('b. converted-flag: no dates, a 0/1 flag, the Select placeholder and a quoted comma', async () => {
    const leads = readCrmCsv(join(CRM_DIR, 'converted-flag/leads.csv'), [
      'Prospect ID', 'Lead Number', 'Lead Origin', 'Lead Source', 'Do Not Email', 'Converted',
      'TotalVisits', 'Total Time Spent on Website', 'Last Activity', 'Country', 'Specialization', 'City',
    ]);
    for (const l of leads) {
      expect(l['Prospect ID']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(['0', '1']).toContain(l.Converted);
      expect(['Yes', 'No']).toContain(l['Do Not Email']);
      expect(l.TotalVisits).toMatch(/^\d*$/);
    }
    expect(leads.filter((l) => l.TotalVisits === '').length).toBe(3);
    const text = await readFile(join(CRM_DIR, 'converted-flag/leads.csv'), 'utf8');
    expect(text).toContain('"Banking, Investment And Insurance"');
  });

  it('c. opportunities: dates and values only where the stage has them; lookups list each key once', () => {
    const pipeline = readCrmCsv(join(CRM_DIR, 'opportunities/sales_pipeline.csv'), [
      'opportunity_id', 'sales_agent', 'product', 'account', 'deal_stage', 'engage_date', 'close_date', 'close_value',
    ]);
    const teams = readCrmCsv(join(CRM_DIR, 'opportunities/sales_teams.csv'), ['sales_agent', 'manager', 'regional_office']);
    const accounts = readCrmCsv(join(CRM_DIR, 'opportunities/accounts.csv'), [
      'account', 'sector', 'year_established', 'revenue', 'employees', 'office_location', 'subsidiary_of',
    ]);
    for (const o of pipeline) {
      const closed = o.deal_stage === 'Won' || o.deal_stage === 'Lost';
      expect(['Prospecting', 'Engaging', 'Won', 'Lost']).toContain(o.deal_stage);
      expect(o.engage_date === '', o.opportunity_id).toBe(o.deal_stage === 'Prospecting');
      expect(o.close_date !== '', o.opportunity_id).toBe(closed);
      expect(o.close_value !== '', o.opportunity_id).toBe(closed);
      if (o.deal_stage === 'Lost') expect(o.close_value).toBe('0');
      if (o.deal_stage === 'Won') expect(o.close_value).toMatch(/^[1-9]\d*$/);
      if (closed) expect(o.close_date! >= o.engage_date!).toBe(true);
    }
    expect(new Set(teams.map((t) => t.sales_agent)).size).toBe(8);
    expect([...new Set(teams.map((t) => t.regional_office))].sort()).toEqual(['Central', 'East', 'West']);
    expect(new Set(accounts.map((a) => a.account)).size).toBe(12);
    expect(new Set(pipeline.map((o) => o.sales_agent))).toEqual(new Set(teams.map((t) => t.sales_agent)));
    expect(new Set(pipeline.map((o) => o.product)).size).toBe(4);
  });
});

/*
 * The literals below were counted by hand from the generated files with awk, grep, date(1) and
 * Python's csv module (never with crmExpected.ts), e.g.
 *   awk -F, 'NR>1{n++; s[$5]++; if($5=="Won") rev+=$8} END{...}' opportunities/sales_pipeline.csv
 * crmExpected must agree with them.
 */
describe('hand-counted figures', () => {
  const expectClose = (actual: CrmFigures, expected: CrmFigures) => {
    expect(actual.leadToWon).toBeCloseTo(expected.leadToWon!, 12);
    if (expected.winRate === null) expect(actual.winRate).toBeNull();
    else expect(actual.winRate).toBeCloseTo(expected.winRate, 12);
    expect({ ...actual, leadToWon: 0, winRate: 0 }).toEqual({ ...expected, leadToWon: 0, winRate: 0 });
  };

  it('a. mql-deals: 80 MQLs, 16 won, nothing lost, revenue unknown, median 11.5 days', () => {
    expectClose(expectedMqlDeals(), {
      leads: 80,
      won: 16,
      lost: 0,
      leadToWon: 16 / 80,
      winRate: 1, // only wins are exported
      revenue: null,
      // days: 0 2 3 5 7 7 9 10 | 13 13 15 21 26 34 35 48 → (10 + 13) / 2
      medianDaysToWon: 11.5,
      by: {
        source: [
          row('organic_search', 18, 3, 0, null),
          row('paid_search', 16, 5, 0, null),
          row('social', 15, 1, 0, null),
          row('unknown', 12, 1, 0, null),
          row('email', 6, 3, 0, null),
          row('direct_traffic', 3, 1, 0, null),
          row('other', 3, 2, 0, null),
          row('referral', 3, 0, 0, 0),
          row(null, 3, 0, 0, 0),
          row('display', 1, 0, 0, 0),
        ],
        business_segment: [
          row(null, 64, 0, 0, 0),
          row('home_decor', 5, 5, 0, null),
          row('car_accessories', 3, 3, 0, null),
          row('health_beauty', 3, 3, 0, null),
          row('household_utilities', 3, 3, 0, null),
          row('construction_tools_house_garden', 2, 2, 0, null),
        ],
      },
    });
  });

  it('b. converted-flag: 100 leads, 32 converted, no dates, revenue unknown', () => {
    expectClose(expectedConvertedFlag(), {
      leads: 100,
      won: 32,
      lost: 0,
      leadToWon: 0.32,
      winRate: 1,
      revenue: null,
      medianDaysToWon: null,
      by: {
        source: [
          row('Google', 28, 9, 0, null),
          row('Direct Traffic', 21, 3, 0, null),
          row('Olark Chat', 21, 6, 0, null),
          row('Organic Search', 10, 3, 0, null),
          row('Reference', 7, 5, 0, null),
          row(null, 7, 2, 0, null),
          row('Welingak Website', 4, 4, 0, null),
          row('google', 2, 0, 0, 0),
        ],
        Specialization: [
          row(null, 35, 11, 0, null), // 26 × Select + 9 empty
          row('Finance Management', 18, 7, 0, null),
          row('Human Resource Management', 13, 4, 0, null),
          row('Marketing Management', 13, 3, 0, null),
          row('Banking, Investment And Insurance', 6, 4, 0, null),
          row('Supply Chain Management', 4, 1, 0, null),
          row('Travel and Tourism', 4, 1, 0, null),
          row('Business Administration', 3, 0, 0, 0),
          row('IT Projects Management', 2, 1, 0, null),
          row('Operations Management', 2, 0, 0, 0),
        ],
      },
    });
  });

  it('c. opportunities: 90 opportunities, 30 won, 28 lost, 46,198 revenue, median 35.5 days', () => {
    expectClose(expectedOpportunities(), {
      leads: 90,
      won: 30,
      lost: 28,
      leadToWon: 30 / 90,
      winRate: 30 / 58,
      revenue: 46_198,
      // 30 won: 8 17 17 18 19 22 27 29 29 31 31 32 32 33 35 | 36 36 37 39 39 42 48 52 57 60 63 73 83 93 100
      medianDaysToWon: 35.5,
      by: {
        owner: [
          row('Anneliese Voss', 18, 7, 4, 4276),
          row('Greta Holloway', 13, 2, 5, 4062),
          row('Hugo Szabo', 13, 4, 7, 3898),
          row('Dario Fenwick', 12, 6, 2, 17_058),
          row('Elspeth Marr', 11, 6, 2, 9254),
          row('Fabian Quist', 9, 1, 2, 3032),
          row('Bertram Okafor', 7, 2, 4, 4013),
          row('Corinna Vale', 7, 2, 2, 605),
        ],
        regional_office: [row('Central', 32, 11, 10, 8894), row('East', 32, 13, 6, 29_344), row('West', 26, 6, 12, 7960)],
        sector: [
          row('technology', 25, 9, 8, 15_584),
          row('medical', 14, 5, 5, 8989),
          row('software', 12, 6, 4, 5080),
          row(null, 10, 0, 0, 0), // prospects and engaging deals without an account
          row('retail', 8, 2, 5, 2951),
          row('finance', 5, 2, 0, 605),
          row('telecommunications', 5, 2, 2, 8879),
          row('entertainment', 4, 0, 2, 0),
          row('employment', 3, 1, 1, 53),
          row('services', 3, 3, 0, 4057),
          row('marketing', 1, 0, 1, 0),
        ],
        product: [
          row('MG Special', 30, 10, 9, 533),
          row('MG Advanced', 26, 8, 8, 25_684),
          row('GTX Basic', 24, 9, 9, 4714),
          row('GTX Pro', 10, 3, 2, 15_267),
        ],
      },
    });
  });

  it('median is quantile_cont: the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
