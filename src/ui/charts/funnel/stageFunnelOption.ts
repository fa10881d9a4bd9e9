import { type ChartOption, EVERY_LABEL, insetGrid, STILL } from '../echarts';
import { escapeHtml } from '../escapeHtml';

export interface StageBar {
  readonly stage: string;
  readonly label: string;
  readonly count: number;
  /** Share of all leads that reached the stage (null without leads). */
  readonly cumulative: number | null;
}

export interface StageFunnelLabels {
  readonly count: (n: number) => string;
  readonly percent: (p: number | null) => string;
  readonly hint: string;
}

/** Horizontal bars from the first stage down to won; the selected stage stands out. Pure. */
export function stageFunnelOption(bars: readonly StageBar[], selected: string | null, labels: StageFunnelLabels): ChartOption {
  return {
    ...STILL,
    grid: insetGrid({ left: 110, right: 130, top: 8, bottom: 8 }),
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const bar = bars[(p as { dataIndex: number }).dataIndex];
        if (!bar) return '';
        return `<strong>${escapeHtml(bar.label)}</strong><br/>${escapeHtml(labels.count(bar.count))} · ${escapeHtml(labels.percent(bar.cumulative))}<br/><small>${escapeHtml(labels.hint)}</small>`;
      },
    },
    xAxis: { type: 'value', show: false, max: Math.max(1, ...bars.map((b) => b.count)) },
    yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.label), axisTick: { show: false }, axisLabel: EVERY_LABEL },
    series: [
      {
        type: 'bar',
        barWidth: '62%',
        data: bars.map((bar) => ({
          value: bar.count,
          itemStyle: { color: selected === null || selected === bar.stage ? '#1f6feb' : '#a9c4f5' },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { dataIndex: number }) => {
            const bar = bars[p.dataIndex];
            return bar ? `${labels.count(bar.count)} · ${labels.percent(bar.cumulative)}` : '';
          },
        },
      },
    ],
  };
}
