import { describe, expect, it } from 'vitest';
import { pageFromHash, unknownPageOf } from '../../../src/ui/shell/pages';

describe('the page a link names', () => {
  it('reads the page before the link state, falling back to the overview', () => {
    expect(pageFromHash('#/funnel?m=web')).toBe('funnel');
    expect(pageFromHash('')).toBe('overview');
    expect(pageFromHash('#/nonsense')).toBe('overview');
  });

  it('names an unknown page (decoded) for the notice, and nothing for a known page or none', () => {
    expect(unknownPageOf('#/nonsense?m=web')).toBe('nonsense');
    expect(unknownPageOf('#/%3Cb%3Ex')).toBe('<b>x');
    expect(unknownPageOf('#/%E0%A4%A')).toBe('%E0%A4%A');
    expect(unknownPageOf('#/import')).toBeNull();
    expect(unknownPageOf('')).toBeNull();
    expect(unknownPageOf('#/')).toBeNull();
  });
});
