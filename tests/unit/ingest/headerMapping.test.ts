import { describe, expect, it } from 'vitest';
import { CANONICAL, TABLE_KINDS } from '../../../src/domain/schema';
import { detectTableKind, missingRequired, suggestMapping } from '../../../src/ingest/headerMapping';

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
