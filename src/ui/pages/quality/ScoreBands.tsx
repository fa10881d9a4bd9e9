import { useTranslation } from 'react-i18next';
import { SCORE_BANDS, type QualityFigures } from '../../../domain/quality/figures';
import { formatInteger, formatPercent } from '../../i18n/format';

/** How the scores spread over the bands: a table whose shares are drawn as bars, readable without them. */
export function ScoreBands({ figures }: { readonly figures: QualityFigures }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div className="panel score-bands-panel">
    <table className="data-table score-bands" aria-label={t('qualityPage.bandsLabel')} data-testid="quality-bands">
      <caption>{t('qualityPage.bandsTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('qualityPage.score')}</th>
          <th scope="col" className="num">{t('qualityPage.leads')}</th>
          <th scope="col" className="num">{t('qualityPage.share')}</th>
          <th scope="col" aria-hidden="true" />
        </tr>
      </thead>
      <tbody>
        {SCORE_BANDS.map((band) => {
          const leads = figures.bands[band.id];
          const share = figures.leads ? leads / figures.leads : 0;
          return (
            <tr key={band.id} data-band={band.id} data-value={leads}>
              <th scope="row">{t(`qualityPage.bands.${band.id}`)}</th>
              <td className="num">{formatInteger(lang, leads)}</td>
              <td className="num">{formatPercent(lang, share)}</td>
              <td aria-hidden="true" className="band-bar-cell">
                <span className={`band-bar band-${band.id}`} style={{ width: `${(100 * share).toFixed(1)}%` }} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </div>
  );
}
