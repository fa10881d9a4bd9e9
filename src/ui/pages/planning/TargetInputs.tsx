import { useTranslation } from 'react-i18next';
import { planUnits } from '../../../domain/planning';
import { NumberSlider } from './NumberSlider';
import { usePlanning } from './planningState';
import { amountScale } from './sliderScale';
import type { PlanFormat } from './usePlanFormat';

/** The revenue target of each sales unit over the plan year: from the targets table, or typed in where it has none. */
export function TargetInputs({ format }: { format: PlanFormat }) {
  const { t } = useTranslation();
  const { defaults, plan, edits, dispatch } = usePlanning();
  const units = planUnits(plan);
  const noneInData = Object.keys(defaults.plan.targets).length === 0;
  return (
    <>
      <h3>{t('planning.inputs.targets', { year: defaults.year })}</h3>
      {noneInData && (
        <p className="notice-inline" data-testid="plan-no-targets">
          {t('planning.inputs.noTargets')}
        </p>
      )}
      <div className="target-inputs">
        {units.map((unit) => {
          const fromData = defaults.plan.targets[unit];
          const value = plan.targets[unit] ?? null;
          const label = unit;
          return (
            <NumberSlider
              key={unit}
              label={label}
              name={t('planning.inputs.targetNamed', { unit })}
              value={value}
              {...amountScale(fromData ?? null, value, 100_000, 1000)}
              decimals={0}
              onChange={(v) => dispatch({ type: 'target', unit, value: v })}
              onReset={edits.targets[unit] !== undefined ? () => dispatch({ type: 'target', unit, value: null }) : undefined}
              defaultText={fromData === undefined ? t('planning.inputs.unknown') : format.money(fromData)}
              note={fromData === undefined ? <span className="missing-note">{t('planning.inputs.noTarget')}</span> : t('planning.inputs.targetFromData')}
              data={{ unit, field: 'target' }}
            />
          );
        })}
      </div>
    </>
  );
}
