import { describe, expect, it } from 'vitest';
import { parseBundleManifest } from '../../../src/domain/bundleManifest';
import { DEFAULT_QUALITY_SETTINGS } from '../../../src/domain/quality/rules';
import { parseQualitySettingsFile } from '../../../src/domain/quality/settingsFile';
import { qualityLinkOf, settingsOfLink } from '../../../src/domain/quality/settingsLink';
import { readSavedRules, SAVED_RULES_KEY, saveRules } from '../../../src/ui/pages/quality/savedRules';
import { linkOfChosenRules, rulesInForce } from '../../../src/ui/pages/quality/rulesInForce';

describe('the team’s data-quality rules file', () => {
  it('reads the dead-file days, the rules switched off and the weights, and nothing else is needed', () => {
    expect(parseQualitySettingsFile({})).toEqual(DEFAULT_QUALITY_SETTINGS);
    const settings = parseQualitySettingsFile({ deadFileDays: 14, off: ['phone_missing'], weights: { email_missing: 3 } });
    expect(settings).toEqual({ rules: { phone_missing: { enabled: false }, email_missing: { weight: 3 } }, dimensions: {}, deadFileDays: 14 });
    // Into the bundle as link text, and read back by the page as the same rules.
    expect(settingsOfLink(qualityLinkOf(settings))).toEqual({ settings, ignored: [] });
  });

  it('reads the dimensions’ weights, into the link as qm and back', () => {
    const settings = parseQualitySettingsFile({ dimensions: { timeliness: 2, validity: 0, completeness: 1 } });
    expect(settings).toEqual({ ...DEFAULT_QUALITY_SETTINGS, dimensions: { timeliness: 2, validity: 0 } });
    expect(qualityLinkOf(settings)).toEqual({ qm: 'timeliness:2,validity:0' });
    expect(settingsOfLink(qualityLinkOf(settings))).toEqual({ settings, ignored: [] });
  });

  it.each([
    [[], /not a JSON object/],
    [{ deadFileDay: 3 }, /unknown keys: deadFileDay/],
    [{ deadFileDays: 0 }, /"deadFileDays" must be a whole number of days from 1 to 365/],
    [{ deadFileDays: '30' }, /"deadFileDays"/],
    [{ off: 'phone_missing' }, /"off" must be a list/],
    [{ off: ['phone'] }, /"off" names no rule: "phone" \(rules: email_missing, /],
    [{ weights: { email_missing: 11 } }, /"weights"."email_missing" must be a whole number from 0 to 10/],
    [{ weights: { mail: 1 } }, /"weights" names no rule: "mail"/],
    [{ dimensions: ['timeliness'] }, /"dimensions" must be an object/],
    [{ dimensions: { timely: 2 } }, /"dimensions" names no dimension: "timely" \(dimensions: completeness, validity/],
    [{ dimensions: { timeliness: 1.5 } }, /"dimensions"."timeliness" must be a whole number from 0 to 10/],
  ])('refuses %j, saying what is wrong', (json, message) => {
    expect(() => parseQualitySettingsFile(json)).toThrow(message);
  });
});

describe('the rules in a bundle’s manifest', () => {
  const manifest = (quality: unknown) => ({ schemaVersion: 1, createdAt: '2026-12-05', tables: { leads: { file: 'leads.parquet', rows: 1, sha256: 'x' } }, sources: [], quality });

  it('keeps the rules’ link text, and leaves them out when there are none', () => {
    expect(parseBundleManifest(manifest({ qd: '14', qo: 'phone_missing' })).quality).toEqual({ qd: '14', qo: 'phone_missing' });
    expect(parseBundleManifest(manifest(undefined)).quality).toBeUndefined();
    expect(parseBundleManifest(manifest({})).quality).toBeUndefined();
  });

  it('refuses rules out of their syntax rather than scoring by others', () => {
    expect(() => parseBundleManifest(manifest({ qd: 'fourteen' }))).toThrow(/"quality" holds rule settings this app cannot read/);
  });
});

describe('the rules saved in the browser', () => {
  const store = () => {
    const items = new Map<string, string>();
    return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
  };

  it('reads back what was saved; nothing saved is null, and a damaged entry is as if nothing were saved', () => {
    const s = store();
    expect(readSavedRules(s)).toBeNull();
    saveRules({ qo: 'phone_missing', qd: '14' }, s);
    expect(readSavedRules(s)).toEqual({ qo: 'phone_missing', qd: '14' });
    s.setItem(SAVED_RULES_KEY, '{"qo":"phone_missing","qd":"<script>"');
    expect(readSavedRules(s)).toBeNull();
    s.setItem(SAVED_RULES_KEY, '{"qo":"phone_missing","qd":"<script>"}');
    expect(readSavedRules(s)).toEqual({ qo: 'phone_missing' });
  });
});

describe('the rules in force on the Data quality page', () => {
  const saved = { qo: 'phone_missing' };
  const published = { qd: '14' };

  it('takes a published dashboard’s own rules, never the user’s saved ones there', () => {
    expect(rulesInForce({ link: undefined, origin: 'published', published, saved })).toEqual({ starting: published, rules: published, source: 'published' });
    expect(rulesInForce({ link: undefined, origin: 'published', published: null, saved })).toEqual({ starting: null, rules: undefined, source: 'defaults' });
  });

  it('takes the user’s saved rules for their own data and the sample, else the bundle’s, else the defaults', () => {
    expect(rulesInForce({ link: undefined, origin: 'import', published: null, saved })).toMatchObject({ rules: saved, source: 'saved' });
    expect(rulesInForce({ link: undefined, origin: 'sample', published, saved: null })).toMatchObject({ rules: published, source: 'published' });
    // Saved back at the defaults: the defaults, not the bundle's.
    expect(rulesInForce({ link: undefined, origin: 'sample', published, saved: {} })).toMatchObject({ rules: {}, source: 'defaults' });
  });

  it('takes the link’s rules; the starting rules once in the link still count as theirs', () => {
    expect(rulesInForce({ link: { qo: 'phone_missing' }, origin: 'import', published: null, saved })).toMatchObject({ source: 'saved' });
    expect(rulesInForce({ link: { qw: 'email_missing:3' }, origin: 'import', published: null, saved })).toMatchObject({ rules: { qw: 'email_missing:3' }, source: 'link' });
  });

  it('says the defaults out loud where the page would otherwise start from other rules again', () => {
    expect(linkOfChosenRules({}, { qd: '14' })).toEqual({ qd: '30' });
    expect(rulesInForce({ link: { qd: '30' }, origin: 'published', published: { qd: '14' }, saved: null })).toMatchObject({ rules: { qd: '30' }, source: 'link' });
    expect(settingsOfLink({ qd: '30' }).settings).toEqual(DEFAULT_QUALITY_SETTINGS);
    // Starting from the defaults, or with rules of one's own, the link carries only what differs.
    expect(linkOfChosenRules({}, null)).toEqual({});
    expect(linkOfChosenRules({}, {})).toEqual({});
    expect(linkOfChosenRules({ qm: 'timeliness:2' }, { qd: '14' })).toEqual({ qm: 'timeliness:2' });
  });
});
