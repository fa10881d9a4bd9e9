import { useTranslation } from 'react-i18next';
import type { CohortCell, CohortFigures } from './cohortFigures';
import { MonthHeader } from './MonthHeader';
import { useFunnelFormat } from './useFunnelFormat';

/** The cohort heat map's cells as rows of months: a month filters the other views, a share lists its leads. */
export function CohortTable({ months, stages, cells, immature, selectedMonth, onChoose, onExplore }: CohortFigures) {
  const { t } = useTranslation();
  const format = useFunnelFormat();
  const byMonth = new Map<string, CohortCell[]>();
  for (const cell of cells) byMonth.set(cell.month, [...(byMonth.get(cell.month) ?? []), cell]);
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="cohort-table">
        <thead>
          <tr>
            <th>{t('funnel.createdMonth')}</th>
            <th className="num">{t('funnel.leads')}</th>
            {stages.map((stage) => (
              <th key={stage} className="num">
                {stage}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((month) => {
            const row = byMonth.get(month) ?? [];
            return (
              <tr key={month} data-month={month} aria-selected={selectedMonth === month}>
                <MonthHeader month={month} immature={immature.has(month)} marker=" *" selected={selectedMonth === month} onChoose={onChoose} />
                <td className="num">{format.count(row[0]?.leads ?? 0)}</td>
                {row.map((cell) => (
                  <td key={cell.stageIndex} className="num">
                    <button type="button" className="figure" onClick={() => onExplore(cell)} title={t('funnel.showLeads')}>
                      {format.percent(cell.share)}
                    </button>
                    <small className="block">{format.count(cell.count)}</small>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
