/**
 * The canonical data model (DESIGN.md): every import is mapped onto these tables.
 * One declaration serves the SQL loaders, the header mapping, the sample generator and the tests,
 * so a column is added in exactly one place.
 */
export type CanonicalType = 'VARCHAR' | 'DATE' | 'DOUBLE' | 'INTEGER';

export interface CanonicalColumn {
  readonly name: string;
  readonly type: CanonicalType;
  readonly required: boolean;
  /** Headers of an English CRM export (Salesforce/HubSpot style); the first is what our sample writes. */
  readonly en: readonly string[];
  /** Headers of a German Excel export; the first is what our sample writes. */
  readonly de: readonly string[];
  /**
   * Optional in an export, but once the export has it every row must fill it correctly: a cost row
   * without a campaign id is a cost per medium and period, which a blank id in a campaigns file must not become.
   */
  readonly requiredWhenMapped?: boolean;
  /**
   * A value that does not convert rejects its row instead of being emptied: a cost's month or dates
   * emptied would make it a cost of all time.
   */
  readonly strict?: boolean;
  /** A DATE column that may be written as a month alone (2026-01, 01.2026, 01/2026): read as its first day. */
  readonly month?: boolean;
}

export type TableKind = 'leads' | 'deals' | 'campaigns' | 'targets' | 'touches';
export const TABLE_KINDS: readonly TableKind[] = ['leads', 'deals', 'campaigns', 'targets', 'touches'];
/** "leads, deals, campaigns, targets or touches": the kinds in messages that name them all. */
export const TABLE_KINDS_IN_WORDS = `${TABLE_KINDS.slice(0, -1).join(', ')} or ${TABLE_KINDS[TABLE_KINDS.length - 1]}`;

const col = (
  name: string,
  type: CanonicalType,
  en: readonly string[],
  de: readonly string[],
  required = false,
): CanonicalColumn => ({ name, type, required, en, de });

export const CANONICAL: Readonly<Record<TableKind, readonly CanonicalColumn[]>> = {
  leads: [
    col('lead_id', 'VARCHAR', ['Lead ID', 'Record ID', 'Id', 'Prospect ID', 'MQL ID', 'Opportunity ID', 'Contact ID', 'Lead Id', 'Record Id', '(Do Not Modify) Lead', '(Do Not Modify) Opportunity'], ['Lead-Nr.', 'Lead-ID', 'Lead Nr', 'Interessenten-Nr.'], true),
    col('created_at', 'DATE', ['Created Date', 'Create Date', 'Created', 'Created Time', 'Created On', 'Date Created', 'Lead Created', 'Engage Date'], ['Erstellt am', 'Erstelldatum', 'Angelegt am']),
    col('medium', 'VARCHAR', ['Lead Source', 'Original Source', 'Source', 'Medium', 'Origin', 'Lead Source Type'], ['Leadquelle', 'Quelle', 'Medium', 'Herkunft']),
    col('source', 'VARCHAR', ['Source Detail', 'Raw Source'], ['Quelle (Rohwert)']),
    col('campaign_id', 'VARCHAR', ['Campaign ID', 'Campaign'], ['Kampagnen-Nr.', 'Kampagne']),
    col('company', 'VARCHAR', ['Company', 'Company Name', 'Account Name', 'Account', 'Organization', 'Organisation'], ['Firma', 'Unternehmen']),
    col('contact_name', 'VARCHAR', ['Contact Name', 'Full Name', 'Name'], ['Ansprechpartner', 'Kontakt']),
    col('email', 'VARCHAR', ['Email', 'E-mail', 'Email Address'], ['E-Mail', 'E-Mail-Adresse']),
    col('phone', 'VARCHAR', ['Phone', 'Phone Number'], ['Telefon', 'Telefonnummer']),
    col('country', 'VARCHAR', ['Country', 'Country/Region'], ['Land']),
    col('region', 'VARCHAR', ['Region', 'State/Region'], ['Region', 'Bundesland']),
    col('industry', 'VARCHAR', ['Industry'], ['Branche']),
    col('owner', 'VARCHAR', ['Lead Owner', 'Owner', 'Contact Owner', 'Deal Owner', 'Opportunity Owner', 'Sales Agent', 'Sales Rep', 'Assigned To'], ['Vertriebsmitarbeiter', 'Betreuer', 'Verantwortlicher']),
    col('sales_unit', 'VARCHAR', ['Sales Unit', 'Sales Team', 'Team'], ['Vertriebseinheit', 'Vertriebsregion', 'Team']),
    col('channel', 'VARCHAR', ['Channel', 'Sales Channel'], ['Kanal', 'Vertriebskanal']),
    col('partner_name', 'VARCHAR', ['Partner', 'Partner Name'], ['Partner', 'Vertriebspartner']),
    col('stage', 'VARCHAR', ['Lead Status', 'Lifecycle Stage', 'Status', 'Stage', 'Deal Stage', 'Lead Stage', 'Status Reason', 'Converted'], ['Status', 'Phase']),
    col('mql_at', 'DATE', ['MQL Date', 'Became an MQL Date'], ['MQL am', 'MQL-Datum']),
    col('sql_at', 'DATE', ['SQL Date', 'Became a SQL Date'], ['SQL am', 'SQL-Datum']),
    col('opportunity_at', 'DATE', ['Opportunity Date', 'Became an Opportunity Date'], ['Opportunity am', 'Opportunity-Datum']),
    col('closed_at', 'DATE', ['Close Date', 'Closed Date', 'Actual Close Date', 'Won Time'], ['Abschlussdatum', 'Abgeschlossen am']),
    col('first_contact_at', 'DATE', ['First Contact Date', 'First Activity Date'], ['Erstkontakt am', 'Erstkontakt']),
    col('last_activity_at', 'DATE', ['Last Activity Date', 'Last Activity'], ['Letzte Aktivität', 'Letzte Aktivitaet']),
    col('amount', 'DOUBLE', ['Amount', 'Deal Value', 'Close Value', 'Deal Amount', 'Actual Revenue', 'Value', 'Est. Revenue'], ['Betrag', 'Auftragswert', 'Umsatz', 'Umsatz (EUR)', 'Wert', 'Volumen', 'Auftragsvolumen']),
    col('currency', 'VARCHAR', ['Currency', 'Currency Code', 'Amount Currency'], ['Währung']),
    col('lead_score', 'DOUBLE', ['Lead Score', 'Score'], ['Lead-Score', 'Bewertung']),
    col('disqualify_reason', 'VARCHAR', ['Disqualify Reason', 'Unqualified Reason'], ['Disqualifizierungsgrund', 'Ablehnungsgrund']),
  ],
  deals: [
    col('deal_id', 'VARCHAR', ['Deal ID', 'Opportunity ID', 'Record ID'], ['Deal-Nr.', 'Auftrags-Nr.']),
    col('lead_id', 'VARCHAR', ['Lead ID', 'MQL ID', 'Prospect ID', 'Contact ID'], ['Lead-Nr.'], true),
    col('amount', 'DOUBLE', ['Amount', 'Deal Value', 'Close Value', 'Deal Amount'], ['Betrag', 'Auftragswert', 'Umsatz', 'Umsatz (EUR)', 'Wert', 'Volumen', 'Auftragsvolumen']),
    col('currency', 'VARCHAR', ['Currency'], ['Währung']),
    col('created_at', 'DATE', ['Created Date', 'Create Date'], ['Erstellt am']),
    col('closed_at', 'DATE', ['Close Date', 'Closed Date', 'Won Date', 'Won Time'], ['Abschlussdatum']),
    col('outcome', 'VARCHAR', ['Outcome', 'Deal Stage', 'Stage', 'Status'], ['Ergebnis', 'Phase']),
    col('product', 'VARCHAR', ['Product'], ['Produkt']),
  ],
  // A row is a campaign's cost, or (no campaign id column) a cost per medium and month or period.
  campaigns: [
    { ...col('campaign_id', 'VARCHAR', ['Campaign ID'], ['Kampagnen-Nr.']), requiredWhenMapped: true },
    col('name', 'VARCHAR', ['Campaign Name', 'Name'], ['Kampagnenname', 'Name']),
    col('medium', 'VARCHAR', ['Medium', 'Type', 'Lead Source'], ['Medium', 'Typ', 'Leadquelle'], true),
    { ...col('month', 'DATE', ['Month', 'Cost Month', 'Spend Month'], ['Monat', 'Kostenmonat']), month: true, strict: true },
    { ...col('start_date', 'DATE', ['Start Date'], ['Startdatum', 'Beginn']), strict: true },
    { ...col('end_date', 'DATE', ['End Date'], ['Enddatum', 'Ende']), strict: true },
    col('cost', 'DOUBLE', ['Cost', 'Actual Cost', 'Budget'], ['Kosten', 'Ist-Kosten'], true),
    col('planned_leads', 'INTEGER', ['Planned Leads', 'Expected Leads'], ['Geplante Leads', 'Plan-Leads']),
  ],
  targets: [
    col('period', 'VARCHAR', ['Period', 'Quarter'], ['Zeitraum', 'Quartal'], true),
    col('sales_unit', 'VARCHAR', ['Sales Unit', 'Sales Team'], ['Vertriebseinheit'], true),
    col('revenue_target', 'DOUBLE', ['Revenue Target', 'Quota'], ['Umsatzziel', 'Umsatz-Soll'], true),
    col('planned_leads', 'INTEGER', ['Planned Leads'], ['Geplante Leads']),
  ],
  // Campaign responses ("Campaign Members" in Salesforce): every campaign a lead responded to, for multi-touch attribution.
  touches: [
    col('lead_id', 'VARCHAR', ['Lead ID', 'Lead/Contact ID', 'Contact ID', 'Member ID'], ['Lead-Nr.'], true),
    col('campaign_id', 'VARCHAR', ['Campaign ID'], ['Kampagnen-Nr.'], true),
    col('touched_at', 'DATE', ['Responded Date', 'First Responded Date', 'Touch Date', 'Response Date'], ['Antwortdatum', 'Kontaktdatum', 'Reaktionsdatum'], true),
  ],
};


/** Columns whose values are mapped onto a vocabulary (see vocabulary.ts) after loading. */
export const VOCABULARY_COLUMNS: Readonly<Record<TableKind, Readonly<Record<string, 'medium' | 'stage' | 'channel' | 'outcome'>>>> = {
  leads: { medium: 'medium', stage: 'stage', channel: 'channel' },
  deals: { outcome: 'outcome' },
  campaigns: { medium: 'medium' },
  targets: {},
  touches: {},
};
