import { useMemo, type CSSProperties } from 'react';
import { labelInterval } from '../../charts/labelInterval';
import { cellColours } from '../../charts/shareColor';
import { figureHandlers, type ClickIntent } from './clickIntent';
import type { CohortFigures } from './cohortFigures';
import { useFigureTexts } from './useFigureTexts';
import { useFunnelFormat } from './useFunnelFormat';

interface CohortHeatmapProps extends CohortFigures {
  readonly label: string;
  readonly clicks: ClickIntent;
}

/** Months whose labels all show (turned upright); beyond that every n-th. */
const MONTH_LABELS = 36;
/** Shares are written into the cells while this many months fit them; narrower cells keep them for screen readers. */
const MONTHS_WITH_SHARES = 14;

/**
 * Created month × stage reached as an HTML table coloured by share: a click on a cell or a month
 * filters the other views, a double click on a cell lists its leads, and a month's button does
 * the same by keyboard. Drawn by ECharts it cost ~6 ms per cross-filter; as a table, a few
 * attributes per cell. Immature months are faded and marked *.
 */
export function CohortHeatmap({ months, stages, cells, immature, selectedMonth, label, onChoose, onExplore, clicks }: CohortHeatmapProps) {
  const format = useFunnelFormat();
  const text = useFigureTexts();
  const grid = useMemo(() => {
    const byPlace = new Map(cells.map((c) => [`${c.month}|${c.stageIndex}`, c]));
    return stages.map((_, stageIndex) => months.map((month) => byPlace.get(`${month}|${stageIndex}`) ?? null));
  }, [cells, months, stages]);
  const every = labelInterval(months.length, MONTH_LABELS) + 1;
  /** Tooltips of cells near an edge open inwards, so they stay inside the panel. */
  const tipSide = (i: number) => (i < months.length / 4 ? ' tip-start' : i >= (months.length * 3) / 4 ? ' tip-end' : '');

  return (
    // Each month's column keeps room for its upright label (CSS: --months); a narrow screen scrolls the map in its panel.
    <div className="heatmap-scroll" style={{ '--months': months.length } as CSSProperties}>
      <table className={`heatmap${months.length > MONTHS_WITH_SHARES ? ' compact' : ''}`} aria-label={label} data-testid="cohort-heatmap">
        <thead>
          <tr>
            <td />
            {months.map((month, i) => (
              <th key={month} scope="col" className={month === selectedMonth ? 'selected' : undefined}>
                <button
                  type="button"
                  onClick={() => onChoose(month)}
                  aria-pressed={month === selectedMonth}
                  aria-label={`${format.month(month)}${immature.has(month) ? ` (${text.immature})` : ''}`}
                  title={text.filterOthersMonth}
                >
                  {i % every === 0 ? `${format.month(month)}${immature.has(month) ? ' *' : ''}` : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {stages.map((stage, stageIndex) => (
            <tr key={stage}>
              <th scope="row">{stage}</th>
              {grid[stageIndex]!.map((cell, i) => {
                const month = months[i]!;
                const share = cell?.share ?? null;
                const classes = `${immature.has(month) ? 'immature' : ''}${month === selectedMonth ? ' selected' : ''}${tipSide(i)}`;
                const colours = cellColours(share ?? 0, immature.has(month));
                const tip = cell
                  ? `${format.month(month)} · ${stage}\n${format.count(cell.count)} / ${format.count(cell.leads)} = ${format.percent(share)}${immature.has(month) ? `\n${text.immature}` : ''}`
                  : undefined;
                return (
                  <td
                    key={month}
                    className={classes || undefined}
                    style={{ backgroundColor: colours.background, color: colours.text }}
                    data-tip={tip}
                    data-month={month}
                    {...figureHandlers(clicks, () => onChoose(month), () => cell && onExplore(cell))}
                  >
                    <span>{format.percent(share)}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
