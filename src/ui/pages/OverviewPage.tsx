import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PIPELINE } from '../../domain/pipeline';
import { funnelKpisSql, leadsPerMonthByMediumSql } from '../../sql/overview';
import { Chart } from '../charts/Chart';
import { leadsByMonthOption, type MonthMediumCount } from '../charts/leadsByMonthOption';
import { FilterBar } from '../filters/FilterBar';
import { useViewState } from '../state/ViewStateContext';
import { useQueryOrPrepared } from '../data/usePrepared';
import { formatInteger, formatMonth } from '../i18n/format';
import { useMediumLabel } from '../i18n/useMediumLabel';
import { MediaTable, type MediumFigures } from '../tables/MediaTable';
import { KpiCards } from './KpiCards';
import { funnelFigures } from './overviewModel';
import { NeedsDates } from './NeedsDates';
import { FiltersWhenReady, PreparedFiguresNote } from './PreparedFigures';
import { QueryStatus } from './QueryStatus';

/** The chart's key for leads without a medium (no export value can contain a NUL). */
const NO_MEDIUM = '\u0000none';

export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const mediumLabel = useMediumLabel();
  // The shared filters, and any chart selection made on another page (shown as chips to remove).
  const { filterFor } = useViewState();
  const filter = filterFor(null);
  // Until the engine answers, the default view shows the figures prepared for it (the bundle's or the stored copy's).
  const kpisOrPrepared = useQueryOrPrepared(funnelKpisSql({ pipeline: DEFAULT_PIPELINE, filter }), 'overviewKpis');
  const byMediumOrPrepared = useQueryOrPrepared(funnelKpisSql({ pipeline: DEFAULT_PIPELINE, groupByMedium: true, filter }), 'overviewByMedium');
  const monthsOrPrepared = useQueryOrPrepared(leadsPerMonthByMediumSql(DEFAULT_PIPELINE, filter), 'overviewMonths');
  const kpis = kpisOrPrepared.state;
  const byMedium = byMediumOrPrepared.state;
  const months = monthsOrPrepared.state;
  const prepared = kpisOrPrepared.prepared || byMediumOrPrepared.prepared || monthsOrPrepared.prepared;

  const chartOption = useMemo(() => {
    if (months.status !== 'ready') return null;
    const rows = months.rows.map((r) => ({ month: String(r.month), medium: r.medium === null ? NO_MEDIUM : String(r.medium), leads: Number(r.leads) }) satisfies MonthMediumCount);
    return leadsByMonthOption(rows, {
      month: (m) => formatMonth(lang, m),
      medium: (medium) => mediumLabel(medium === NO_MEDIUM ? null : medium),
      count: (n) => formatInteger(lang, n),
    });
  }, [months, lang, mediumLabel]);

  const mediaRows = useMemo<MediumFigures[]>(() => {
    if (byMedium.status !== 'ready') return [];
    return byMedium.rows.map((row) => {
      const figures = funnelFigures(row, DEFAULT_PIPELINE);
      const medium = row.medium === null || row.medium === undefined ? null : String(row.medium);
      const revenue = figures.mixedCurrencies ? null : figures.revenue;
      return { medium, label: mediumLabel(medium), leads: figures.leads, won: figures.won, rate: figures.leadToWon.value, revenue, currency: figures.currency };
    });
  }, [byMedium, mediumLabel]);

  const figures = kpis.status === 'ready' ? funnelFigures(kpis.rows[0], DEFAULT_PIPELINE) : null;
  const empty = figures !== null && figures.leads === 0;

  return (
    <section aria-labelledby="page-title" className="page" data-figures={prepared ? 'prepared' : kpis.status === 'ready' ? 'live' : 'none'}>
      <header className="page-header">
        <h1 id="page-title">{t('overview.heading')}</h1>
        <p>{t('overview.intro')}</p>
      </header>
      <FiltersWhenReady>
        <FilterBar />
      </FiltersWhenReady>
      <PreparedFiguresNote shown={prepared} />
      <QueryStatus state={kpis} />
      {empty && <p className="empty">{filter.length ? t('funnel.empty') : t('overview.empty')}</p>}
      {figures && !empty && (
        <>
          <KpiCards figures={figures} filter={filter} />
          <div className="panels">
            <section className="panel wide" aria-labelledby="chart-title">
              <h2 id="chart-title">{t('overview.chartTitle')}</h2>
              <NeedsDates>
                <QueryStatus state={months} />
                {chartOption && <Chart option={chartOption} label={t('overview.chartLabel')} />}
              </NeedsDates>
            </section>
            <section className="panel" aria-labelledby="media-title">
              <h2 id="media-title">{t('overview.tableTitle')}</h2>
              <QueryStatus state={byMedium} />
              {mediaRows.length > 0 && (
                <div className="table-scroll">
                  <MediaTable rows={mediaRows} />
                </div>
              )}
            </section>
          </div>
        </>
      )}
    </section>
  );
}
