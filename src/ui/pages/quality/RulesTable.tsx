import { useTranslation } from 'react-i18next';
import { rulePoints, type QualityRuleId, type QualitySettings } from '../../../domain/quality/rules';
import { formatInteger, formatNumber, formatPercent } from '../../i18n/format';
import type { QualityFigures } from '../../../domain/quality/figures';

/** Every rule that counts, by dimension: how many leads fail it and what it costs each of them. */
export function RulesTable({ figures, settings, onOpen }: { figures: QualityFigures; settings: QualitySettings; onOpen: (rule: QualityRuleId) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div className="table-scroll">
      <table className="data-table quality-rules" aria-label={t('qualityPage.rulesLabel')} data-testid="quality-rules">
        <thead>
          <tr>
            <th scope="col">{t('qualityPage.dimension')}</th>
            <th scope="col">{t('qualityPage.rule')}</th>
            <th scope="col" className="num">{t('qualityPage.leadsFailing')}</th>
            <th scope="col" className="num">{t('qualityPage.share')}</th>
            <th scope="col" className="num">{t('qualityPage.points')}</th>
          </tr>
        </thead>
        <tbody>
          {rulePoints(settings).map(({ rule, points }) => {
            const failing = figures.failing.get(rule.id) ?? 0;
            return (
              <tr key={rule.id} data-rule={rule.id} data-value={failing}>
                <td>{t(`qualityPage.dimensions.${rule.dimension}`)}</td>
                <th scope="row">{t(`qualityPage.rules.${rule.id}`)}</th>
                <td className="num">
                  {failing > 0 ? (
                    <button type="button" className="figure" onClick={() => onOpen(rule.id)} aria-label={t('qualityPage.openRule', { count: formatInteger(lang, failing), rule: t(`qualityPage.rules.${rule.id}`) })}>
                      {formatInteger(lang, failing)}
                    </button>
                  ) : (
                    formatInteger(lang, failing)
                  )}
                </td>
                <td className="num">{formatPercent(lang, figures.leads ? failing / figures.leads : null)}</td>
                <td className="num">{formatNumber(lang, points, 1, 1)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
