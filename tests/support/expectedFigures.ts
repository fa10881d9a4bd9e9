import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isValidPhoneNumber, type CountryCode } from 'libphonenumber-js/min';
import Papa from 'papaparse';
import { daysBetween } from './handStats';

/**
 * The Overview's figures computed straight from the sample CSV files, with none of the app's code:
 * its own parsing, its own stage table, its own reached rule. If the app and this disagree, one of
 * them is wrong.
 */
const STAGE_INDEX: Readonly<Record<string, number>> = { Open: 0, MQL: 1, SQL: 2, Opportunity: 3, 'Closed Won': 4, 'Closed Lost': 0, Disqualified: 0 };
const STAMPS = [
  ['MQL Date', 1],
  ['SQL Date', 2],
  ['Opportunity Date', 3],
] as const;

export type CsvRow = Record<string, string>;

export function readCsv(file: string): CsvRow[] {
  const parsed = Papa.parse<CsvRow>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${file}: ${parsed.errors[0]?.message}`);
  return parsed.data;
}

/** The furthest stage (0 lead … 4 won) a lead of the sample export has reached, by its status and dates. */
export function reachedIndexOf(lead: CsvRow): number {
  const status = lead['Lead Status'] ?? '';
  if (!(status in STAGE_INDEX)) throw new Error(`Unexpected Lead Status "${status}" in the sample: extend STAGE_INDEX`);
  let index = STAGE_INDEX[status] ?? 0;
  for (const [column, i] of STAMPS) if ((lead[column] ?? '').trim() !== '' && i > index) index = i;
  return index;
}

/**
 * The won leads of the sample with the amount the app shows for them: deals close leads, so a won
 * lead's amount is the sum of its won deals' amounts, else its own Amount (DESIGN.md).
 */
export function wonLeadsWithDealAmounts(sampleDir: string): CsvRow[] {
  const deals = readCsv(path.join(sampleDir, 'deals.csv'));
  const won = new Map<string, number>();
  for (const deal of deals) if (deal.Outcome === 'Won') won.set(deal['Lead ID'] ?? '', (won.get(deal['Lead ID'] ?? '') ?? 0) + Number(deal.Amount));
  return readCsv(path.join(sampleDir, 'leads.csv'))
    .filter((lead) => reachedIndexOf(lead) === 4)
    .map((lead) => {
      const amount = won.get(lead['Lead ID'] ?? '');
      return amount === undefined ? lead : { ...lead, Amount: String(amount) };
    });
}

export interface ExpectedFigures {
  leads: number;
  reached: number[];
  revenue: number;
  byMedium: Map<string, number>;
}

export function expectedFigures(sampleDir: string): ExpectedFigures {
  const leads = readCsv(path.join(sampleDir, 'leads.csv'));
  const deals = readCsv(path.join(sampleDir, 'deals.csv'));
  const wonDeals = new Map<string, number>();
  for (const deal of deals) {
    if (deal.Outcome !== 'Won') continue;
    const id = deal['Lead ID'] ?? '';
    wonDeals.set(id, (wonDeals.get(id) ?? 0) + Number(deal.Amount));
  }
  const reached = [0, 0, 0, 0, 0];
  let revenue = 0;
  const byMedium = new Map<string, number>();
  for (const lead of leads) {
    const index = reachedIndexOf(lead);
    for (let i = 0; i <= index; i++) reached[i] = (reached[i] ?? 0) + 1;
    if (index === 4) revenue += wonDeals.get(lead['Lead ID'] ?? '') ?? Number(lead.Amount || 0);
    const medium = lead['Lead Source'] ?? '';
    byMedium.set(medium, (byMedium.get(medium) ?? 0) + 1);
  }
  return { leads: leads.length, reached, revenue, byMedium };
}

/**
 * The sample's Lead Source values and the medium DESIGN.md maps each onto, written out by hand (not
 * the app's synonym table): "Trade Show" is a trade fair, "Advertising" an ad; values that are no
 * standard medium stay as they are.
 */
const SAMPLE_MEDIUM: Readonly<Record<string, string>> = {
  Website: 'web',
  Advertising: 'ad',
  'Trade Show': 'trade_fair',
  Event: 'event',
  'Direct Mail': 'direct_mail',
  Telemarketing: 'telemarketing',
  Podcast: 'Podcast',
  'Partner-Empfehlung': 'Partner-Empfehlung',
};

export function sampleMediumOf(lead: CsvRow): string {
  const source = lead['Lead Source'] ?? '';
  const medium = SAMPLE_MEDIUM[source];
  if (medium === undefined) throw new Error(`Unexpected Lead Source "${source}" in the sample: extend SAMPLE_MEDIUM`);
  return medium;
}

/** A won lead's won date: its earliest won deal's close date, else its own Close Date (deals close leads). */
function wonDates(sampleDir: string): Map<string, string> {
  const dates = new Map<string, string>();
  for (const deal of readCsv(path.join(sampleDir, 'deals.csv'))) {
    if (deal.Outcome !== 'Won') continue;
    const id = deal['Lead ID'] ?? '';
    const date = deal['Close Date'] ?? '';
    if (date && (!dates.has(id) || date < dates.get(id)!)) dates.set(id, date);
  }
  return dates;
}

export interface MediumTruth {
  leads: number;
  won: number;
  revenue: number;
  /** Days from Created Date to the won date, one entry per won lead with both dates. */
  daysToWon: number[];
}

/** Leads, won leads, revenue and lead → won days per medium of the sample, from its CSV files. */
export function expectedByMedium(sampleDir: string): Map<string, MediumTruth> {
  const won = wonDates(sampleDir);
  const byMedium = new Map<string, MediumTruth>();
  // Won leads and their amounts by the one definition above.
  const amounts = new Map(wonLeadsWithDealAmounts(sampleDir).map((l) => [l['Lead ID'] ?? '', Number(l.Amount || 0)]));
  for (const lead of readCsv(path.join(sampleDir, 'leads.csv'))) {
    const medium = sampleMediumOf(lead);
    const figures = byMedium.get(medium) ?? { leads: 0, won: 0, revenue: 0, daysToWon: [] };
    figures.leads += 1;
    const id = lead['Lead ID'] ?? '';
    if (amounts.has(id)) {
      figures.won += 1;
      figures.revenue += amounts.get(id)!;
      const wonAt = won.get(id) ?? lead['Close Date'] ?? '';
      if (wonAt && lead['Created Date']) figures.daysToWon.push(daysBetween(lead['Created Date'], wonAt));
    }
    byMedium.set(medium, figures);
  }
  return byMedium;
}

/** Placeholders the import empties by default ("n/a" for a phone, say; README, Import). */
const PLACEHOLDERS = new Set(['select', '-', '--', 'n/a', '#n/a', '(none)', '(blank)', 'null']);

/** A cell the app reads as blank: empty, or a placeholder. */
export const isBlankCell = (value: string | undefined): boolean => (value ?? '').trim() === '' || PLACEHOLDERS.has((value ?? '').trim().toLowerCase());

/** An e-mail the sample generator malformed: the @ lost, or a dot doubled. */
export const isMalformedEmail = (value: string | undefined): boolean => {
  const email = (value ?? '').trim();
  return !isBlankCell(email) && (!email.includes('@') || email.includes('..'));
};

/**
 * A lead's phone judged by libphonenumber itself, read by the lead's two-letter country (the sample
 * writes no other form): an international number by its own code, a national one without a country
 * not at all.
 */
export function isImplausiblePhone(lead: Readonly<Record<string, string | undefined>>): boolean {
  const phone = (lead.Phone ?? '').trim();
  const country = (lead.Country ?? '').trim().toUpperCase();
  if (isBlankCell(phone) || (country === '' && !phone.startsWith('+'))) return false;
  return !isValidPhoneNumber(phone, country === '' ? undefined : (country as CountryCode));
}
