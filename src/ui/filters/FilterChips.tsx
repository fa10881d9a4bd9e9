import { useTranslation } from 'react-i18next';
import { FILTER_DIMENSIONS } from '../../domain/leadFilter';
import { resolvePeriod } from '../../state/period';
import { clearAll, clearSelection, extraFilterDimensions, setPeriod, setValues } from '../../state/viewState';
import { useViewState } from '../state/ViewStateContext';
import { useFilterLabels } from './useFilterLabels';

/** Every active filter and chart selection as a chip that removes it; "Clear all" removes them all. */
export function FilterChips() {
  const { t } = useTranslation();
  const { view, update, today } = useViewState();
  const { conditionLabel, rangeLabel } = useFilterLabels();
  const chips: { key: string; label: string; selection?: boolean; remove: () => void }[] = [];
  if (view.period) {
    const range = resolvePeriod(view.period, today);
    const name = 'preset' in view.period ? `${t(`filters.preset.${view.period.preset}`)} · ` : '';
    chips.push({ key: 'period', label: `${t('filters.created')}: ${name}${rangeLabel(range.from, range.to)}`, remove: () => update((v) => setPeriod(v, null)) });
  }
  for (const dimension of [...FILTER_DIMENSIONS, ...extraFilterDimensions(view)]) {
    const values = view.values[dimension];
    if (values?.length) chips.push({ key: dimension, label: conditionLabel({ kind: 'values', dimension, values }), remove: () => update((v) => setValues(v, dimension, [])) });
  }
  for (const { source, condition } of view.selections) {
    chips.push({
      key: `selection-${source}`,
      label: `${conditionLabel(condition)} (${t('filters.selectedIn', { view: t(`funnel.view.${source}`) })})`,
      selection: true,
      remove: () => update((v) => clearSelection(v, source)),
    });
  }
  if (chips.length === 0) return <p className="chips muted" data-testid="chips">{t('filters.none')}</p>;
  return (
    <ul className="chips" aria-label={t('filters.active')} data-testid="chips">
      {chips.map((chip) => (
        <li key={chip.key} className={chip.selection ? 'chip selection' : 'chip'} data-chip={chip.key}>
          <span>{chip.label}</span>
          <button type="button" onClick={chip.remove} aria-label={t('filters.remove', { filter: chip.label })}>
            ×
          </button>
        </li>
      ))}
      <li>
        <button type="button" className="link-button" onClick={() => update(clearAll)} data-testid="clear-filters">
          {t('filters.clearAll')}
        </button>
      </li>
    </ul>
  );
}
