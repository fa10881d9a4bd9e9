import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PIPELINE } from '../../../domain/pipeline';
import { DEFAULT_QUALITY_SETTINGS } from '../../../domain/quality/rules';
import { localDay } from '../../../domain/today';
import { qualityFiguresSql } from '../../../sql/qualityFigures';
import { useQuery } from '../../data/useQuery';
import { formatInteger, formatNumber, formatPercent } from '../../i18n/format';
import { addPageTexts } from '../../i18n/pageTexts';
import { qualityDe } from '../../i18n/quality.de';
import { qualityEn } from '../../i18n/quality.en';
import { qualityFigures, topProblems } from '../../../domain/quality/figures';
import { AbsentColumnsNote } from './AbsentColumnsNote';
import { useQualityBuild } from './useQualityBuild';

addPageTexts(qualityEn, qualityDe);

/**
 * Under the import reports: the loaded leads' quality, so that "0 rejected" is never the whole story.
 * The scoring is the Data quality page's own (kept per data version: the page then opens at once).
 */
export function ImportQualitySummary() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [asOf] = useState(() => localDay());
  const scoring = useQualityBuild(useMemo(() => ({ pipeline: DEFAULT_PIPELINE, settings: DEFAULT_QUALITY_SETTINGS, asOf }), [asOf]));
  const scores = scoring.status === 'ready' ? scoring.build.tables.scores : null;
  const settings = scoring.status === 'ready' ? scoring.build.settings : DEFAULT_QUALITY_SETTINGS;
  const total = useQuery(useMemo(() => (scores === null ? null : qualityFiguresSql({ pipeline: DEFAULT_PIPELINE, settings, asOf, filter: [], scores }, 'total')), [scores, settings, asOf]));
  const figures = total.status === 'ready' && total.rows[0] ? qualityFigures(total.rows[0], settings) : null;
  return (
    <article className="panel report" aria-labelledby="import-quality-title" data-testid="import-quality" data-score={figures?.score ?? ''}>
      <h3 id="import-quality-title">{t('qualityPage.importTitle')}</h3>
      {scoring.status === 'error' ? (
        <p className="error" role="alert">{t('error.query', { message: scoring.error })}</p>
      ) : !figures || scoring.status !== 'ready' ? (
        <p className="muted" role="status" aria-busy="true">{t('qualityPage.scoring')}</p>
      ) : figures.leads === 0 ? (
        <p className="muted">{t('qualityPage.importEmpty')}</p>
      ) : (
        <>
          <p>
            {t('qualityPage.importSummary', {
              score: figures.score === null ? '–' : formatNumber(lang, figures.score, 1, 1),
              flagged: formatInteger(lang, figures.flagged),
              share: formatPercent(lang, figures.leads ? figures.flagged / figures.leads : null),
              clusters: formatInteger(lang, scoring.build.clusterCount),
            })}
          </p>
          {figures.flagged > 0 && <p>{t('qualityPage.importProblems')}</p>}
          {figures.flagged > 0 && (
            <ul data-testid="import-quality-problems">
              {topProblems(figures, 3).map((p) => (
                <li key={p.rule} data-rule={p.rule} data-value={p.leads}>
                  {t(`qualityPage.rules.${p.rule}`)}: {formatInteger(lang, p.leads)}
                </li>
              ))}
            </ul>
          )}
          <AbsentColumnsNote columns={scoring.build.absentColumns} className="muted" />
          <p>
            <a href="#/quality">{t('qualityPage.importOpen')}</a>
          </p>
        </>
      )}
    </article>
  );
}
