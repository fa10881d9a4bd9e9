import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The texts every row or cell of the Funnel tables repeats (button titles, hints), looked up once
 * per language: an i18next lookup costs tens of microseconds, and the tables repeat them a few
 * hundred times per filter change (~8 ms of it, profiled).
 */
export function useFigureTexts() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      filterOthers: t('funnel.filterOthers'),
      filterOthersMonth: t('funnel.filterOthersMonth'),
      showLeads: t('funnel.showLeads'),
      hint: t('funnel.hint'),
      immature: t('funnel.immature'),
      notSignificant: t('funnel.notSignificant'),
      notSignificantLong: t('funnel.notSignificantLong'),
    }),
    [t],
  );
}
