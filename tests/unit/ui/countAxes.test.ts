import { SVGRenderer } from 'echarts/renderers';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChartOption } from '../../../src/ui/charts/chartStyle';
import { echarts } from '../../../src/ui/charts/echarts';
import { lagOption } from '../../../src/ui/charts/funnel/lagOption';
import { leadsByMonthOption } from '../../../src/ui/charts/leadsByMonthOption';
import { distributionOption } from '../../../src/ui/charts/planning/distributionOption';
import { spiralOption } from '../../../src/ui/charts/quality/spiralOption';

/*
 * Axes of counts drawn by ECharts itself (its server-side SVG renderer), read back as the labels a
 * reader sees. With a few leads, ECharts placed ticks at 0.5 steps, and the count format rounded
 * them into "0, 1, 1, 2, 2".
 */
// The app's own ECharts parts (src/ui/charts/echarts.ts), plus the SVG renderer that draws without a DOM.
echarts.use([SVGRenderer]);

let chart: ReturnType<typeof echarts.init> | null = null;
afterEach(() => {
  chart?.dispose();
  chart = null;
});

/** The texts of the drawn chart, entities decoded. */
function drawnTexts(option: ChartOption): string[] {
  chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 480 });
  chart.setOption(option);
  return [...chart.renderToSVGString().matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))));
}

/** The count axis's labels: the texts the count format marked with "#", as numbers. */
const countLabels = (texts: readonly string[]) => texts.filter((t) => t.startsWith('#')).map((t) => Number(t.slice(1)));
/** What a count format does with a tick between whole numbers: rounds it. */
const count = (n: number) => `#${Math.round(n)}`;

function expectWholeDistinctTicks(labels: readonly number[], top: number) {
  expect(labels.length).toBeGreaterThanOrEqual(2);
  expect(new Set(labels).size, `labels drawn: ${labels.join(', ')}`).toBe(labels.length);
  expect(labels[0]).toBe(0);
  expect(Math.max(...labels)).toBeGreaterThanOrEqual(top);
}

describe('count axes', () => {
  it('the Overview’s leads by month: whole-number ticks for two leads in a month', () => {
    const option = leadsByMonthOption(
      [
        { month: '2026-01', medium: 'Web', leads: 1 },
        { month: '2026-02', medium: 'Web', leads: 2 },
      ],
      { month: (m) => `month ${m}`, medium: (m) => m, count },
    );
    expectWholeDistinctTicks(countLabels(drawnTexts(option)), 2);
  });

  it('the Funnel’s lag distribution: whole-number ticks for one to three leads a bin', () => {
    const option = lagOption(
      [
        { from: 0, to: 6, count: 3 },
        { from: 7, to: 13, count: 1 },
      ],
      { days: (from, to) => `${from}–${to}`, count, axis: 'days' },
    );
    expectWholeDistinctTicks(countLabels(drawnTexts(option)), 3);
  });

  it('the quality spiral’s leads: whole-number ticks for a month of one lead', () => {
    const months = [
      { month: '2026-01', leads: 1, score: 90, dimensions: {}, conversion: 0, flagged: 0 },
      { month: '2026-02', leads: 2, score: 80, dimensions: {}, conversion: 0.5, flagged: 0.5 },
    ];
    const option = spiralOption(months, [], { month: (m) => `month ${m}`, count, percent: (s) => `${s * 100} %`, score: 'score', leads: 'leads', conversion: 'conversion', flagged: 'flagged', dimension: (d) => d });
    expectWholeDistinctTicks(countLabels(drawnTexts(option)), 2);
  });

  it('the plan’s simulated runs: whole-number ticks for bins of one and two runs', () => {
    const bins = [
      { from: 0, to: 100, count: 1 },
      { from: 100, to: 200, count: 2 },
    ];
    const option = distributionOption(bins, null, 3, { money: (v) => `€ ${v}`, axisMoney: (v) => `€ ${v}`, runs: (n) => `${n} runs`, target: 'target', below: 'below', reached: 'reached' });
    // Its run counts are drawn as bare numbers; the money axis's labels start with "€".
    const runs = drawnTexts(option)
      .filter((t) => /^\d+(\.\d+)?$/.test(t))
      .map(Number);
    expect(runs.every(Number.isInteger), `labels drawn: ${runs.join(', ')}`).toBe(true);
    expectWholeDistinctTicks(runs, 2);
  });
});
