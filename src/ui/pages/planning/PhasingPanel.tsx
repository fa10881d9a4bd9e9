import { useMemo } from 'react';
import { useSettledValue } from './useSettledValue';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../charts/Chart';
import { phasingOption } from '../../charts/planning/phasingOption';
import { usePlanning } from './planningState';
import type { PlanFormat } from './usePlanFormat';

/** Expected revenue by the month it lands in (leads' months moved through the lag), what lands after the plan year, and the monthly target. */
export function PhasingPanel({ format }: { format: PlanFormat }) {
  const { t } = useTranslation();
  const { figures: current, defaults } = usePlanning();
  // Redrawn after the inputs and tables have answered a slider step, in a render of its own.
  const figures = useSettledValue(current);
  const { phasing, monthlyTarget } = figures;
  const { total } = phasing;
  const inYear = total.months.reduce((a, b) => a + b, 0);
  const year = defaults.year;
  const option = useMemo(
    () =>
      phasingOption(phasing.months, total.months, total.afterHorizon, monthlyTarget, {
        month: format.month,
        monthOnly: format.monthOnly,
        money: format.money,
        axisMoney: format.compact,
        after: t('planning.phasing.after', { year }),
        revenue: t('planning.phasing.revenue'),
        target: t('planning.phasing.target'),
      }),
    [phasing, total, monthlyTarget, format, t, year],
  );
  const whole = inYear + total.afterHorizon;
  return (
    <section className="panel" aria-labelledby="plan-phasing-title" data-testid="plan-phasing">
      <h2 id="plan-phasing-title">{t('planning.phasing.title')}</h2>
      <p data-testid="plan-in-year" data-value={inYear} data-after={total.afterHorizon}>
        {t('planning.phasing.sentence', { year, inYear: format.money(inYear), share: format.percent(whole > 0 ? inYear / whole : null, 0), after: format.money(total.afterHorizon) })}
      </p>
      <Chart option={option} label={t('planning.phasing.label', { year })} height={280} testId="plan-phasing-chart" ownTask />
      <p className="muted small">{t('planning.phasing.note')}</p>
    </section>
  );
}
