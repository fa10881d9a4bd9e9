import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { STANDARD_MEDIA } from '../../domain/vocabulary';

/** Translated name of a standard medium; a medium of the user's own stays as it was imported; none is "(none)". */
export function useMediumLabel(): (medium: string | null) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (medium: string | null) => (medium === null ? t('medium.none') : (STANDARD_MEDIA as readonly string[]).includes(medium) ? t(`medium.${medium}` as 'medium.web') : medium),
    // The language is a dependency: labels must change when it does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language],
  );
}
