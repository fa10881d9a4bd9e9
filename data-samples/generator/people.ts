/**
 * The company/people model: who the leads are. A company is a pure function of (seed, index), so
 * the same company always has the same name, region, industry and phone style, however many
 * leads it produces and without keeping a table of companies in memory.
 */
import { Rng, rngFor } from './prng';
import { COUNTRY_CALLING_CODE, COUNTRY_TLD, INDUSTRIES, REGIONS, type RegionProfile, type SalesUnit } from './story';

export interface Company {
  readonly index: number;
  readonly name: string;
  readonly domain: string;
  /** "Mueller-Maschinenbau.De": how some users type the domain. */
  readonly domainCapitalized: string;
  readonly country: RegionProfile['country'];
  readonly region: string;
  readonly unit: SalesUnit;
  readonly city: string;
  readonly areaCode: string;
  readonly industry: string;
  /** 0–3: how this company writes phone numbers (consistent per company). */
  readonly phoneStyle: number;
}

export interface Person {
  readonly company: Company;
  /** The company name as typed on this lead (a duplicate may carry a variant of it). */
  readonly companyName: string;
  readonly contactName: string;
  readonly email: string;
  readonly phone: string;
}

const FIRST_NAMES = [
  'Jürgen', 'Sören', 'Björn', 'Jörg', 'Günter', 'Ralf', 'Thomas', 'Michael', 'Andreas', 'Stefan', 'Markus',
  'Frank', 'Peter', 'Klaus', 'Wolfgang', 'Uwe', 'Dirk', 'Jan', 'Tim', 'Lukas', 'Felix', 'Maximilian', 'Jonas',
  'Matthias', 'Christian', 'Tobias', 'Sebastian', 'Florian', 'Alexander', 'Daniel', 'Kai', 'Holger', 'Bernd',
  'Rüdiger', 'Hans-Peter', 'Karl-Heinz', 'Mehmet', 'Piotr', 'Luca', 'René', 'Sabine', 'Petra', 'Claudia',
  'Andrea', 'Nicole', 'Stefanie', 'Julia', 'Katharina', 'Anna', 'Laura', 'Lea', 'Sarah', 'Christina', 'Melanie',
  'Sandra', 'Kerstin', 'Heike', 'Birgit', 'Ute', 'Gabriele', 'Susanne', 'Bärbel', 'Jana', 'Franziska', 'Lena',
  'Marie', 'Sophie', 'Jasmin', 'Aylin', 'Zoë', 'Agnieszka', 'Anja', 'Silke', 'Doris', 'Käthe',
] as const;

const LAST_NAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
  'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Krause', 'Meier', 'Lehmann',
  'Köhler', 'Weiß', 'Jäger', 'Groß', 'Böhm', 'Hübner', 'Vogel', 'Günther', 'Frank', 'Berger', 'Kaiser',
  'Fuchs', 'Peters', 'Lang', 'Scholz', 'Möller', 'Keller', 'Jung', 'Hahn', 'Vogt', 'Roth', 'Friedrich',
  'Beck', 'Lorenz', 'Baumann', 'Franke', 'Albrecht', 'Schuster', 'Simon', 'Ludwig', 'Böhme', 'Winter',
  'Kraus', 'Schumacher', 'Krämer', 'Stein', 'Otto', 'Sommer', 'Haas', 'Graf', 'Heinrich', 'Seidel', 'Brandt',
  'Schulte', 'Dietrich', 'Kühn', 'Pohl', 'Yilmaz', 'Kaya', 'Nowak', 'Kowalski', 'Öztürk', 'Gruber', 'Huber',
  'Steiner', 'Moser', 'Brunner', 'Däubler', 'Mäder', 'Rößler', 'Thießen', 'Strauß',
] as const;

const TRADES: readonly (readonly [string, string])[] = [
  ['Maschinenbau', 'Maschinenbau'], ['Feinmechanik', 'Maschinenbau'], ['Metallbau', 'Maschinenbau'],
  ['Logistik', 'Logistik'], ['Spedition', 'Logistik'], ['Elektrotechnik', 'Bauwesen'], ['Haustechnik', 'Bauwesen'],
  ['Bau', 'Bauwesen'], ['Baustoffe', 'Handel'], ['Autohaus', 'Handel'], ['Großhandel', 'Handel'],
  ['Software', 'IT & Telekommunikation'], ['Systemhaus', 'IT & Telekommunikation'],
  ['Medizintechnik', 'Gesundheitswesen'], ['Versicherungsmakler', 'Finanzdienstleistungen'],
  ['Kunststofftechnik', 'Automobilzulieferer'], ['Präzisionsteile', 'Automobilzulieferer'],
  ['Energietechnik', 'Energieversorgung'], ['Druckerei', 'Handel'], ['Lebensmittel', 'Handel'],
];

const FANTASY_PREFIX = ['Nord', 'Süd', 'Alpen', 'Rhein', 'Elb', 'Main', 'Isar', 'Spree', 'Donau', 'Weser', 'Hansa', 'Berg', 'Tal', 'Inn', 'Mosel', 'Ostsee'];
const FANTASY_SUFFIX = ['tec', 'tronic', 'plan', 'werk', 'data', 'logistik', 'bau', 'med', 'soft', 'consult', 'net', 'metall', 'form', 'licht'];

const PUBLIC: readonly (readonly [string, string])[] = [
  ['Stadtwerke', 'Energieversorgung'], ['Klinikum', 'Gesundheitswesen'], ['Stadtverwaltung', 'Öffentliche Verwaltung'],
  ['Hochschule', 'Bildung'], ['Sparkasse', 'Finanzdienstleistungen'], ['Volksbank', 'Finanzdienstleistungen'],
];

const QUOTED = ['Blaue Welle', 'Zum Goldenen Hirsch', 'Grüne Wiese', 'Alte Mühle', 'Roter Hahn', 'Sonnenschein', 'Zur Post'];

const LEGAL: Readonly<Record<RegionProfile['country'], readonly (readonly [string, number])[]>> = {
  DE: [['GmbH', 45], ['GmbH & Co. KG', 20], ['AG', 7], ['KG', 7], ['e.K.', 6], ['OHG', 4], ['GbR', 3], ['UG (haftungsbeschränkt)', 3], ['SE', 1]],
  AT: [['GmbH', 70], ['AG', 10], ['KG', 10], ['OG', 5], ['e.U.', 5]],
  CH: [['AG', 60], ['GmbH', 40]],
};

const FREE_MAIL: Readonly<Record<RegionProfile['country'], readonly string[]>> = {
  DE: ['gmx.de', 'web.de', 't-online.de', 'gmail.com'],
  AT: ['gmx.at', 'aon.at', 'gmail.com'],
  CH: ['bluewin.ch', 'gmx.ch', 'gmail.com'],
};

/** Companies named in the brief, pinned to the most frequent indices so they always appear. */
const PINNED: readonly { readonly name: string; readonly slug: string; readonly region: string; readonly industry: string }[] = [
  { name: 'Müller GmbH', slug: 'mueller-gmbh', region: 'Bayern', industry: 'Maschinenbau' },
  { name: 'Schmidt, Meier & Partner', slug: 'schmidt-meier-partner', region: 'Hessen', industry: 'Steuerberatung & Recht' },
  { name: '"Blaue Welle" AG', slug: 'blaue-welle', region: 'Hamburg', industry: 'Logistik' },
];

const SALT_COMPANY = 0xc0;

const REGION_WEIGHTS = REGIONS.map((r) => r.weight);
const LEGAL_WEIGHTS = {
  DE: LEGAL.DE.map((l) => l[1]),
  AT: LEGAL.AT.map((l) => l[1]),
  CH: LEGAL.CH.map((l) => l[1]),
};

const slugMemo = new Map<string, string>();

/** Lower-case ASCII form of a name for e-mail addresses and domains ("Jürgen Weiß" → "juergen-weiss"). */
export function slug(text: string, separator = '-'): string {
  // Inputs come from the finite name lists, so the memo stays small.
  const key = `${separator}|${text}`;
  let s = slugMemo.get(key);
  if (s === undefined) {
    s = slugUncached(text, separator);
    slugMemo.set(key, s);
  }
  return s;
}

function slugUncached(text: string, separator: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[éè]/g, 'e')
    .replace(/ë/g, 'e')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/ /g, separator);
}

/** Number of distinct companies for a data set of `leads` leads (B2B: several leads per company). */
export function companyPoolSize(leads: number): number {
  return Math.max(30, Math.round(leads * 0.3));
}

/** Skewed draw of a company index: low indices are the big accounts that respond again and again. */
export function drawCompanyIndex(rng: Rng, poolSize: number): number {
  return Math.min(poolSize - 1, Math.floor(poolSize * Math.pow(rng.next(), 1.7)));
}

function pickWeighted<T>(rng: Rng, items: readonly (readonly [T, number])[], weights: readonly number[]): T {
  return items[rng.weighted(weights)]![0];
}

/** Direct-mapped cache: the frequent (low-index) companies are built once; memory stays bounded. */
const CACHE_BITS = 16;
const cache: (Company | undefined)[] = new Array<Company | undefined>(1 << CACHE_BITS);
let cacheSeed = Number.NaN;

/** The company with this index. Pure: same (seed, index) → same company. */
export function companyAt(seed: number, index: number): Company {
  if (seed !== cacheSeed) {
    cache.fill(undefined);
    cacheSeed = seed;
  }
  const slot = index & ((1 << CACHE_BITS) - 1);
  const hit = cache[slot];
  if (hit !== undefined && hit.index === index) return hit;
  const company = buildCompany(seed, index);
  cache[slot] = company;
  return company;
}

function buildCompany(seed: number, index: number): Company {
  const r = rngFor(seed, index, SALT_COMPANY);
  const pinned = PINNED[index];
  const profile = pinned ? REGIONS.find((p) => p.region === pinned.region)! : REGIONS[r.weighted(REGION_WEIGHTS)]!;
  const [city, areaCode] = r.pick(profile.cities);
  const legal = pickWeighted(r, LEGAL[profile.country], LEGAL_WEIGHTS[profile.country]);
  let name: string;
  let domainPart: string;
  let industry: string;
  if (pinned) {
    name = pinned.name;
    domainPart = pinned.slug;
    industry = pinned.industry;
  } else {
    const pattern = r.next();
    if (pattern < 0.45) {
      const surname = r.pick(LAST_NAMES);
      const [trade, ind] = r.pick(TRADES);
      name = `${surname} ${trade} ${legal}`;
      domainPart = `${slug(surname)}-${slug(trade)}`;
      industry = ind;
    } else if (pattern < 0.55) {
      const a = r.pick(LAST_NAMES);
      let b: string = r.pick(LAST_NAMES);
      if (b === a) b = 'Partner';
      name = `${a} & ${b} ${legal}`;
      domainPart = `${slug(a)}-${slug(b)}`;
      industry = r.pick(INDUSTRIES);
    } else if (pattern < 0.8) {
      const base = r.pick(FANTASY_PREFIX) + r.pick(FANTASY_SUFFIX);
      name = `${base} ${legal}`;
      domainPart = slug(base);
      industry = r.pick(INDUSTRIES);
    } else if (pattern < 0.88) {
      const [kind, ind] = r.pick(PUBLIC);
      name = kind === 'Volksbank' ? `Volksbank ${city} eG` : `${kind} ${city}`;
      domainPart = `${slug(kind)}-${slug(city)}`;
      industry = ind;
    } else if (pattern < 0.95) {
      const a = r.pick(LAST_NAMES);
      let b: string = r.pick(LAST_NAMES);
      if (b === a) b = 'Wolf';
      const tail = r.chance(0.3) ? ' mbB' : '';
      name = `${a}, ${b} & Partner${tail}`;
      domainPart = `${slug(a)}-${slug(b)}-partner`;
      industry = 'Steuerberatung & Recht';
    } else {
      const q = r.pick(QUOTED);
      name = r.chance(0.5) ? `"${q}" ${legal}` : `Hotel "${q}" ${legal}`;
      domainPart = slug(q);
      industry = r.chance(0.5) ? 'Handel' : r.pick(INDUSTRIES);
    }
  }
  const domain = `${domainPart}.${COUNTRY_TLD[profile.country]}`;
  return {
    index,
    name,
    domain,
    domainCapitalized: capitalizeEmail(domain),
    country: profile.country,
    region: profile.region,
    unit: profile.unit,
    city,
    areaCode,
    industry,
    phoneStyle: r.int(4),
  };
}

function digits(rng: Rng, n: number): string {
  let s = String(1 + rng.int(9));
  for (let i = 1; i < n; i++) s += String(rng.int(10));
  return s;
}

/** A plausible phone number in the company's style. */
export function drawPhone(rng: Rng, company: Company): string {
  const cc = COUNTRY_CALLING_CODE[company.country];
  const area = company.areaCode;
  const subscriberLength = Math.max(5, 9 - area.length + rng.int(2));
  const number = digits(rng, subscriberLength);
  if (company.country === 'CH') {
    // Swiss numbers have nine digits after the trunk zero, always; the digits are drawn as for the
    // others (so the draws after them stay the same) and cut to fit.
    const swiss = number.slice(0, 9 - area.length);
    const grouped = `${swiss.slice(0, 3)} ${swiss.slice(3, 5)} ${swiss.slice(5)}`;
    return company.phoneStyle < 2 ? `+${cc} ${area} ${grouped}` : `0${area} ${grouped}`;
  }
  switch (company.phoneStyle) {
    case 0:
      return `+${cc} ${area} ${number}`;
    case 1:
      return `0${area} ${number}`;
    case 2:
      return `0${area}/${number.slice(0, -2)}-${number.slice(-2)}`;
    default:
      return `+${cc} (0)${area} ${number}`;
  }
}

interface NamePart {
  readonly text: string;
  readonly slug: string;
  readonly capitalized: string;
}

const namePart = (text: string): NamePart => {
  const sl = slug(text, '');
  return { text, slug: sl, capitalized: sl.charAt(0).toUpperCase() + sl.slice(1) };
};
const FIRST_PARTS = FIRST_NAMES.map(namePart);
const LAST_PARTS = LAST_NAMES.map(namePart);

/** A contact at a company, with a matching e-mail address and phone number. */
export function drawPerson(rng: Rng, company: Company): Person {
  const first = rng.pick(FIRST_PARTS);
  const last = rng.pick(LAST_PARTS);
  const title = rng.chance(0.04) ? 'Dr. ' : '';
  const style = rng.next();
  const freeMail = rng.chance(0.06);
  const capital = rng.chance(0.12);
  const f = capital ? first.capitalized : first.slug;
  const l = capital ? last.capitalized : last.slug;
  let local: string;
  if (style < 0.72) local = `${f}.${l}`;
  else if (style < 0.84) local = `${f.charAt(0)}.${l}`;
  else if (style < 0.94) local = `${f}${l}`;
  else local = `${l}.${f}`;
  let domain: string;
  if (freeMail) {
    domain = rng.pick(FREE_MAIL[company.country]);
    local += String(10 + rng.int(90));
  } else {
    domain = capital ? company.domainCapitalized : company.domain;
  }
  return {
    company,
    companyName: company.name,
    contactName: `${title}${first.text} ${last.text}`,
    email: `${local}@${domain}`,
    phone: drawPhone(rng, company),
  };
}

function capitalizeEmail(email: string): string {
  let out = '';
  let atStart = true;
  for (let i = 0; i < email.length; i++) {
    const ch = email[i]!;
    out += atStart ? ch.toUpperCase() : ch;
    atStart = ch === '.' || ch === '@' || ch === '-';
  }
  return out;
}

/** The same address in a different case ("Juergen.Weiss@Mueller-GmbH.de" vs "juergen.weiss@mueller-gmbh.de"). */
export function emailCaseVariant(email: string): string {
  const lower = email.toLowerCase();
  if (lower !== email) return lower;
  const capital = capitalizeEmail(email);
  return capital !== email ? capital : email.toUpperCase();
}

/**
 * A fuzzy variant of a company name as a second CRM user would type it:
 * "Müller GmbH" → "Mueller GmbH", "Alpentec GmbH" → "Alpentec Gmbh", `"Blaue Welle" AG` → "Blaue Welle AG".
 */
export function companyVariant(name: string, rng: Rng): string {
  if (name.includes('"')) return name.replace(/"/g, '');
  if (/[äöüÄÖÜß]/.test(name) && rng.chance(0.7)) {
    return name
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/Ä/g, 'Ae')
      .replace(/Ö/g, 'Oe')
      .replace(/Ü/g, 'Ue')
      .replace(/ß/g, 'ss');
  }
  if (name.endsWith(')')) return name.replace(/ \([^)]*\)$/, '');
  if (name.endsWith(' GmbH & Co. KG')) return name.replace(' GmbH & Co. KG', ' GmbH & Co KG');
  if (name.endsWith(' GmbH')) return rng.chance(0.5) ? name.replace(/ GmbH$/, ' Gmbh') : name.replace(/ GmbH$/, '');
  if (name.endsWith(' AG')) return name.replace(/ AG$/, ' Aktiengesellschaft');
  if (name.includes(' & ')) return name.replace(' & ', ' und ');
  if (/ (KG|OHG|GbR|SE|OG|e\.K\.|e\.U\.|eG|mbB)$/.test(name)) return name.replace(/ \S+$/, '');
  return `${name} GmbH`;
}
