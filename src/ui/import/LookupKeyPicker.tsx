import { useTranslation } from 'react-i18next';
import type { LookupKey } from '../../services/lookups';

/**
 * A lookup's key: which lead column and which column of this file hold the same values (sales
 * agent → owner). Its other columns become lead dimensions.
 */
export function LookupKeyPicker({ leadColumns, headers, value, onChange }: { leadColumns: readonly string[]; headers: readonly string[]; value: LookupKey | null; onChange(key: LookupKey): void }) {
  const { t } = useTranslation();
  if (leadColumns.length === 0) return <p className="error" role="alert" data-testid="lookup-no-leads">{t('review.lookupNoLeads')}</p>;
  const leadColumn = value?.leadColumn ?? leadColumns[0]!;
  const column = value?.column ?? headers[0] ?? '';
  return (
    <fieldset className="lookup-key" data-testid="lookup-key">
      <legend>{t('review.lookupLegend')}</legend>
      <label>
        {t('review.lookupFile')}{' '}
        <select value={column} onChange={(e) => onChange({ leadColumn, column: e.target.value })} data-testid="lookup-column">
          {headers.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('review.lookupLead')}{' '}
        <select value={leadColumn} onChange={(e) => onChange({ leadColumn: e.target.value, column })} data-testid="lookup-lead-column">
          {leadColumns.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <p className="muted">{t('review.lookupHint', { columns: headers.filter((h) => h !== column).join(', ') })}</p>
    </fieldset>
  );
}
