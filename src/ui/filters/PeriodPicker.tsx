import { useTranslation } from 'react-i18next';
import { isValidRange, resolvePeriod, type PeriodChoice } from '../../state/period';
import { setPeriod } from '../../state/viewState';
import { useDateCoverage } from '../data/useDateCoverage';
import { formatDate } from '../i18n/format';
import { useViewState } from '../state/ViewStateContext';
import { presetLabels } from './periodLabels';

/**
 * The period of created_at: all time, a preset relative to today, or a custom range of days. Each
 * preset names the range it resolves to today, and the data's last creation date stands beside
 * them: a period reaching past it is not a drop.
 */
export function PeriodPicker() {
  const { t, i18n } = useTranslation();
  const { view, update, today } = useViewState();
  const period = view.period;
  const choice = period === null ? 'all' : 'preset' in period ? period.preset : 'custom';
  const range = period ? resolvePeriod(period, today) : null;
  const coverage = useDateCoverage();
  const undated = coverage !== null && coverage.leads > 0 && coverage.dated === 0;

  const choose = (value: string) => {
    if (value === 'all') return update((v) => setPeriod(v, null));
    if (value === 'custom') return update((v) => setPeriod(v, { range: range ?? { from: `${today.slice(0, 4)}-01-01`, to: today } }));
    update((v) => setPeriod(v, { preset: value } as PeriodChoice));
  };
  const setEnd = (end: 'from' | 'to', day: string) => {
    if (!range) return;
    const next = { ...range, [end]: day };
    // A half-typed date is not applied; the field shows it until it is a valid range.
    if (isValidRange(next)) update((v) => setPeriod(v, { range: next }));
  };

  return (
    <div className="period" role="group" aria-label={t('filters.period')}>
      <label>
        <span>{t('filters.period')}</span>
        <select value={choice} onChange={(e) => choose(e.target.value)} data-testid="period" disabled={undated && period === null} title={undated ? t('dates.periodDisabled') : undefined}>
          <option value="all">{t('filters.preset.all')}</option>
          {presetLabels(today, i18n.language, t).map(({ preset, label }) => (
            <option key={preset} value={preset}>
              {label}
            </option>
          ))}
          <option value="custom">{t('filters.preset.custom')}</option>
        </select>
      </label>
      {choice === 'custom' && range && (
        <>
          <input type="date" aria-label={t('filters.from')} defaultValue={range.from} max={range.to} onChange={(e) => setEnd('from', e.target.value)} />
          <input type="date" aria-label={t('filters.to')} defaultValue={range.to} min={range.from} onChange={(e) => setEnd('to', e.target.value)} />
        </>
      )}
      {coverage?.lastCreated && (
        <span className="period-until" data-testid="data-until" data-date={coverage.lastCreated} title={t('period.dataUntilHint')}>
          {t('period.dataUntil', { date: formatDate(i18n.language, coverage.lastCreated) })}
        </span>
      )}
    </div>
  );
}
