import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PIPELINE } from '../../domain/pipeline';
import { useMediumLabel } from '../i18n/useMediumLabel';

const STAGES: readonly string[] = [...DEFAULT_PIPELINE.stages, ...DEFAULT_PIPELINE.terminal];
const CHANNELS: readonly string[] = ['direct', 'partner'];

/**
 * The translated name of a canonical medium, stage or channel value; any other value (a medium or
 * stage of the user's own, any other column) is shown exactly as imported. Only known values reach
 * t(): a value from an export could otherwise read as an i18next key path or namespace.
 */
export function useValueLabel(): (column: string, value: string) => string {
  const { t, i18n } = useTranslation();
  const mediumLabel = useMediumLabel();
  return useCallback(
    (column: string, value: string) => {
      if (column === 'medium') return mediumLabel(value);
      if (column === 'stage' && STAGES.includes(value)) return t(`explorer.stageValues.${value}` as 'explorer.stageValues.won');
      if (column === 'channel' && CHANNELS.includes(value)) return t(`explorer.channelValues.${value}` as 'explorer.channelValues.direct');
      return value;
    },
    // The language is a dependency: labels must change when it does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language, mediumLabel],
  );
}
