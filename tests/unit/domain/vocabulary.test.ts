import { describe, expect, it } from 'vitest';
import { canonicalValue, vocabularyKey } from '../../../src/domain/vocabulary';

describe('canonicalValue', () => {
  it.each([
    ['Messe', 'trade_fair'],
    ['Trade Show', 'trade_fair'],
    ['  trade-fair ', 'trade_fair'],
    ['Mailing', 'direct_mail'],
    ['Direct Mail', 'direct_mail'],
    ['Website', 'web'],
    ['Webformular', 'web'],
    ['Anzeige', 'ad'],
    ['TELEMARKETING', 'telemarketing'],
    ['Veranstaltung', 'event'],
  ])('medium %j → %s', (raw, canonical) => expect(canonicalValue('medium', raw)).toBe(canonical));

  it('keeps an unknown medium as its own value, trimmed', () => {
    expect(canonicalValue('medium', ' Podcast ')).toBe('Podcast');
  });

  it('maps stages, channels and outcomes in German and English', () => {
    expect(canonicalValue('stage', 'Closed Won')).toBe('won');
    expect(canonicalValue('stage', 'Gewonnen')).toBe('won');
    expect(canonicalValue('stage', 'Neu')).toBe('lead');
    expect(canonicalValue('stage', 'Verkaufschance')).toBe('opportunity');
    expect(canonicalValue('channel', 'Direkt')).toBe('direct');
    expect(canonicalValue('outcome', 'Offen')).toBe('open');
    expect(canonicalValue('outcome', 'Open')).toBe('open');
  });

  it('treats blanks as missing', () => {
    expect(canonicalValue('medium', '   ')).toBeNull();
    expect(canonicalValue('medium', null)).toBeNull();
  });

  it('folds umlauts and separators', () => {
    expect(vocabularyKey('Müller_Straße-Ost')).toBe('mueller strasse ost');
  });
});
