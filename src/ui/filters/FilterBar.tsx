import { useTranslation } from 'react-i18next';
import { FILTER_DIMENSIONS } from '../../domain/leadFilter';
import { useViewState } from '../state/ViewStateContext';
import { DimensionPicker } from './DimensionPicker';
import { ExtraFilterPickers } from './ExtraFilterPickers';
import { FilterChips } from './FilterChips';
import { PeriodPicker } from './PeriodPicker';

/** The global filters every data page shares, with the active ones as chips below. */
export function FilterBar() {
  const { t } = useTranslation();
  const { ignored, dismissIgnored } = useViewState();
  return (
    <section className="filter-bar" aria-label={t('filters.label')}>
      {ignored.length > 0 && (
        <p className="notice warning" role="status" data-testid="link-notice">
          {t('filters.ignored', { params: ignored.join(', ') })}{' '}
          <button type="button" className="link-button" onClick={dismissIgnored}>
            {t('filters.dismiss')}
          </button>
        </p>
      )}
      <div className="filter-controls">
        <PeriodPicker />
        {FILTER_DIMENSIONS.map((dimension) => (
          <DimensionPicker key={dimension} dimension={dimension} />
        ))}
        <ExtraFilterPickers />
      </div>
      <FilterChips />
    </section>
  );
}
