import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { scoreAxisMin, spiralOption, type SpiralMonth } from '../../../src/ui/charts/quality/spiralOption';
import { fixListRecords, FIX_LIST_FIELDS } from '../../../src/ui/pages/quality/fixList';
import { DEFAULT_QUALITY_SETTINGS } from '../../../src/domain/quality/rules';
import { toSafeCsv } from '../../../src/ingest/safeCsv';

const month = (m: string, score: number | null, leads: number): SpiralMonth => ({ month: m, leads, score, dimensions: { completeness: score }, conversion: leads ? 0.2 : null, flagged: leads ? 0.25 : null });
const labels = {
  month: (m: string) => m,
  count: (n: number) => String(n),
  percent: (p: number) => `${Math.round(p * 100)} %`,
  score: 'Score',
  leads: 'Leads',
  conversion: 'Lead → SQL',
  flagged: 'With a problem',
  dimension: (d: string) => `<b>${d}</b>`,
};

describe('the quality spiral', () => {
  it('lists every month of the span, an empty one as 0 leads and no score', () => {
    const option = spiralOption([month('2025-01', 98, 10), month('2025-03', 95, 12)], ['completeness'], labels) as { xAxis: { data: string[] }[]; series: { name: string; data: (number | null)[] }[] };
    expect(option.xAxis[1]!.data).toEqual(['2025-01', '2025-02', '2025-03']);
    const byName = new Map(option.series.map((s) => [s.name, s.data]));
    expect(byName.get('Leads')).toEqual([10, 0, 12]);
    expect(byName.get('Score')).toEqual([98, null, 95]);
    expect(byName.get('Lead → SQL')).toEqual([20, null, 20]);
  });

  it('zooms the score axis to where the scores are, in steps of 5', () => {
    expect(scoreAxisMin([98.2, 96.1, null])).toBe(95);
    expect(scoreAxisMin([95])).toBe(90);
    expect(scoreAxisMin([3])).toBe(0);
    expect(scoreAxisMin([])).toBe(0);
  });

  it('escapes every text of its tooltip', () => {
    const option = spiralOption([month('2025-01', 98, 10)], ['completeness'], labels) as { tooltip: { formatter: (p: unknown) => string } };
    const html = option.tooltip.formatter([{ axisValue: '2025-01', seriesName: '<b>completeness</b>', value: 98, marker: '' }]);
    expect(html).toContain('&lt;b&gt;completeness&lt;/b&gt;');
    expect(html).not.toContain('<b>completeness');
  });
});

describe('fix lists', () => {
  it('give each lead its reasons in the rules’ order, and stay formula-safe as CSV', () => {
    const rows = [{ lead_id: 'L1', owner: '=cmd()', _source: 'a.csv', _line: 2, score: 71.4285, email_missing: true, company_missing: false, never_contacted: true, duplicate: false }];
    const records = fixListRecords(rows, DEFAULT_QUALITY_SETTINGS, (rule) => rule.toUpperCase());
    expect(records[0]).toMatchObject({ lead_id: 'L1', score: 71.4, reasons: 'EMAIL_MISSING; NEVER_CONTACTED', company: null });
    const csv = toSafeCsv(records, FIX_LIST_FIELDS, { germanExcel: true });
    const [parsed] = Papa.parse<Record<string, string>>(csv, { header: true, delimiter: ';' }).data;
    expect(parsed).toMatchObject({ owner: "'=cmd()", score: '71,4' });
  });
});
