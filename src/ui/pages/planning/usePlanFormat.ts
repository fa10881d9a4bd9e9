import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInteger, formatMoney, formatMonth, formatNumber, formatPercent } from '../../i18n/format';

/** The Planning page's formatters in the UI language; amounts in the data's currency (a plain number when it is unknown). */
export function usePlanFormat(currency: string | null) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    // One formatter per language: Intl objects are costly, and the chart's axis calls this on every redraw.
    const monthName = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { month: 'short', timeZone: 'UTC' });
    return {
      lang,
      count: (n: number) => formatInteger(lang, Math.round(n)),
      money: (v: number) => formatMoney(lang, v, currency),
      compact: (v: number) => formatMoney(lang, v, currency, true),
      percent: (p: number | null, digits = 1) => formatPercent(lang, p, digits),
      number: (v: number, digits = 1) => formatNumber(lang, v, digits),
      month: (m: string) => formatMonth(lang, m),
      /** "Mar" / "März": a month of the plan year, whose year is said once. */
      monthOnly: (m: string) => monthName.format(new Date(`${m}-01T00:00:00Z`)),
    };
  }, [lang, currency]);
}

export type PlanFormat = ReturnType<typeof usePlanFormat>;
