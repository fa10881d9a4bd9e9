import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { velocityFromHistograms, type LagHistogramRow } from '../../../domain/funnel';
import { Chart } from '../../charts/Chart';
import { lagOption, type LagBin } from '../../charts/funnel/lagOption';
import { useFilterLabels } from '../../filters/useFilterLabels';
import { QueryStatus } from '../QueryStatus';
import type { FunnelViewProps } from './funnelContext';
import { useFunnelFormat } from './useFunnelFormat';
import { NeedsDates } from '../NeedsDates';

/** Whole days per bar of the lag chart: a week reads well from days to a year. */
const BIN_DAYS = 7;

/** Median and p80 days from creation to each stage and between stages; the lead → won lag distribution. */
export function VelocityView({ pipeline, rows: { state, shown: spans } }: Pick<FunnelViewProps, 'pipeline' | 'rows'>) {
  const { t } = useTranslation();
  const { stageLabel } = useFilterLabels();
  const format = useFunnelFormat();

  const histograms = spans.status === 'ready' ? (spans.rows as unknown as LagHistogramRow[]) : null;
  const velocity = useMemo(() => (histograms ? velocityFromHistograms(histograms) : null), [histograms]);
  // The lead → won distribution is the histogram of the span from creation to the last stage.
  const won = pipeline.stages.length - 1;
  const bins = useMemo<LagBin[] | null>(() => {
    if (!histograms) return null;
    const days = histograms.filter((h) => h.span_from === 0 && h.span_to === won && h.leads > 0);
    if (days.length === 0) return [];
    const byBin = new Map<number, number>();
    // Negative lags (a close date before creation) are kept in the first bar rather than dropped.
    for (const { days: d, leads } of days) {
      const bin = Math.max(0, Math.floor(d / BIN_DAYS));
      byBin.set(bin, (byBin.get(bin) ?? 0) + leads);
    }
    const lastBin = Math.max(...byBin.keys());
    return Array.from({ length: lastBin + 1 }, (_, b) => ({ from: b * BIN_DAYS, to: b * BIN_DAYS + BIN_DAYS - 1, count: byBin.get(b) ?? 0 }));
  }, [histograms, won]);
  const option = useMemo(
    () => bins && bins.length > 0 && lagOption(bins, { days: (from, to) => t('funnel.daysRange', { from, to }), count: format.count, axis: t('funnel.daysAxis') }),
    [bins, format, t],
  );
  const spanName = (from: number, to: number) => `${from === 0 ? t('funnel.created') : stageLabel(pipeline.stages[from] ?? '')} → ${stageLabel(pipeline.stages[to] ?? '')}`;
  const ordered = velocity ? [...velocity].sort((a, b) => (a.from === 0 ? 0 : 1) - (b.from === 0 ? 0 : 1) || a.from - b.from || a.to - b.to) : null;

  return (
    <section className="panel wide" aria-labelledby="velocity-title" data-view="velocity" data-ready={state.status === 'ready'} aria-busy={state.status === 'loading'}>
      <h2 id="velocity-title">{t('funnel.view.velocity')}</h2>
      <NeedsDates>
        <QueryStatus state={spans} />
        <div className="view-layout">
          {ordered && (
            <div className="table-scroll">
              <table className="data-table" data-testid="velocity-table">
                <thead>
                  <tr>
                    <th>{t('funnel.span')}</th>
                    <th className="num">{t('funnel.leads')}</th>
                    <th className="num">{t('funnel.medianDays')}</th>
                    <th className="num">{t('funnel.p80Days')}</th>
                  </tr>
                </thead>
                <tbody>
                  {ordered.length === 0 && (
                    <tr>
                      <td colSpan={4} className="muted">
                        {t('funnel.noVelocity')}
                      </td>
                    </tr>
                  )}
                  {ordered.map((v) => (
                    <tr key={`${v.from}-${v.to}`} data-span={`${v.from}-${v.to}`}>
                      <th scope="row">{spanName(v.from, v.to)}</th>
                      <td className="num">{format.count(v.n)}</td>
                      <td className="num">{format.days(v.median)}</td>
                      <td className="num">{format.days(v.p80)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div>
            <h3>{t('funnel.lagTitle')}</h3>
            {bins?.length === 0 && <p className="empty">{t('funnel.noWon')}</p>}
            {option && <Chart option={option} label={t('funnel.lagLabel')} height={240} testId="chart-lag" />}
          </div>
        </div>
      </NeedsDates>
    </section>
  );
}
