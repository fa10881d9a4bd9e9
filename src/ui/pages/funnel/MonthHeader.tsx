import { useFigureTexts } from './useFigureTexts';
import { useFunnelFormat } from './useFunnelFormat';

interface MonthHeaderProps {
  readonly month: string;
  readonly immature: boolean;
  /** Put before "(immature)": the cohorts' ' *', as their chart marks those months. */
  readonly marker?: string;
  readonly selected: boolean;
  readonly onChoose: (month: string) => void;
}

/** A month's row header in the Funnel tables: a button that filters the other views to the month. */
export function MonthHeader({ month, immature, marker = '', selected, onChoose }: MonthHeaderProps) {
  const format = useFunnelFormat();
  const text = useFigureTexts();
  return (
    <th scope="row">
      <button type="button" className="link-button" onClick={() => onChoose(month)} aria-pressed={selected} title={text.filterOthersMonth}>
        {format.month(month)}
        {immature ? `${marker} (${text.immature})` : ''}
      </button>
    </th>
  );
}
