/**
 * Value vocabularies: the standard media and stages, and the German/English synonyms that CRM
 * exports use for them. Unknown values are never forced onto a standard value; they are kept.
 */

/** The guideline's media in descending order of qualification depth. */
export const STANDARD_MEDIA = ['telemarketing', 'direct_mail', 'event', 'trade_fair', 'web', 'ad'] as const;
export type StandardMedium = (typeof STANDARD_MEDIA)[number];

/** Folds case, surrounding space, umlauts and separators so "Trade-Fair", "trade fair" and "Messe " compare equal. */
export function vocabularyKey(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[\s_\-/.]+/g, ' ')
    .trim();
}

const MEDIUM_SYNONYMS: Readonly<Record<StandardMedium, readonly string[]>> = {
  telemarketing: ['telemarketing', 'telesales', 'phone', 'cold call', 'outbound call', 'telefonmarketing', 'telefon'],
  direct_mail: ['direct mail', 'direct_mail', 'mailing', 'letter', 'postal mail', 'brief', 'werbebrief', 'postwurf'],
  event: ['event', 'seminar', 'conference', 'roadshow', 'veranstaltung', 'kongress', 'webinar'],
  trade_fair: ['trade fair', 'trade show', 'tradeshow', 'fair', 'expo', 'messe', 'messestand'],
  web: ['web', 'website', 'web form', 'webform', 'online', 'organic search', 'webformular', 'webseite', 'internet'],
  ad: ['ad', 'ads', 'advertising', 'advertisement', 'paid search', 'paid social', 'display', 'anzeige', 'werbung', 'inserat'],
};

const STAGE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  lead: ['lead', 'new', 'open', 'raw', 'neu', 'offen', 'subscriber'],
  mql: ['mql', 'marketing qualified', 'marketing qualified lead', 'marketingqualifiedlead', 'marketingqualifiziert'],
  sql: ['sql', 'sales qualified', 'sales qualified lead', 'salesqualifiedlead', 'sales accepted', 'vertriebsqualifiziert'],
  // The open stages of CRM deal pipelines (Salesforce, HubSpot, Pipedrive, Maven's sales pipeline): an opportunity exists.
  opportunity: [
    'opportunity', 'opp', 'proposal', 'negotiation', 'verkaufschance', 'angebot',
    'prospecting', 'engaging', 'qualification', 'needs analysis', 'value proposition', 'id decision makers', 'perception analysis',
    'proposal price quote', 'negotiation review', 'appointment scheduled', 'appointmentscheduled', 'qualified to buy', 'qualifiedtobuy',
    'presentation scheduled', 'presentationscheduled', 'decision maker bought in', 'decisionmakerboughtin', 'contract sent', 'contractsent',
    'demo scheduled', 'proposal made', 'negotiations started', 'contact made',
  ],
  won: ['won', 'closed won', 'closedwon', 'customer', 'gewonnen', 'auftrag', 'kunde'],
  lost: ['lost', 'closed lost', 'closedlost', 'verloren'],
  disqualified: ['disqualified', 'unqualified', 'junk', 'disqualifiziert', 'ungueltig'],
};

const CHANNEL_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  direct: ['direct', 'direkt', 'own sales', 'eigenvertrieb'],
  partner: ['partner', 'reseller', 'indirect', 'indirekt', 'vertriebspartner'],
};

const OUTCOME_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  won: ['won', 'closed won', 'closedwon', 'gewonnen', 'auftrag'],
  lost: ['lost', 'closed lost', 'closedlost', 'verloren'],
  open: ['open', 'pending', 'in progress', 'offen', 'laufend'],
};

function invert(table: Readonly<Record<string, readonly string[]>>): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const [canonical, synonyms] of Object.entries(table)) {
    map.set(vocabularyKey(canonical), canonical);
    for (const s of synonyms) map.set(vocabularyKey(s), canonical);
  }
  return map;
}

export type Vocabulary = 'medium' | 'stage' | 'channel' | 'outcome';

/** key (see vocabularyKey) → canonical value, per vocabulary. */
export const VOCABULARIES: Readonly<Record<Vocabulary, ReadonlyMap<string, string>>> = {
  medium: invert(MEDIUM_SYNONYMS),
  stage: invert(STAGE_SYNONYMS),
  channel: invert(CHANNEL_SYNONYMS),
  outcome: invert(OUTCOME_SYNONYMS),
};

/** Maps a raw export value onto the canonical one, or keeps the (trimmed) value itself when unknown. */
export function canonicalValue(vocabulary: Vocabulary, raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  return VOCABULARIES[vocabulary].get(vocabularyKey(trimmed)) ?? trimmed;
}

/** The values each vocabulary knows, in their natural order: what an unknown value may be mapped onto. */
export function canonicalValues(vocabulary: Vocabulary): string[] {
  return [...new Set(VOCABULARIES[vocabulary].values())];
}
