import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planUnits } from '../../../domain/planning';
import { hasEdits, leadsTotals } from './editsModel';
import { inputRows } from './inputRows';
import { usePlanning } from './planningState';
import { RowInputs } from './RowInputs';
import { TargetInputs } from './TargetInputs';
import type { PlanFormat } from './usePlanFormat';

/** Every input of the plan: targets per unit, then rates, deal size, volume, cost and lag per medium (per unit when chosen). */
export function InputsPanel({ format, onByUnit }: { format: PlanFormat; onByUnit: (byUnit: boolean) => void }) {
  const { t } = useTranslation();
  const { defaults, plan, edits, dispatch, byUnit } = usePlanning();
  const units = useMemo(() => planUnits(plan), [plan]);
  const [chosenUnit, setUnit] = useState<string | null>(null);
  const unit = chosenUnit !== null && units.includes(chosenUnit) ? chosenUnit : (units[0] ?? '');
  const rows = useMemo(() => inputRows(defaults, plan, edits, byUnit, byUnit ? unit : undefined), [defaults, plan, edits, byUnit, unit]);
  // The current plan for the leads split, read when a row's leads change: the callback stays the same, so unchanged rows are not re-rendered.
  const planRef = useRef(plan);
  useEffect(() => {
    planRef.current = plan;
  }, [plan]);
  const onLeads = useCallback((keys: readonly string[], total: number) => dispatch({ type: 'leads', totals: leadsTotals(planRef.current, keys, total) }), [dispatch]);

  return (
    <section className="panel inputs-panel" aria-labelledby="plan-inputs-title" data-testid="plan-inputs">
      <div className="panel-head">
        <h2 id="plan-inputs-title">{t('planning.inputs.title')}</h2>
        <button type="button" onClick={() => dispatch({ type: 'resetAll' })} disabled={!hasEdits(edits)} data-testid="plan-reset-all">
          {t('planning.inputs.resetAll')}
        </button>
      </div>
      <TargetInputs format={format} />
      <h3>{t('planning.inputs.media')}</h3>
      <div className="inputs-options">
        <label>
          <input type="checkbox" checked={byUnit} onChange={(event) => onByUnit(event.target.checked)} data-testid="plan-by-unit" /> {t('planning.inputs.byUnit')}
        </label>
        {byUnit && (
          <label>
            {t('planning.inputs.unit')}{' '}
            <select value={unit} onChange={(event) => setUnit(event.target.value)} data-testid="plan-unit">
              {units.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p className="muted small">{byUnit ? t('planning.inputs.byUnitNote') : t('planning.inputs.byMediumNote')}</p>
      {rows.map((row, i) => (
        <RowInputs key={row.id} row={row} stages={plan.stages} onLeads={onLeads} year={defaults.year} format={format} dispatch={dispatch} open={i === 0} />
      ))}
    </section>
  );
}

