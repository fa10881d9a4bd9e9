import { useTranslation } from 'react-i18next';
import type { LeadFilter } from '../../../domain/leadFilter';
import { attributionRowsFromCube, type MediaCube } from '../../../domain/mediaCube';
import { DEFAULT_PIPELINE } from '../../../domain/pipeline';
import { ATTRIBUTION_MODELS, attributionSql } from '../../../sql/attribution';
import { setMediaSettings } from '../../../state/viewState';
import { useCellsOrQuery } from '../../data/useCubeOrQuery';
import { useViewState } from '../../state/ViewStateContext';
import { useFilterLabels } from '../../filters/useFilterLabels';
import { formatInteger, formatMoney } from '../../i18n/format';
import { QueryStatus } from '../QueryStatus';

/** The credited revenue per medium or campaign (view setting `attributionPerCampaign`), asked for by the page before any panel renders. */
export function useCredits(cube: MediaCube | null, filter: LeadFilter, by: 'medium' | 'campaign_id', touches: boolean, campaigns: boolean) {
  return useCellsOrQuery(
    cube,
    JSON.stringify([filter, by, touches, campaigns]),
    (cells) => attributionRowsFromCube(cells, filter, by),
    () => attributionSql({ pipeline: DEFAULT_PIPELINE, filter, by, touches, campaigns }),
  );
}

interface AttributionPanelProps {
  readonly credits: ReturnType<typeof useCredits>;
  readonly by: 'medium' | 'campaign_id';
  readonly touches: boolean;
  readonly currency: string | null;
}

/** Won revenue credited by first touch, last touch, linear, U- and W-shaped, side by side per medium or campaign. */
export function AttributionPanel({ credits, by, touches, currency }: AttributionPanelProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { valueLabel } = useFilterLabels();
  const { update } = useViewState();
  const setBy = (next: 'medium' | 'campaign_id') => update((v) => setMediaSettings(v, { attributionPerCampaign: next === 'campaign_id' }));
  const state = credits.shown;
  const rows = state.status === 'ready' ? state.rows : null;
  return (
    <section className="panel wide" aria-labelledby="media-attribution-title" data-testid="media-attribution" data-touches={touches} data-view="attribution" data-ready={credits.state.status === 'ready'}>
      <div className="panel-head">
        <h2 id="media-attribution-title">{t('mediaPage.attribution.title')}</h2>
        <label>
          <span className="visually-hidden">{t('mediaPage.attribution.title')}</span>
          <select value={by} onChange={(event) => setBy(event.target.value === 'campaign_id' ? 'campaign_id' : 'medium')} data-testid="media-attribution-by">
            <option value="medium">{t('mediaPage.attribution.perMedium')}</option>
            <option value="campaign_id">{t('mediaPage.attribution.perCampaign')}</option>
          </select>
        </label>
      </div>
      <p className={touches ? 'muted small' : 'notice-inline short'} data-testid="media-attribution-basis">
        {touches ? t('mediaPage.attribution.intro') : t('mediaPage.attribution.withoutTouches')}
      </p>
      <QueryStatus state={state} />
      {rows?.length === 0 && <p className="empty">{t('mediaPage.attribution.empty')}</p>}
      {rows && rows.length > 0 && (
        <div className="table-scroll tall-scroll" role="region" aria-label={t('mediaPage.attribution.label')} tabIndex={0}>
          <table className="data-table" data-testid="media-attribution-table">
            <thead>
              <tr>
                <th scope="col">{by === 'medium' ? t('mediaPage.value.medium') : t('mediaPage.campaigns.campaign')}</th>
                <th scope="col" className="num">
                  {t('mediaPage.attribution.touches')}
                </th>
                {ATTRIBUTION_MODELS.map((model) => (
                  <th scope="col" className="num" key={model}>
                    {t(`mediaPage.attribution.models.${model}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const key = row.key === null || row.key === undefined ? null : String(row.key);
                return (
                  <tr key={key ?? ''} data-key={key ?? ''} {...Object.fromEntries(ATTRIBUTION_MODELS.map((m) => [`data-${m.replace('_', '-')}`, Number(row[m])]))}>
                    <th scope="row">{by === 'medium' ? valueLabel('medium', key) : key === null ? t('mediaPage.campaigns.none') : valueLabel('campaign_id', key)}</th>
                    <td className="num">{formatInteger(lang, Number(row.touches))}</td>
                    {ATTRIBUTION_MODELS.map((model) => (
                      <td className="num" key={model}>
                        {formatMoney(lang, Number(row[model]), currency)}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small">{t('mediaPage.attribution.note')}</p>
    </section>
  );
}
