import { useTranslation } from 'react-i18next';
import type { TrendSeries } from '../../charts/funnel/trendOption';
import { MonthHeader } from './MonthHeader';
import { useFunnelFormat } from './useFunnelFormat';

interface TrendTableProps {
  readonly months: readonly string[];
  readonly series: readonly (TrendSeries & { readonly value: string | null })[];
  readonly firstImmature: string | null;
  /** The months selected on the trend ('yyyy-mm', first and last), if any. */
  readonly selected: readonly [string, string] | null;
  readonly onChoose: (month: string) => void;
  readonly onExplore: (month: string, value: string | null) => void;
}

/** The trend's lines as rows of months: a month filters the other views, a rate lists its leads. */
export function TrendTable({ months, series, firstImmature, selected, onChoose, onExplore }: TrendTableProps) {
  const { t } = useTranslation();
  const format = useFunnelFormat();
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="trend-table">
        <thead>
          <tr>
            <th>{t('funnel.createdMonth')}</th>
            {series.map((s) => (
              <th key={s.value ?? '\0'} className="num">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((month, i) => {
            const chosen = selected !== null && month >= selected[0] && month <= selected[1];
            const immature = firstImmature !== null && month >= firstImmature;
            return (
              <tr key={month} data-month={month} aria-selected={chosen}>
                <MonthHeader month={month} immature={immature} selected={chosen} onChoose={onChoose} />
                {series.map((s) => (
                  <td key={s.value ?? '\0'} className="num">
                    {s.rates[i] === null ? (
                      <span className="muted" title={s.counts?.[i] ? t('funnel.trendTooFew', { leads: format.count(s.counts[i]) }) : undefined}>
                        –{s.counts?.[i] ? <small className="block">{format.count(s.counts[i])}</small> : null}
                      </span>
                    ) : (
                      <button type="button" className="figure" onClick={() => onExplore(month, s.value)} title={t('funnel.showLeads')}>
                        {format.percent(s.rates[i] ?? null)}
                        {s.counts?.[i] !== undefined && <small className="muted block">{format.count(s.counts[i])}</small>}
                      </button>
                    )}
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
