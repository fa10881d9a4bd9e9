import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInteger, formatMonth, formatNumber, formatPercent } from '../../i18n/format';

/** The Funnel page's number, percent, month and day formatters in the UI language. */
export function useFunnelFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(
    () => ({
      count: (n: number) => formatInteger(lang, n),
      percent: (p: number | null) => formatPercent(lang, p),
      month: (m: string) => formatMonth(lang, m),
      days: (d: number | null) => (d === null ? '–' : formatNumber(lang, d, 1)),
    }),
    [lang],
  );
}
