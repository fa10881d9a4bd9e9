import { describe, expect, it } from 'vitest';
import { VOCABULARY_COLUMNS } from '../../../src/domain/schema';
import { previewRows } from '../../../src/ui/import/previewRows';

describe("the review's preview of the first rows after the mapping", () => {
  const headers = ['Nummer', 'Herkunft', 'Stand', 'Region', 'Quelle'];
  const rows = [
    ['N1', 'Website', 'Closed Lost', 'Select', 'google '],
    ['N2', ' Podcast ', 'Neu', 'Bayern', 'Google'],
    ['N3', 'n/a', '', '  ', 'bing'],
  ];
  const base = {
    headers,
    rows,
    columns: ['lead_id', 'medium', 'stage', 'region', 'source', 'channel'],
    mapping: { lead_id: 'Nummer', medium: 'Herkunft', stage: 'Stand', region: 'Region', source: 'Quelle' },
    constants: { channel: 'Partner' },
    placeholders: ['Select', 'n/a'],
    vocabularies: VOCABULARY_COLUMNS.leads,
  };

  it('shows values as they will be loaded: synonyms mapped, placeholders and blanks empty, constants in every row, cells trimmed', () => {
    expect(previewRows(base)).toEqual([
      ['N1', 'web', 'lost', null, 'google', 'partner'],
      ['N2', 'Podcast', 'lead', 'Bayern', 'Google', 'partner'],
      ['N3', null, null, null, 'bing', 'partner'],
    ]);
  });

  it("applies the user's value mappings first, the merged spellings of other text columns included", () => {
    const values = { medium: { Podcast: 'event' }, source: { google: 'Google' } };
    expect(previewRows({ ...base, values }).map((r) => [r[1], r[4]])).toEqual([
      ['web', 'Google'],
      ['event', 'Google'],
      [null, 'bing'],
    ]);
  });

  it('lets a constant win over a mapped header, as the load does', () => {
    expect(previewRows({ ...base, constants: { stage: 'MQL' } }).map((r) => r[2])).toEqual(['mql', 'mql', 'mql']);
  });
});
