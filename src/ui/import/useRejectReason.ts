import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { excelDayZeroReason, NUMBER_FORMAT_REASONS } from '../../sql/valueSql';
import { readableDateFormat } from './formatLabels';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * The import writes its reasons in English (the report JSON and the ETL keep them so); the page
 * shows them in the user's language. A reason it does not know is shown as it is.
 */
export function rejectReasonText(reason: string, t: Translate): string {
  let m: RegExpExecArray | null;
  if (reason === 'required value missing') return t('reasons.required');
  if (reason === 'not a number') return t('reasons.number');
  if (reason === 'not a whole number') return t('reasons.integer');
  if ((m = /^not a date \(expected (.+)\)$/.exec(reason))) return t('reasons.date', { formats: m[1]!.split(' or ').map(readableDateFormat).join(', ') });
  if (reason === NUMBER_FORMAT_REASONS[',']) return t('reasons.numberFormatComma');
  if (reason === NUMBER_FORMAT_REASONS['.']) return t('reasons.numberFormatPoint');
  if (reason === excelDayZeroReason) return t('reasons.excelDayZero');
  if ((m = /^outside the plausible dates (\S+) … (\S+)$/.exec(reason))) return t('reasons.dateRange', { from: m[1], to: m[2] });
  if ((m = /^duplicate of (line|row) (\d+)$/.exec(reason))) return t(m[1] === 'row' ? 'reasons.duplicateRow' : 'reasons.duplicateLine', { n: m[2] });
  if ((m = /^too few columns: (\d+) instead of (\d+)$/.exec(reason))) return t('reasons.tooFew', { found: m[1], expected: m[2] });
  if ((m = /^too many columns: more than (\d+)$/.exec(reason))) return t('reasons.moreThan', { expected: m[1] });
  // Reports stored before the import wrote its own words kept DuckDB's.
  if ((m = /^MISSING COLUMNS: Expected Number of Columns: (\d+) Found: (\d+)/.exec(reason))) return t('reasons.tooFew', { expected: m[1], found: m[2] });
  if ((m = /^record longer than ([\d,]+) bytes$/.exec(reason))) return t('reasons.tooLong', { bytes: m[1] });
  if ((m = /^TOO MANY COLUMNS: Expected Number of Columns: (\d+) Found: (\d+)/.exec(reason))) return t('reasons.tooMany', { expected: m[1], found: m[2] });
  return reason;
}

export function useRejectReason(): (reason: string) => string {
  const { t } = useTranslation();
  return useCallback((reason: string) => rejectReasonText(reason, t as Translate), [t]);
}
