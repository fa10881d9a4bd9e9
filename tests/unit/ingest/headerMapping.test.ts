import { describe, expect, it } from 'vitest';
import { dateWarnings, vocabularyWarnings } from '../../../src/ingest/mappingWarnings';
import { CANONICAL, TABLE_KINDS } from '../../../src/domain/schema';
import { detectTableKind, missingRequired, suggestMapping, unusedHeaders } from '../../../src/ingest/headerMapping';

describe('header mapping', () => {
  it.each(TABLE_KINDS)('maps the English and German export headers of %s completely', (kind) => {
    for (const language of ['en', 'de'] as const) {
      const headers = CANONICAL[kind].map((c) => c[language][0] ?? c.name);
      const mapping = suggestMapping(kind, headers);
      expect(Object.keys(mapping)).toEqual(CANONICAL[kind].map((c) => c.name));
      expect(detectTableKind(headers)).toBe(kind);
    }
  });

  it('recognises CRM header variants', () => {
    const mapping = suggestMapping('leads', ['Record ID', 'Create Date', 'Original Source', 'Lifecycle Stage', 'Company Name']);
    expect(mapping).toEqual({ lead_id: 'Record ID', created_at: 'Create Date', medium: 'Original Source', stage: 'Lifecycle Stage', company: 'Company Name' });
    expect(missingRequired('leads', mapping)).toEqual([]);
  });

  it('names the required columns a file lacks and recognises nothing from unrelated headers', () => {
    expect(missingRequired('leads', suggestMapping('leads', ['Firma', 'Telefon']))).toEqual(['lead_id']);
    expect(missingRequired('leads', {}, { lead_id: 'x' })).toEqual([]);
    expect(detectTableKind(['foo', 'bar'])).toBeNull();
  });

  it('recognises costs per medium and month as campaigns without a campaign id', () => {
    expect(detectTableKind(['Month', 'Lead Source', 'Cost'])).toBe('campaigns');
    expect(detectTableKind(['Monat', 'Medium', 'Kosten'])).toBe('campaigns');
    expect(suggestMapping('campaigns', ['Monat', 'Medium', 'Kosten'])).toEqual({ month: 'Monat', medium: 'Medium', cost: 'Kosten' });
  });
});

describe('unusedHeaders', () => {
  it('lists the headers no column is read from, also one whose column a constant fills', () => {
    const headers = ['Nr', 'Status', 'Notiz', 'Quelle'];
    expect(unusedHeaders(headers, { lead_id: 'Nr', stage: 'Status', medium: 'Quelle' }, { stage: 'mql', medium: ' ' })).toEqual(['Status', 'Notiz']);
  });
});

describe('headerSignature', () => {
  it('is the same for the same layout whatever the spelling of spaces and case, and differs otherwise', async () => {
    const { headerSignature } = await import('../../../src/ingest/headerMapping');
    const a = headerSignature(['Lead-Nr.', 'Erstellt am', 'Leadquelle']);
    expect(headerSignature(['lead-nr.', ' Erstellt  am', 'LEADQUELLE'])).toBe(a);
    expect(headerSignature(['Erstellt am', 'Lead-Nr.', 'Leadquelle'])).not.toBe(a);
    expect(headerSignature(['Lead-Nr.', 'Erstellt am'])).not.toBe(a);
  });
});

describe('exports of other CRMs, recognised by their usual headers', () => {
  it.each([
    ['Salesforce leads', ['Lead ID', 'First Name', 'Last Name', 'Company / Account', 'Lead Source', 'Lead Status', 'Created Date', 'Lead Owner'], 'leads', { lead_id: 'Lead ID', medium: 'Lead Source', stage: 'Lead Status', created_at: 'Created Date', owner: 'Lead Owner' }],
    ['HubSpot contacts', ['Record ID', 'First Name', 'Create Date', 'Original Source', 'Lifecycle Stage', 'Company Name', 'Contact owner'], 'leads', { lead_id: 'Record ID', created_at: 'Create Date', medium: 'Original Source', stage: 'Lifecycle Stage', owner: 'Contact owner' }],
    ['Zoho leads', ['Record Id', 'Lead Owner', 'Company', 'Lead Source', 'Lead Status', 'Created Time'], 'leads', { lead_id: 'Record Id', created_at: 'Created Time', stage: 'Lead Status' }],
    ['Dynamics leads', ['(Do Not Modify) Lead', 'Created On', 'Lead Source', 'Status Reason', 'Company Name', 'Owner'], 'leads', { lead_id: '(Do Not Modify) Lead', created_at: 'Created On', stage: 'Status Reason' }],
    ['Maven opportunities (snake_case)', ['opportunity_id', 'sales_agent', 'product', 'account', 'deal_stage', 'engage_date', 'close_date', 'close_value'], 'leads', { lead_id: 'opportunity_id', owner: 'sales_agent', company: 'account', stage: 'deal_stage', created_at: 'engage_date', closed_at: 'close_date', amount: 'close_value' }],
    ['X Education leads (a 0/1 flag)', ['Prospect ID', 'Lead Number', 'Lead Origin', 'Lead Source', 'Converted', 'Country'], 'leads', { lead_id: 'Prospect ID', medium: 'Lead Source', stage: 'Converted' }],
    ['Olist MQLs', ['mql_id', 'first_contact_date', 'landing_page_id', 'origin'], 'leads', { lead_id: 'mql_id', medium: 'origin', first_contact_at: 'first_contact_date' }],
    ['Olist closed deals (no amount, no outcome)', ['mql_id', 'seller_id', 'sdr_id', 'sr_id', 'won_date', 'business_segment'], 'deals', { lead_id: 'mql_id', closed_at: 'won_date' }],
  ] as const)('%s', (_, headers, kind, expected) => {
    expect(detectTableKind(headers)).toBe(kind);
    expect(suggestMapping(kind, headers)).toMatchObject(expected);
  });

  it('recognises a lookup file as no table, so it is never pre-set to update the leads', () => {
    expect(detectTableKind(['sales_agent', 'manager', 'regional_office'])).toBeNull();
    expect(detectTableKind(['account', 'sector', 'year_established', 'revenue', 'employees', 'office_location', 'subsidiary_of'])).toBeNull();
  });
});

describe('warnings before an import', () => {
  const rows: Record<string, string[]> = {
    'Last Activity': ['Email Opened', 'Page Visited', '', 'SMS Sent', '2025-01-02'],
    'Created Date': ['2025-01-02', '03.02.2025', '45658', ''],
    Name: Array.from({ length: 60 }, (_, i) => `Person ${i}`),
  };
  const valuesOf = (header: string) => rows[header] ?? [];

  it('names a date column whose cells are mostly no dates, and a stage column with far too many values', () => {
    expect(dateWarnings('leads', { last_activity_at: 'Last Activity', created_at: 'Created Date' }, valuesOf)).toEqual([{ column: 'last_activity_at', header: 'Last Activity', values: 3, rows: 4 }]);
    expect(vocabularyWarnings('leads', { stage: 'Name' }, valuesOf)).toEqual([{ column: 'stage', header: 'Name', values: 60, rows: 60 }]);
    expect(vocabularyWarnings('leads', { stage: 'Created Date' }, valuesOf)).toEqual([]);
  });

  it('takes months alone as dates in a month column only', () => {
    const months = (header: string) => (header === 'Monat' ? ['01.2025', '2.2025', '2025-03'] : []);
    expect(dateWarnings('campaigns', { month: 'Monat' }, months)).toEqual([]);
    expect(dateWarnings('campaigns', { start_date: 'Monat' }, months)).toEqual([{ column: 'start_date', header: 'Monat', values: 3, rows: 3 }]);
  });
});
