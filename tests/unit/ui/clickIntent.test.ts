import { describe, expect, it } from 'vitest';
import { createClickIntent } from '../../../src/ui/pages/funnel/clickIntent';

describe('clicks and double clicks on Funnel figures', () => {
  function setUp() {
    let time = 0;
    const log: string[] = [];
    const intent = createClickIntent(() => time);
    const figure = (name: string) => ({ choose: () => log.push(`choose ${name}`), explore: () => log.push(`explore ${name}`) });
    return { intent, log, figure, wait: (ms: number) => (time += ms) };
  }

  it('filters on a click, again on a later click', () => {
    const { intent, log, figure, wait } = setUp();
    const a = figure('A');
    intent.click(1, a.choose, a.explore);
    wait(2000);
    intent.click(1, a.choose, a.explore);
    expect(log).toEqual(['choose A', 'choose A']);
  });

  it('lists the leads of the figure clicked first when the layout moved another under the pointer', () => {
    const { intent, log, figure, wait } = setUp();
    const [a, b] = [figure('A'), figure('B')];
    intent.click(1, a.choose, a.explore);
    wait(150);
    intent.click(2, b.choose, b.explore);
    intent.doubleClick(b.explore);
    expect(log).toEqual(['choose A', 'explore A']);
  });

  it('treats a second click long after the first as a click of its own', () => {
    const { intent, log, figure, wait } = setUp();
    const [a, b] = [figure('A'), figure('B')];
    intent.click(1, a.choose, a.explore);
    wait(1000);
    intent.click(2, b.choose, b.explore);
    intent.doubleClick(b.explore);
    expect(log).toEqual(['choose A', 'choose B', 'explore B']);
  });

  it('lists the figure double-clicked when no click came first (e.g. a double click from assistive technology)', () => {
    const { intent, log, figure } = setUp();
    const a = figure('A');
    intent.doubleClick(a.explore);
    intent.doubleClick(a.explore);
    expect(log).toEqual(['explore A', 'explore A']);
  });
});
