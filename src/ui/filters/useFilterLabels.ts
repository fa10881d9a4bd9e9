import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilterDimension, LeadCondition } from '../../domain/leadFilter';
import { formatDate } from '../i18n/format';
import { useMediumLabel } from '../i18n/useMediumLabel';

/** How values, dimensions and whole conditions read in chips, pickers and explorer titles. */
export function useFilterLabels() {
  const { t, i18n } = useTranslation();
  const mediumLabel = useMediumLabel();
  const lang = i18n.language;

  const dimensionLabel = useCallback((dimension: FilterDimension) => t(`filters.dimension.${dimension}`), [t]);

  const valueLabel = useCallback(
    (dimension: FilterDimension, value: string | null) => {
      if (value === null) return t('filters.notGiven');
      if (dimension === 'medium') return mediumLabel(value);
      if (dimension === 'channel' && (value === 'direct' || value === 'partner')) return t(`filters.channel.${value}`);
      return value;
    },
    [t, mediumLabel],
  );

  const stageLabel = useCallback((stage: string) => t(`stage.${stage}`, { defaultValue: stage }), [t]);

  const rangeLabel = useCallback((from: string, to: string) => `${formatDate(lang, from)} – ${formatDate(lang, to)}`, [lang]);

  const conditionLabel = useCallback(
    (condition: LeadCondition) => {
      switch (condition.kind) {
        case 'values':
          return `${dimensionLabel(condition.dimension)}: ${condition.values.map((v) => valueLabel(condition.dimension, v)).join(', ')}`;
        case 'created':
          return `${t('filters.created')}: ${rangeLabel(condition.range.from, condition.range.to)}`;
        case 'reached':
          return t('filters.reached', { stage: stageLabel(condition.stage) });
      }
    },
    [t, dimensionLabel, valueLabel, stageLabel, rangeLabel],
  );

  return { dimensionLabel, valueLabel, stageLabel, rangeLabel, conditionLabel };
}
