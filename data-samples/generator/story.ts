/**
 * The story: Nordwind Systems GmbH, a fictional German ITK vendor (telephony, UC, networks).
 * Every number that shapes the sample lives here, so the narrative can be read in one place.
 * Text is German CRM content and is written identically in both export styles; only the
 * vocabulary columns (medium, stage, channel, outcome) get export-specific labels (styles.ts).
 */
import type { StandardMedium } from '../../src/domain/vocabulary';

export const COMPANY_NAME = 'Nordwind Systems GmbH';

/** A medium outside the standard six: written as-is in both styles and kept as its own medium. */
export const UNKNOWN_MEDIA = ['Podcast', 'Partner-Empfehlung'] as const;
export type UnknownMedium = (typeof UNKNOWN_MEDIA)[number];
export type Medium = StandardMedium | UnknownMedium;

export interface MediumProfile {
  readonly medium: Medium;
  /** Share of all leads. */
  readonly share: number;
  /** Share of this medium's leads that carry no campaign (organic web, walk-ins, referrals). */
  readonly noCampaign: number;
  /** Base step rates lead→mql, mql→sql, sql→opportunity, opportunity→won (before lead quality, channel, rep). */
  readonly steps: readonly [number, number, number, number];
  /** Planned cost per lead in EUR (campaign costs are derived from it). */
  readonly costPerLead: number;
  /** Multiplies the lead→mql lag (a phone call qualifies faster than a web form). */
  readonly mqlLagFactor: number;
  /** Added to the lead score (marketing's scoring model likes some sources better). */
  readonly scoreOffset: number;
  /** Volume on Saturdays and Sundays relative to weekdays. */
  readonly weekendFactor: number;
}

/**
 * The guideline's order of qualification depth: telemarketing converts best, ads worst.
 * With all modifiers (lead quality, channel, reps, dead files, duplicates) the lead→won rate of mature
 * cohorts comes out at ≈ 14 %, 10 %, 8 %, 7 %, 4 %, 2 % (calibrated on a 200k-lead run); tests check the order.
 */
export const MEDIA: readonly MediumProfile[] = [
  { medium: 'telemarketing', share: 0.06, noCampaign: 0.05, steps: [0.64, 0.62, 0.66, 0.44], costPerLead: 850, mqlLagFactor: 0.5, scoreOffset: 8, weekendFactor: 0 },
  { medium: 'direct_mail', share: 0.1, noCampaign: 0.03, steps: [0.5, 0.604, 0.626, 0.42], costPerLead: 320, mqlLagFactor: 1.2, scoreOffset: 3, weekendFactor: 0.3 },
  { medium: 'event', share: 0.12, noCampaign: 0.05, steps: [0.534, 0.513, 0.573, 0.42], costPerLead: 600, mqlLagFactor: 0.8, scoreOffset: 4, weekendFactor: 0.15 },
  { medium: 'trade_fair', share: 0.12, noCampaign: 0.03, steps: [0.553, 0.455, 0.513, 0.4], costPerLead: 1100, mqlLagFactor: 0.9, scoreOffset: 2, weekendFactor: 0.6 },
  { medium: 'web', share: 0.31, noCampaign: 0.2, steps: [0.387, 0.448, 0.509, 0.36], costPerLead: 90, mqlLagFactor: 1.1, scoreOffset: -3, weekendFactor: 0.5 },
  { medium: 'ad', share: 0.28, noCampaign: 0.05, steps: [0.251, 0.398, 0.482, 0.32], costPerLead: 160, mqlLagFactor: 1.3, scoreOffset: -8, weekendFactor: 0.6 },
  { medium: 'Podcast', share: 0.006, noCampaign: 0.1, steps: [0.478, 0.546, 0.592, 0.38], costPerLead: 250, mqlLagFactor: 1, scoreOffset: 0, weekendFactor: 0.8 },
  { medium: 'Partner-Empfehlung', share: 0.004, noCampaign: 1, steps: [0.66, 0.66, 0.66, 0.45], costPerLead: 0, mqlLagFactor: 0.7, scoreOffset: 6, weekendFactor: 0.1 },
];

export const SALES_UNITS = ['Nord', 'Süd', 'West', 'Ost', 'Mitte'] as const;
export type SalesUnit = (typeof SALES_UNITS)[number];

export interface RegionProfile {
  readonly country: 'DE' | 'AT' | 'CH';
  readonly region: string;
  readonly unit: SalesUnit;
  /** Relative share of companies (roughly population). */
  readonly weight: number;
  /** Cities with their telephone area codes (without the leading 0). */
  readonly cities: readonly (readonly [string, string])[];
}

export const REGIONS: readonly RegionProfile[] = [
  { country: 'DE', region: 'Schleswig-Holstein', unit: 'Nord', weight: 2.9, cities: [['Kiel', '431'], ['Lübeck', '451']] },
  { country: 'DE', region: 'Hamburg', unit: 'Nord', weight: 2.6, cities: [['Hamburg', '40']] },
  { country: 'DE', region: 'Bremen', unit: 'Nord', weight: 0.8, cities: [['Bremen', '421']] },
  { country: 'DE', region: 'Niedersachsen', unit: 'Nord', weight: 8.0, cities: [['Hannover', '511'], ['Braunschweig', '531'], ['Osnabrück', '541'], ['Oldenburg', '441']] },
  { country: 'DE', region: 'Mecklenburg-Vorpommern', unit: 'Nord', weight: 1.6, cities: [['Rostock', '381'], ['Schwerin', '385']] },
  { country: 'DE', region: 'Berlin', unit: 'Ost', weight: 4.6, cities: [['Berlin', '30']] },
  { country: 'DE', region: 'Brandenburg', unit: 'Ost', weight: 2.5, cities: [['Potsdam', '331'], ['Cottbus', '355']] },
  { country: 'DE', region: 'Sachsen', unit: 'Ost', weight: 4.0, cities: [['Leipzig', '341'], ['Dresden', '351'], ['Chemnitz', '371']] },
  { country: 'DE', region: 'Sachsen-Anhalt', unit: 'Ost', weight: 2.1, cities: [['Magdeburg', '391'], ['Halle (Saale)', '345']] },
  { country: 'DE', region: 'Thüringen', unit: 'Mitte', weight: 2.1, cities: [['Erfurt', '361'], ['Jena', '3641']] },
  { country: 'DE', region: 'Hessen', unit: 'Mitte', weight: 6.8, cities: [['Frankfurt am Main', '69'], ['Wiesbaden', '611'], ['Kassel', '561'], ['Darmstadt', '6151']] },
  { country: 'DE', region: 'Rheinland-Pfalz', unit: 'Mitte', weight: 4.1, cities: [['Mainz', '6131'], ['Koblenz', '261'], ['Kaiserslautern', '631']] },
  { country: 'DE', region: 'Nordrhein-Westfalen', unit: 'West', weight: 17.9, cities: [['Köln', '221'], ['Düsseldorf', '211'], ['Dortmund', '231'], ['Essen', '201'], ['Münster', '251'], ['Bielefeld', '521']] },
  { country: 'DE', region: 'Saarland', unit: 'West', weight: 1.0, cities: [['Saarbrücken', '681']] },
  { country: 'DE', region: 'Baden-Württemberg', unit: 'Süd', weight: 11.1, cities: [['Stuttgart', '711'], ['Karlsruhe', '721'], ['Freiburg im Breisgau', '761'], ['Mannheim', '621'], ['Ulm', '731']] },
  { country: 'DE', region: 'Bayern', unit: 'Süd', weight: 13.1, cities: [['München', '89'], ['Nürnberg', '911'], ['Augsburg', '821'], ['Regensburg', '941'], ['Würzburg', '931']] },
  { country: 'AT', region: 'Wien', unit: 'Süd', weight: 1.3, cities: [['Wien', '1']] },
  { country: 'AT', region: 'Oberösterreich', unit: 'Süd', weight: 0.7, cities: [['Linz', '732']] },
  { country: 'AT', region: 'Steiermark', unit: 'Süd', weight: 0.5, cities: [['Graz', '316']] },
  { country: 'AT', region: 'Tirol', unit: 'Süd', weight: 0.3, cities: [['Innsbruck', '512']] },
  { country: 'AT', region: 'Salzburg', unit: 'Süd', weight: 0.2, cities: [['Salzburg', '662']] },
  { country: 'CH', region: 'Zürich', unit: 'Süd', weight: 1.1, cities: [['Zürich', '44'], ['Winterthur', '52']] },
  { country: 'CH', region: 'Bern', unit: 'Süd', weight: 0.5, cities: [['Bern', '31']] },
  { country: 'CH', region: 'Basel-Stadt', unit: 'Süd', weight: 0.4, cities: [['Basel', '61']] },
  { country: 'CH', region: 'St. Gallen', unit: 'Süd', weight: 0.2, cities: [['St. Gallen', '71']] },
  { country: 'CH', region: 'Luzern', unit: 'Süd', weight: 0.2, cities: [['Luzern', '41']] },
];

export const COUNTRY_CALLING_CODE: Readonly<Record<RegionProfile['country'], string>> = { DE: '49', AT: '43', CH: '41' };
export const COUNTRY_TLD: Readonly<Record<RegionProfile['country'], string>> = { DE: 'de', AT: 'at', CH: 'ch' };

export const INDUSTRIES = [
  'Maschinenbau',
  'Handel',
  'Gesundheitswesen',
  'Öffentliche Verwaltung',
  'Finanzdienstleistungen',
  'Logistik',
  'Energieversorgung',
  'IT & Telekommunikation',
  'Automobilzulieferer',
  'Bildung',
  'Steuerberatung & Recht',
  'Bauwesen',
] as const;

export interface Rep {
  readonly name: string;
  readonly unit: SalesUnit;
  /** Relative share of the unit's direct leads. */
  readonly weight: number;
  /** > 0: gets the better leads of the unit (the visible unfairness of the distribution). */
  readonly cherryPick: number;
  /** Multiplies the sales steps (sql→opportunity, opportunity→won). */
  readonly skill: number;
}

const rep = (name: string, unit: SalesUnit, weight = 1, cherryPick = 0, skill = 1): Rep => ({ name, unit, weight, cherryPick, skill });

/** 40 reps, 8 per unit. Three favourites (Sören Müller, Jürgen Weiß, Dirk Schäfer) get more and better leads. */
export const REPS: readonly Rep[] = [
  rep('Sören Müller', 'Nord', 1.5, 0.7, 1.05),
  rep('Jens Petersen', 'Nord'),
  rep('Maren Sievers', 'Nord', 1, 0, 1.1),
  rep('Björn Hansen', 'Nord', 0.8, -0.2),
  rep('Frauke Thießen', 'Nord'),
  rep('Ole Jürgensen', 'Nord', 0.7, -0.3, 0.8),
  rep('Kai Brüggemann', 'Nord'),
  rep('Anke Lührs', 'Nord', 1.2),
  rep('Jürgen Weiß', 'Süd', 1.5, 0.8, 1.1),
  rep('Sabine Huber', 'Süd'),
  rep('Franziska Maier', 'Süd', 1.2, 0, 1.1),
  rep('Stefan Bäumler', 'Süd'),
  rep('Michael Gruber', 'Süd', 0.8, -0.2, 0.85),
  rep('Theresa Schön', 'Süd'),
  rep('Andreas Wölfl', 'Süd', 0.7, -0.3),
  rep('Katharina Fürst', 'Süd', 1.1),
  rep('Dirk Schäfer', 'West', 1.5, 0.6),
  rep('Petra Kühn', 'West'),
  rep('Thomas Becker', 'West', 1, 0, 1.15),
  rep('Nicole Hoffmann', 'West'),
  rep('Markus Jäger', 'West', 0.8, -0.2, 0.8),
  rep('Claudia Schröder', 'West'),
  rep('Ralf Köhler', 'West', 0.7, -0.3),
  rep('Julia Lange', 'West', 1.1),
  rep('Uwe Krüger', 'Ost', 1.3, 0.2),
  rep('Kathrin Böhme', 'Ost'),
  rep('René Förster', 'Ost', 1, 0, 1.1),
  rep('Susanne Günther', 'Ost'),
  rep('Steffen Hähnel', 'Ost', 0.8, -0.1, 0.85),
  rep('Ines Rößler', 'Ost'),
  rep('Matthias Voigt', 'Ost', 0.9),
  rep('Doreen Müller', 'Ost'),
  rep('Heike Schütz', 'Mitte', 1.2, 0.2),
  rep('Frank Weber', 'Mitte'),
  rep('Tobias Görner', 'Mitte', 1, 0, 1.1),
  rep('Melanie Faß', 'Mitte'),
  rep('Christian Roth', 'Mitte', 0.8, -0.1, 0.85),
  rep('Sandra Löffler', 'Mitte'),
  rep('Oliver Brückner', 'Mitte', 0.9),
  rep('Nadine Krämer', 'Mitte'),
];

export interface Partner {
  readonly name: string;
  readonly units: readonly SalesUnit[];
  readonly weight: number;
  /** Multiplies the sales steps; partners convert somewhat worse than Nordwind's own reps. */
  readonly quality: number;
  /** Probability that a distributed lead is never followed up by this partner. */
  readonly neverFollowUp: number;
}

export const PARTNERS: readonly Partner[] = [
  { name: 'ComTeam Systemhaus GmbH', units: ['Nord', 'Ost'], weight: 1.4, quality: 0.97, neverFollowUp: 0.08 },
  { name: 'Bürokommunikation Krämer GmbH', units: ['West'], weight: 1.2, quality: 0.92, neverFollowUp: 0.1 },
  { name: 'TK-Service Süd GmbH', units: ['Süd'], weight: 1.5, quality: 0.95, neverFollowUp: 0.09 },
  { name: 'Netzwerk & Telefonie Schulz OHG', units: ['Mitte'], weight: 1, quality: 0.89, neverFollowUp: 0.12 },
  { name: 'Alpen-IT Vertriebs GmbH', units: ['Süd'], weight: 0.9, quality: 0.92, neverFollowUp: 0.11 },
  { name: 'Hanse Datentechnik GmbH & Co. KG', units: ['Nord'], weight: 1, quality: 0.95, neverFollowUp: 0.09 },
  { name: 'Rheinland Connect GmbH', units: ['West', 'Mitte'], weight: 1.1, quality: 0.89, neverFollowUp: 0.12 },
  { name: 'Elbe-Saale Kommunikation GmbH', units: ['Ost'], weight: 0.9, quality: 0.92, neverFollowUp: 0.1 },
  { name: 'Schwarzwald ITK e.K.', units: ['Süd'], weight: 0.6, quality: 0.86, neverFollowUp: 0.15 },
  { name: 'Weser-Ems Systemtechnik GmbH', units: ['Nord', 'West'], weight: 0.8, quality: 0.78, neverFollowUp: 0.2 },
];

/** Share of leads handed to partners (before the quality skew: partners get the weaker leads). */
export const PARTNER_SHARE = 0.25;
/** How strongly partner assignment prefers weak leads (exp(-k·quality)). */
export const PARTNER_SKEW = 0.25;

export interface Product {
  readonly name: string;
  /** Median deal value in EUR. */
  readonly median: number;
  readonly weight: number;
}

export const PRODUCTS: readonly Product[] = [
  { name: 'Nordwind Cloud PBX', median: 24_000, weight: 3 },
  { name: 'Unified Communications Suite', median: 38_000, weight: 2.5 },
  { name: 'SD-WAN Managed Service', median: 52_000, weight: 1.5 },
  { name: 'Contact-Center-Lösung', median: 45_000, weight: 1.2 },
  { name: 'Glasfaser Business 1 Gbit/s', median: 19_000, weight: 1.5 },
  { name: 'Managed Security (SOC)', median: 58_000, weight: 0.8 },
  { name: 'Endgeräte-Paket „Büro Plus“', median: 14_000, weight: 1 },
  { name: 'Service-Paket Premium 49 € / Arbeitsplatz', median: 21_000, weight: 0.8 },
];
export const DEAL_SIGMA = 0.55;

/** Disqualification reasons by the stage at which a lead was dropped. Some contain ; and , on purpose. */
export const DISQUALIFY_REASONS: Readonly<Record<'lead' | 'mql' | 'sql', readonly string[]>> = {
  lead: ['Spam/Fake-Eintrag', 'Student/Privatperson', 'Wettbewerber', 'Keine Firmenadresse', 'Außerhalb Zielgebiet'],
  mql: [
    'Kein Bedarf',
    'Kein Bedarf; Vertrag läuft noch bis 2027',
    'Falscher Ansprechpartner, bitte Einkauf kontaktieren',
    'Nicht erreichbar',
    'Kein Budget',
    'Firma zu klein (< 10 MA)',
  ],
  sql: ['Kein Budget', 'Projekt verschoben', 'Kein Bedarf', 'Entscheidung für Wettbewerber', 'Anforderungen nicht erfüllbar'],
};
export const DUPLICATE_REASON = 'Dublette';

/** Lags in days (log-normal medians) of the life-cycle; sigma gives the long tails. */
export const LAGS = {
  mql: 7,
  firstContactDirect: 2,
  firstContactPartner: 5,
  /** From first contact; first contact + this ≈ the mql→sql median of 14 days. */
  sql: 12,
  opportunity: 21,
  close: 45,
  sigma: 0.85,
  /** No single step takes longer than this. */
  max: 420,
} as const;

/** Probability that a distributed lead is never followed up by Nordwind's own reps ("Karteileichen"). */
export const NEVER_FOLLOW_UP_DIRECT = 0.07;

/** How strongly the latent lead quality moves each step rate (exp(k·z)). */
export const QUALITY_EFFECT = 0.24;

/** Data-quality rates before the decay of the last ~6 months (then multiplied by up to DECAY_MAX). */
export const QUALITY_RATES = {
  duplicate: 0.027,
  emailMissing: 0.03,
  emailMalformed: 0.015,
  phoneMissing: 0.08,
  phoneMalformed: 0.02,
  companyMissing: 0.012,
  countryMissing: 0.02,
  industryMissing: 0.05,
  scoreMissing: 0.03,
} as const;
export const DECAY_MAX = 2.5;
/** Mean shift of the latent lead quality at the end of the decay (more volume, weaker leads). */
export const DECAY_QUALITY_SHIFT = -0.35;
