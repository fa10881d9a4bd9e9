import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadFilter } from '../../../domain/leadFilter';
import { everyMonth } from '../../../domain/months';
import { monthlyRowsFromCube, type MediaCube } from '../../../domain/mediaCube';
import { DEFAULT_PIPELINE } from '../../../domain/pipeline';
import type { CostAllocation } from '../../../domain/media';
import { mediaMonthlySql } from '../../../sql/media';
import { Chart } from '../../charts/Chart';
import { monthlyOption, type MonthFigures } from '../../charts/media/monthlyOption';
import { useCellsOrQuery } from '../../data/useCubeOrQuery';
import { formatInteger, formatMoney, formatMonth } from '../../i18n/format';
import { NeedsDates } from '../NeedsDates';
import { QueryStatus } from '../QueryStatus';

/**
 * The months' rows, asked for by the page before any panel renders (so a filter change computes
 * every answer first): from the cells when they cover the filter, else SQL.
 */
export function useMonthlyRows(cube: MediaCube | null, filter: LeadFilter, costs: boolean, allocation: CostAllocation) {
  return useCellsOrQuery(
    cube,
    JSON.stringify([filter, costs, allocation]),
    (cells) => monthlyRowsFromCube(cells, { filter, allocation, campaigns: costs }),
    () => mediaMonthlySql({ pipeline: DEFAULT_PIPELINE, filter, campaigns: costs, allocation }),
  );
}

interface MonthlyPanelProps {
  readonly months: ReturnType<typeof useMonthlyRows>;
  readonly currency: string | null;
  readonly what: string | null;
}

/** Revenue and cost of each created month's leads, under the page's filters and selection (a selected medium: that medium's). */
export function MonthlyPanel({ months, currency, what }: MonthlyPanelProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const state = months.shown;
  const { option, totals } = useMemo(() => {
    if (state.status !== 'ready') return { option: null, totals: null };
    const byMonth = new Map(state.rows.map((r) => [String(r.month), r]));
    const months = everyMonth(byMonth.keys()).map((month): MonthFigures => {
      const r = byMonth.get(month);
      const number = (v: unknown) => (v === null || v === undefined ? null : Number(v));
      return { month, leads: Number(r?.leads ?? 0), revenue: r ? number(r.revenue) : null, cost: r ? number(r.cost) : null };
    });
    const totals = { revenue: months.reduce((s, m) => s + (m.revenue ?? 0), 0), cost: months.reduce((s, m) => s + (m.cost ?? 0), 0), leads: months.reduce((s, m) => s + m.leads, 0) };
    const option = months.length
      ? monthlyOption(months, {
          month: (m) => formatMonth(lang, m),
          money: (n) => formatMoney(lang, n, currency, true),
          count: (n) => formatInteger(lang, n),
          revenue: t('mediaPage.monthly.revenue'),
          cost: t('mediaPage.monthly.cost'),
          leads: t('mediaPage.monthly.leads'),
        })
      : null;
    return { option, totals };
  }, [state, lang, currency, t]);
  return (
    <section
      className="panel wide"
      aria-labelledby="media-monthly-title"
      data-testid="media-monthly"
      data-view="monthly"
      data-ready={months.state.status === 'ready'}
      data-leads={totals?.leads ?? ''}
      data-revenue={totals?.revenue ?? ''}
      data-cost={totals?.cost ?? ''}
    >
      <h2 id="media-monthly-title">{t('mediaPage.monthly.title')}</h2>
      <p className="muted small">{t('mediaPage.monthly.of', { what: what ?? t('mediaPage.monthly.all') })}</p>
      <NeedsDates>
        <QueryStatus state={state} />
        {option && <Chart option={option} label={t('mediaPage.monthly.label')} height={300} testId="media-monthly-chart" />}
      </NeedsDates>
    </section>
  );
}
