import { useTranslation } from 'react-i18next';
import { everyMonth } from '../../../domain/months';
import type { SpiralMonth } from '../../charts/quality/spiralOption';
import { formatInteger, formatMonth, formatNumber, formatPercent } from '../../i18n/format';

/** The spiral's figures per month (every month of the span), for reading exact values and for screen readers. */
export function SpiralTable({ rows, conversionLabel }: { rows: readonly SpiralMonth[]; conversionLabel: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return (
    <div className="table-scroll capped" tabIndex={0} role="region" aria-label={t('qualityPage.spiralLabel')}>
      <table className="data-table" data-testid="quality-months">
        <thead>
          <tr>
            <th scope="col">{t('qualityPage.groupings.month')}</th>
            <th scope="col" className="num">{t('qualityPage.leads')}</th>
            <th scope="col" className="num">{t('qualityPage.score')}</th>
            <th scope="col" className="num">{t('qualityPage.flaggedShare')}</th>
            <th scope="col" className="num">{conversionLabel}</th>
          </tr>
        </thead>
        <tbody>
          {everyMonth(rows.map((r) => r.month)).map((month) => {
            const row = byMonth.get(month);
            return (
              <tr key={month} data-month={month} data-leads={row?.leads ?? 0} data-score={row?.score ?? ''} data-flagged={row?.flagged ?? ''}>
                <th scope="row">{formatMonth(lang, month)}</th>
                <td className="num">{formatInteger(lang, row?.leads ?? 0)}</td>
                <td className="num">{row?.score == null ? '–' : formatNumber(lang, row.score, 1, 1)}</td>
                <td className="num">{formatPercent(lang, row?.flagged ?? null)}</td>
                <td className="num">{formatPercent(lang, row?.conversion ?? null)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
