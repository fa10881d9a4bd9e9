import { describe, expect, it } from 'vitest';
import { de } from '../../../src/ui/i18n/de';
import { en } from '../../../src/ui/i18n/en';
import { PAGES } from '../../../src/ui/shell/pages';

const keys = (object: object, prefix = ''): string[] =>
  Object.entries(object).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('translations', () => {
  it('have the same keys in German and English', () => {
    expect(keys(de).sort()).toEqual(keys(en).sort());
  });
  it('name every page', () => {
    for (const page of PAGES) {
      expect(en.nav[page], page).toBeTruthy();
      expect(de.nav[page], page).toBeTruthy();
    }
  });
});
