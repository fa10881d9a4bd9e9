import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateCoverage } from '../data/useDateCoverage';
import { formatInteger } from '../i18n/format';

/**
 * A view by creation date: shown when the leads have dates, otherwise a sentence naming the column
 * it needs; leads without a date are counted beside it, as they are left out.
 */
export function NeedsDates({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const coverage = useDateCoverage();
  if (coverage && coverage.leads > 0 && coverage.dated === 0) {
    return (
      <p className="empty" data-testid="needs-dates">
        {t('dates.missing')}
      </p>
    );
  }
  const undated = coverage ? coverage.leads - coverage.dated : 0;
  return (
    <>
      {children}
      {undated > 0 && (
        <p className="muted small" data-testid="undated">
          {t('dates.undated', { count: undated, leads: formatInteger(i18n.language, undated) })}
        </p>
      )}
    </>
  );
}
