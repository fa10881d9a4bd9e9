import { useTranslation } from 'react-i18next';
import { unmatchedEdits } from '../../../domain/planning';
import { formatDate } from '../../i18n/format';
import { useMediumLabel } from '../../i18n/useMediumLabel';
import { mediumFilterOf } from './planFigures';
import { usePlanning } from './planningState';
import type { PlanFormat } from './usePlanFormat';

/** What the defaults rest on, and what narrows or limits them: the plan year, maturity, the medium filter, warnings. */
export function PlanNotes({ format }: { format: PlanFormat }) {
  const { t } = useTranslation();
  const mediumLabel = useMediumLabel();
  const { history, defaults, filter, edits } = usePlanning();
  const media = mediumFilterOf(filter);
  const unmatched = unmatchedEdits(defaults.plan, edits);
  const asOf = history.asOf ? formatDate(format.lang, history.asOf) : '–';
  return (
    <div className="plan-notes" data-testid="plan-notes">
      <p className="muted">
        {history.maturityDays === null
          ? t('planning.contextNoMaturity', { year: defaults.year })
          : t('planning.context', { year: defaults.year, months: format.count(history.matureMonths.length), days: format.count(history.maturityDays), asOf })}{' '}
        {t('planning.plannedSource', { source: t(`planning.plannedFrom.${defaults.plannedLeadsSource}`) })}
      </p>
      {media && (
        <p className="notice-inline" data-testid="plan-medium-filter">
          {t('planning.mediumFilter', { media: media.map(mediumLabel).join(', ') })}
        </p>
      )}
      {filter.length > 0 && !media && <p className="notice-inline">{t('planning.filtered')}</p>}
      {defaults.warnings.length > 0 && (
        <details className="plan-warnings">
          <summary>{t('planning.warnings', { count: defaults.warnings.length })}</summary>
          <ul>
            {defaults.warnings.map((w) => {
              const text = t(`planning.warning.${w.kind}`, { ...w, by: w.kind === 'plannedLeadsNowhere' ? t(`planning.warning.by.${w.by}`) : undefined, leads: w.kind === 'plannedLeadsNowhere' ? format.count(w.leads) : undefined } as Record<string, unknown>);
              return <li key={text}>{text}</li>;
            })}
          </ul>
        </details>
      )}
      {unmatched.length > 0 && <p className="notice-inline">{t('planning.unmatched', { count: unmatched.length })}</p>}
    </div>
  );
}
