import { useTranslation } from 'react-i18next';
import type { LeadCondition } from '../../../domain/leadFilter';
import type { RankedMediaFigures } from '../../../domain/media';
import type { Pipeline } from '../../../domain/pipeline';
import type { MediaGrouping } from '../../../sql/media';
import { useFilterLabels } from '../../filters/useFilterLabels';
import { formatInteger, formatMoney, formatNumber, formatPercent } from '../../i18n/format';

interface MediaFiguresTableProps {
  readonly rows: readonly RankedMediaFigures[];
  readonly grouping: MediaGrouping;
  readonly pipeline: Pipeline;
  /** The currency of the costs (campaign costs carry none of their own: the data's). */
  readonly currency: string | null;
  readonly costs: boolean;
  /** Lists the leads behind a figure: the row's value and, for a rate, the stage reached. */
  readonly onOpen: (title: string, conditions: readonly LeadCondition[]) => void;
  /** The values selected on the page (marked). */
  readonly selected: readonly (string | null)[];
  /** Selects a row's value for the page's other panels (again: clears it). */
  readonly onSelect: (value: string | null) => void;
}

/** One row per medium or raw source: funnel rates with intervals, revenue, cost, return and rank against the best. */
export function MediaFiguresTable({ rows, grouping, pipeline, currency, costs, onOpen, selected, onSelect }: MediaFiguresTableProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { valueLabel, stageLabel } = useFilterLabels();
  const percent = (p: number | null) => formatPercent(lang, p, 1);
  const money = (value: number | null, cur: string | null) => (value === null ? '–' : formatMoney(lang, value, cur));
  /** A cost figure: "no cost data" where the row's cost is unknown, "–" where only its divisor is 0. */
  const costMoney = (value: number | null, row: RankedMediaFigures) => (value === null ? (costs && row.cost === null ? t('mediaPage.noCost') : '–') : formatMoney(lang, value, currency));
  const stages = pipeline.stages.slice(1);
  const valueCondition = (value: string | null): LeadCondition => ({ kind: 'values', dimension: grouping, values: [value] });

  /** A figure as a button that lists its leads; its name starts with what it shows (WCAG: label in name). */
  const opener = (label: string, row: RankedMediaFigures, figure: string, conditions: readonly LeadCondition[], text: string) => (
    <button type="button" className="link-button figure" aria-label={`${text}, ${t('mediaPage.open', { figure, value: label })}`} onClick={() => onOpen(`${figure} · ${label}`, [valueCondition(row.value), ...conditions])}>
      {text}
    </button>
  );

  return (
    <div className="table-scroll" role="region" aria-label={t('mediaPage.tableLabel')} tabIndex={0}>
      <table className="data-table media-figures" data-testid="media-figures">
        <thead>
          <tr>
            <th scope="col">{t(`mediaPage.value.${grouping}`)}</th>
            <th scope="col">{t('mediaPage.rank')}</th>
            <th scope="col" className="num">{t('mediaPage.leads')}</th>
            {stages.map((stage) => (
              <th scope="col" className="num" key={stage}>
                {t('mediaPage.reached', { stage: stageLabel(stage) })}
              </th>
            ))}
            <th scope="col" className="num">{t('mediaPage.revenue')}</th>
            <th scope="col" className="num">{t('mediaPage.cost')}</th>
            <th scope="col" className="num">{t('mediaPage.costPerLead')}</th>
            <th scope="col" className="num">{t('mediaPage.costPerSql')}</th>
            <th scope="col" className="num">{t('mediaPage.costPerWon')}</th>
            <th scope="col" className="num">{t('mediaPage.romi')}</th>
            <th scope="col" className="num">{t('mediaPage.roi')}</th>
            <th scope="col" className="num">{t('mediaPage.daysToWon')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const label = valueLabel(grouping, row.value);
            return (
              <tr
                key={row.value ?? ''}
                data-value={row.value ?? ''}
                data-leads={row.leads}
                data-won={row.won}
                data-revenue={row.revenue ?? ''}
                data-cost={row.cost ?? ''}
                data-cpl={row.costPerLead ?? ''}
                data-roi={row.roi ?? ''}
                data-rank={row.rank ?? ''}
                data-against-best={row.againstBest}
                aria-selected={selected.includes(row.value)}
              >
                <th scope="row">
                  <button type="button" className="link-button" aria-pressed={selected.includes(row.value)} onClick={() => onSelect(row.value)} title={t('mediaPage.selectHint')}>
                    {label}
                  </button>
                </th>
                <td className={`against-${row.againstBest}`}>
                  {row.rank === null ? '–' : `${row.rank}`}
                  {row.againstBest !== 'unknown' && <small className="muted block">{t(`mediaPage.${row.againstBest}`)}</small>}
                </td>
                <td className="num">{opener(label, row, t('mediaPage.leads'), [], formatInteger(lang, row.leads))}</td>
                {row.reached.map((reached, k) => (
                  <td className="num" key={stages[k]}>
                    {reached.value === null ? '–' : opener(label, row, t('mediaPage.reached', { stage: stageLabel(stages[k]!) }), [{ kind: 'reached', stage: stages[k]! }], percent(reached.value))}
                    {reached.interval && <small className="muted block">{`${percent(reached.interval.low)} – ${percent(reached.interval.high)}`}</small>}
                    <small className="muted block">{formatInteger(lang, reached.count)}</small>
                  </td>
                ))}
                <td className="num">
                  {row.revenue === null && row.won > 0 ? t('mediaPage.revenueUnknown') : opener(label, row, t('mediaPage.revenue'), [{ kind: 'reached', stage: stages[stages.length - 1]! }], money(row.revenue, row.currency))}
                </td>
                <td className="num">{costMoney(row.cost, row)}</td>
                <td className="num">{costMoney(row.costPerLead, row)}</td>
                <td className="num">{costMoney(row.costPerSql, row)}</td>
                <td className="num">{costMoney(row.costPerWon, row)}</td>
                <td className="num">{row.romi === null ? '–' : `${formatNumber(lang, row.romi, 2)}×`}</td>
                <td className="num">{row.roi === null ? '–' : formatPercent(lang, row.roi, 0)}</td>
                <td className="num">{row.medianDaysToWon === null ? '–' : formatNumber(lang, row.medianDaysToWon, 1)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
