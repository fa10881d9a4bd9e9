import path from 'node:path';

/**
 * tests/integration/fixtures/hand10: ten leads and four deals whose figures were worked out by hand,
 * lead by lead, from DESIGN.md's definitions — not by running the app. Tests that compare the app
 * with itself (ETL vs browser import, cube vs SQL, wasm vs native) check this fixture against these
 * constants too, so two sides that agree on a wrong figure still fail.
 *
 * lead  medium (source)          status       dates (MQL/SQL/Opp/Close)      deals              reached  won date    revenue
 * H01   web (Website)            Open         –                              –                  lead     –           –
 * H02   web (Website)            MQL          01-10                          –                  mql      –           –
 * H03   web (Webformular)        SQL          01-08 01-20                    –                  sql      –           –
 * H04   trade_fair (Messe)       Opportunity  01-09 01-15 02-01              D04 open 700       opp      –           –
 * H05   trade_fair (Messe)       Closed Won   01-07 01-14 01-30 03-01; 800   D05 won 1000 03-06 won      03-06       1000 (deal wins over the lead's 800)
 * H06   telemarketing            Closed Won   close 02-21, no amount         –                  won      02-21       unknown
 * H07   telemarketing            Closed Lost  02-05 02-10 close 03-01        D07 lost 300 02-10 opp      –           – (lost)
 * H08   Podcast (kept as is)     Disqualified –                              –                  lead     –           –
 * H09   (none: empty source)     Open         –                              –                  lead     –           –
 * H10   web (Website)            Opportunity  02-06 02-07 02-08              D10 won 2000 04-10 won      04-10       2000 (won deal ⇒ won)
 *
 * H07 has no Opportunity Date, but a deal: a lead with a deal has reached the opportunity stage since
 * its first deal (src/sql/leadFacts.ts), so it is lost after the opportunity stage. (My first count
 * said sql; the app said opportunity, and the rule it follows is the sensible one: a deal is an
 * opportunity.)
 */
export const HAND10_DIR = path.resolve(import.meta.dirname, '../integration/fixtures/hand10');

/** funnelKpisSql's row for all ten leads. */
export const HAND10_KPIS = {
  leads: 10,
  reached_1: 7, // H02 H03 H04 H05 H06 (won: every stage) H07 H10
  reached_2: 6, // H03 H04 H05 H06 H07 H10
  reached_3: 5, // H04 H05 H06 H07 (its deal) H10
  reached_4: 3, // won: H05 H06 H10
  lost: 1, // H07
  revenue: 3000, // H05's won deal 1000 + H10's won deal 2000; H06's amount is unknown, not 0
  won_unpriced: 1, // H06
  currencies: 1,
  currency: 'EUR',
};

/** funnelKpisSql's rows by medium, in its order (most leads first, then by name, none last). */
export const HAND10_KPIS_BY_MEDIUM = [
  { medium: 'web', leads: 4, reached_1: 3, reached_2: 2, reached_3: 1, reached_4: 1, lost: 0, revenue: 2000, won_unpriced: 0, currencies: 1, currency: 'EUR' },
  // One won lead, its amount unknown: revenue unknown (NULL), never 0.
  { medium: 'telemarketing', leads: 2, reached_1: 2, reached_2: 2, reached_3: 2, reached_4: 1, lost: 1, revenue: null, won_unpriced: 1, currencies: 0, currency: null },
  { medium: 'trade_fair', leads: 2, reached_1: 2, reached_2: 2, reached_3: 2, reached_4: 1, lost: 0, revenue: 1000, won_unpriced: 0, currencies: 1, currency: 'EUR' },
  // Nothing won: revenue 0.
  { medium: 'Podcast', leads: 1, reached_1: 0, reached_2: 0, reached_3: 0, reached_4: 0, lost: 0, revenue: 0, won_unpriced: 0, currencies: 0, currency: null },
  { medium: null, leads: 1, reached_1: 0, reached_2: 0, reached_3: 0, reached_4: 0, lost: 0, revenue: 0, won_unpriced: 0, currencies: 0, currency: null },
];

/**
 * Lead → won 3/10 with its 95 % Wilson interval, by hand: p = 0.3, z² = 3.8415, centre
 * 0.3 + 3.8415/20 = 0.49207, spread 1.96·√(0.021 + 3.8415/400) = 0.34288, scale 1.38415:
 * (0.49207 ∓ 0.34288) / 1.38415.
 */
export const HAND10_LEAD_TO_WON = { value: 0.3, low: 0.10779, high: 0.60322 };

/**
 * Velocity. Created → won days: H05 01-06 → 03-06 = 59, H06 02-01 → 02-21 = 20, H10 02-05 → 04-10 = 64;
 * sorted 20 59 64: median 59, p80 at position 2·0.8 = 1.6: 59 + 0.6·5 = 62. Created → MQL days: H02 7,
 * H03 4, H04 4, H05 1, H07 3, H10 1 (H06 has no MQL date): sorted 1 1 3 4 4 7, median (3 + 4) / 2 = 3.5,
 * p80 at position 5·0.8 = 4: 4.
 */
export const HAND10_VELOCITY = { createdToWon: { n: 3, median: 59, p80: 62 }, createdToMql: { n: 6, median: 3.5, p80: 4 } };
