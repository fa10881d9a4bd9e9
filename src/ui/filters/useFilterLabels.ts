import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { dimensionColumn, isExtraDimension, type LeadCondition, type LeadDimension } from '../../domain/leadFilter';
import { DEFAULT_PIPELINE } from '../../domain/pipeline';
import { formatDate } from '../i18n/format';
import { useMediumLabel } from '../i18n/useMediumLabel';
import { useCampaignNames } from './useCampaignNames';

const STAGES: readonly string[] = [...DEFAULT_PIPELINE.stages, ...DEFAULT_PIPELINE.terminal];
const CHANNELS: readonly string[] = ['direct', 'partner'];

/**
 * How values, dimensions and whole conditions read in chips, pickers, tables and explorer titles.
 * Only known values reach t(): a value from an export could otherwise read as an i18next key path
 * or namespace; any other value is shown exactly as imported.
 */
export function useFilterLabels() {
  const { t, i18n } = useTranslation();
  const mediumLabel = useMediumLabel();
  const campaignNames = useCampaignNames();
  const lang = i18n.language;

  /** An extra column reads as its header, exactly as the export wrote it (never through t()). */
  const dimensionLabel = useCallback(
    (dimension: LeadDimension) => (isExtraDimension(dimension) ? dimensionColumn(dimension) : t(`filters.dimension.${dimension}`)),
    [t],
  );

  const stageLabel = useCallback((stage: string) => (STAGES.includes(stage) ? t(`stage.${stage}` as 'stage.won') : stage), [t]);

  /** A value of a lead column (a filter dimension, or any column the explorer lists); an extra column's values as they are. */
  const valueLabel = useCallback(
    (column: LeadDimension | string, value: string | null) => {
      if (value === null) return t('filters.notGiven');
      if (column === 'medium') return mediumLabel(value);
      if (column === 'stage') return stageLabel(value);
      if (column === 'channel' && CHANNELS.includes(value)) return t(`filters.channel.${value}` as 'filters.channel.direct');
      if (column === 'campaign_id') return campaignNames.get(value) ?? value;
      return value;
    },
    [t, mediumLabel, stageLabel, campaignNames],
  );

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
