import { describe, expect, it } from 'vitest';
import type { Forecast, MonthForecast } from '../../../../src/domain/planning/forecast';
import { forecastChartOption, unitStatus } from '../../../../src/ui/pages/planning/forecast/forecastModel';

const month = (m: string, actual: number | null, pipeline: number, remainingPlan: number, plan: number, target: number | null): MonthForecast => ({
  month: m,
  actual,
  pipeline,
  remainingPlan,
  plan,
  target,
  forecast: (actual ?? 0) + pipeline + remainingPlan,
});

const forecast = (months: MonthForecast[]): Forecast =>
  ({ asOf: '2026-02-10', asOfMonth: '2026-02', monthsDone: 2, units: [], media: [], total: {} as Forecast['total'], months, unmatched: { leads: 0, value: 0 } }) as Forecast;

const labels = {
  month: (m: string) => `M<${m}>`,
  money: (v: number) => `${v} €`,
  series: { actual: 'Ist', pipeline: 'Pipe<script>', remainingPlan: 'Rest', plan: 'Plan', target: 'Ziel' },
};

type Series = { name: string; type: string; stack?: string; data: (number | null)[] };

describe('forecastChartOption', () => {
  const f = forecast([month('2026-01', 100, 0, 0, 90, 120), month('2026-02', 50, 30, 0, 95, 120), month('2026-03', null, 20, 70, 100, 120)]);
  const option = forecastChartOption(f, labels) as { series: Series[]; xAxis: { data: string[] }; tooltip: { formatter: (p: unknown) => string } };

  it('stacks actual, pipeline and the plan of the months left, with plan and target as lines', () => {
    expect(option.xAxis.data).toEqual(['2026-01', '2026-02', '2026-03']);
    const byName = Object.fromEntries(option.series.map((s) => [s.name, s]));
    expect(byName.Ist!.data).toEqual([100, 50, null]);
    expect(byName['Pipe<script>']!.data).toEqual([null, 30, 20]);
    expect(byName.Rest!.data).toEqual([null, null, 70]);
    expect(['Ist', 'Pipe<script>', 'Rest'].every((n) => byName[n]!.stack === 'forecast' && byName[n]!.type === 'bar')).toBe(true);
    expect(byName.Plan).toMatchObject({ type: 'line', data: [90, 95, 100] });
    expect(byName.Ziel).toMatchObject({ type: 'line', data: [120, 120, 120] });
  });

  it('leaves the target line out without targets', () => {
    const none = forecastChartOption(forecast([month('2026-01', 1, 0, 0, 1, null)]), labels) as { series: Series[] };
    expect(none.series.map((s) => s.name)).toEqual(['Ist', 'Pipe<script>', 'Rest', 'Plan']);
  });

  it('escapes every string in the tooltip and skips empty values', () => {
    const html = option.tooltip.formatter([
      { axisValue: '2026-03', seriesName: 'Pipe<script>', value: 20, marker: '●' },
      { axisValue: '2026-03', seriesName: 'Ist', value: null, marker: '●' },
    ]);
    expect(html).toBe('<strong>M&lt;2026-03&gt;</strong><br/>●Pipe&lt;script&gt;: 20 €');
  });
});

describe('unitStatus', () => {
  it('flags a unit that will miss, and none without a target', () => {
    expect(unitStatus({ willMiss: true })).toBe('miss');
    expect(unitStatus({ willMiss: false })).toBe('ok');
    expect(unitStatus({ willMiss: null })).toBe('none');
  });
});
