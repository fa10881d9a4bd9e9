import { useMemo } from 'react';
import { setMediaSettings } from '../../../state/viewState';
import { useViewState } from '../../state/ViewStateContext';
import { useTranslation } from 'react-i18next';
import type { MediaFigures } from '../../../domain/media';
import type { MediaGrouping } from '../../../sql/media';
import { Chart, type ChartElement } from '../../charts/Chart';
import { bubbleOption, type Bubble } from '../../charts/media/bubbleOption';
import { shareOption } from '../../charts/media/shareOption';
import { useFilterLabels } from '../../filters/useFilterLabels';
import { formatMoney, formatPercent } from '../../i18n/format';
import type { CampaignFigures } from './CampaignsTable';

interface MediaChartsProps {
  readonly rows: readonly MediaFigures[];
  readonly campaigns: readonly CampaignFigures[] | null;
  readonly grouping: MediaGrouping;
  /** The selected values of the page's selection (of `selectedDimension`). */
  readonly selected: readonly (string | null)[];
  readonly selectedDimension: string | null;
  readonly currency: string | null;
  /** A click on a bubble or bar: select that medium, source or campaign (again: clear). */
  readonly onSelect: (dimension: MediaGrouping | 'campaign_id', value: string | null) => void;
}

type BubbleLevel = 'rows' | 'campaigns';

/** The page's charts: cost per lead against lead → won (per medium or campaign), and shares of leads and revenue. */
export function MediaCharts({ rows, campaigns, grouping, selected, selectedDimension, currency, onSelect }: MediaChartsProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { valueLabel } = useFilterLabels();
  // Per campaign or per row travels in the link (mb=cmp) with the page's other settings.
  const { view, update } = useViewState();
  const level: BubbleLevel = view.bubblesPerCampaign ? 'campaigns' : 'rows';
  const setLevel = (next: BubbleLevel) => update((v) => setMediaSettings(v, { bubblesPerCampaign: next === 'campaigns' }));
  const dimension = level === 'campaigns' ? 'campaign_id' : grouping;
  const wonStep = (rows[0]?.reached.length ?? 1) - 1;

  const bubbles = useMemo<Bubble[]>(
    () =>
      (level === 'campaigns' ? (campaigns ?? []) : rows).flatMap((r) => {
        const wonRate = r.reached[wonStep]?.value ?? null;
        if (r.costPerLead === null || wonRate === null || r.leads === 0) return [];
        const label = level === 'campaigns' ? ((r as CampaignFigures).name ?? r.value ?? '') : valueLabel(grouping, r.value);
        return [{ key: r.value, label, costPerLead: r.costPerLead, wonRate, revenue: r.revenue ?? 0, selected: selectedDimension === dimension && selected.includes(r.value) }];
      }),
    [rows, campaigns, wonStep, level, valueLabel, grouping, selectedDimension, dimension, selected],
  );
  const bubbleChart = useMemo(
    () => bubbleOption(bubbles, { money: (n) => formatMoney(lang, n, currency), percent: (n) => formatPercent(lang, n, 1), x: t('mediaPage.charts.x'), y: t('mediaPage.charts.y'), revenue: t('mediaPage.charts.revenue') }),
    [bubbles, lang, currency, t],
  );

  const shares = useMemo(() => {
    const leads = rows.reduce((s, r) => s + r.leads, 0);
    const revenue = rows.reduce((s, r) => s + (r.revenue ?? 0), 0);
    return rows.map((r) => ({ key: r.value, label: valueLabel(grouping, r.value), leads: leads > 0 ? r.leads / leads : 0, revenue: revenue > 0 ? (r.revenue ?? 0) / revenue : 0 }));
  }, [rows, valueLabel, grouping]);
  const shareChart = useMemo(
    () => shareOption(shares, { percent: (n) => formatPercent(lang, n, 0), leads: t('mediaPage.charts.leads'), revenue: t('mediaPage.charts.revenueShare') }),
    [shares, lang, t],
  );

  return (
    <div className="panels">
      <section className="panel" aria-labelledby="media-bubble-title" data-testid="media-bubble">
        <div className="panel-head">
          <h2 id="media-bubble-title">{t('mediaPage.charts.bubbleTitle')}</h2>
          <label>
            <span className="visually-hidden">{t('mediaPage.charts.bubbleTitle')}</span>
            <select value={level} onChange={(event) => setLevel(event.target.value === 'campaigns' ? 'campaigns' : 'rows')} data-testid="media-bubble-level">
              <option value="rows">{grouping === 'medium' ? t('mediaPage.charts.perMedium') : t('mediaPage.value.source')}</option>
              <option value="campaigns">{t('mediaPage.charts.perCampaign')}</option>
            </select>
          </label>
        </div>
        {bubbles.length === 0 ? (
          <p className="empty">{t('mediaPage.charts.noBubbles')}</p>
        ) : (
          <Chart option={bubbleChart} label={t('mediaPage.charts.bubbleLabel')} height={340} testId="media-bubble-chart" onClick={(e: ChartElement) => onSelect(dimension, bubbles[e.dataIndex]?.key ?? null)} />
        )}
        <p className="muted small">{t('mediaPage.charts.bubbleNote')}</p>
      </section>
      <section className="panel" aria-labelledby="media-share-title" data-testid="media-share">
        <h2 id="media-share-title">{t('mediaPage.charts.shareTitle')}</h2>
        <Chart option={shareChart} label={t('mediaPage.charts.shareLabel')} height={Math.max(200, 60 + shares.length * 34)} testId="media-share-chart" onClick={(e: ChartElement) => onSelect(grouping, shares[e.dataIndex]?.key ?? null)} />
        <p className="muted small">{t('mediaPage.charts.shareNote')}</p>
      </section>
    </div>
  );
}
