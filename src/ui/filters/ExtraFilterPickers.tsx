import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dimensionColumn, type ExtraDimension } from '../../domain/leadFilter';
import { extraFilterDimensions } from '../../state/viewState';
import { useViewState } from '../state/ViewStateContext';
import { DimensionPicker } from './DimensionPicker';

/**
 * Pickers for the extra and lookup columns of the data (an export's unmapped columns, a lookup's
 * columns), after the fixed ones: one per column filtered on, and a "More filters…" choice that
 * adds one. They are many and differ per import, so they are not all shown at once.
 */
export function ExtraFilterPickers() {
  const { t } = useTranslation();
  const { view, extraDimensions } = useViewState();
  /** Columns added here that have no value ticked yet; the last one opens at once. */
  const [added, setAdded] = useState<readonly ExtraDimension[]>([]);
  if (!extraDimensions?.length) return null;
  const shown = [...new Set([...extraFilterDimensions(view), ...added])].filter((d) => extraDimensions.includes(d));
  const offered = extraDimensions.filter((d) => !shown.includes(d));
  const add = (dimension: string) => {
    const chosen = offered.find((d) => d === dimension);
    if (chosen) setAdded((old) => [...old, chosen]);
  };
  return (
    <>
      {shown.map((dimension) => (
        <DimensionPicker key={dimension} dimension={dimension} initiallyOpen={dimension === added.at(-1)} />
      ))}
      {offered.length > 0 && (
        <select className="more-filters" value="" onChange={(e) => add(e.target.value)} aria-label={t('filters.moreLabel')} data-testid="more-filters">
          <option value="">{t('filters.more')}</option>
          {offered.map((dimension) => (
            <option key={dimension} value={dimension}>
              {dimensionColumn(dimension)}
            </option>
          ))}
        </select>
      )}
    </>
  );
}
