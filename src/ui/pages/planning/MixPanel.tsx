import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planMedia } from '../../../domain/planning';
import { orderMedia } from '../../charts/leadsByMonthOption';
import { useMediumLabel } from '../../i18n/useMediumLabel';
import { usePlanning } from './planningState';
import type { PlanFormat } from './usePlanFormat';

/** The cheapest extra leads that close the revenue gap at current rates and costs, within a cap per medium the planner sets. */
export function MixPanel({ format }: { format: PlanFormat }) {
  const { t } = useTranslation();
  const mediumLabel = useMediumLabel();
  const { figures, plan, defaults, edits, dispatch } = usePlanning();
  const { mix } = figures;
  const gap = figures.funnel.total.gapRevenue;
  const media = orderMedia(planMedia(plan));
  const allocation = new Map(mix.allocations.map((a) => [a.medium, a]));
  const unusable = new Map(mix.unusable.map((u) => [u.medium, u.reason]));

  return (
    <section className="panel" aria-labelledby="plan-mix-title" data-testid="plan-mix">
      <h2 id="plan-mix-title">{t('planning.mix.title')}</h2>
      {gap === null ? (
        <p className="muted">{t('planning.mix.noTarget')}</p>
      ) : gap <= 0 ? (
        <p data-testid="plan-mix-sentence">{t('planning.mix.none')}</p>
      ) : mix.gapLeft > 0 ? (
        <p className="notice-inline short" data-testid="plan-mix-sentence" data-closed="false">
          {t('planning.mix.capped', { gap: format.money(gap), added: format.money(mix.revenueAdded), left: format.money(mix.gapLeft), cost: format.money(mix.cost) })}
        </p>
      ) : (
        <p data-testid="plan-mix-sentence" data-closed="true">
          {t('planning.mix.closes', { gap: format.money(gap), cost: format.money(mix.cost), leads: format.count(mix.allocations.reduce((s, a) => s + a.leads, 0)) })}
        </p>
      )}
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('table.medium')}</th>
              <th scope="col" className="num">
                {t('planning.mix.cap')}
              </th>
              <th scope="col" className="num">
                {t('planning.mix.extraLeads')}
              </th>
              <th scope="col" className="num">
                {t('planning.mix.cost')}
              </th>
              <th scope="col" className="num">
                {t('planning.mix.revenue')}
              </th>
            </tr>
          </thead>
          <tbody>
            {media.map((medium) => {
              const a = allocation.get(medium);
              const reason = unusable.get(medium);
              const cap = plan.extraLeadCaps[medium];
              return (
                <tr key={medium} data-medium={medium} data-leads={a?.leads ?? 0}>
                  <th scope="row">{mediumLabel(medium)}</th>
                  <td className="num">
                    <CapField medium={medium} cap={cap} label={t('planning.mix.capNamed', { medium: mediumLabel(medium) })} onCap={(value) => dispatch({ type: 'cap', medium, value })} />
                    {edits.extraLeadCaps[medium] !== undefined && (
                      <button
                        type="button"
                        className="reset"
                        onClick={() => dispatch({ type: 'cap', medium, value: null })}
                        aria-label={t('planning.inputs.resetNamed', { input: t('planning.mix.capNamed', { medium: mediumLabel(medium) }), value: format.count(defaults.plan.extraLeadCaps[medium] ?? 0) })}
                      >
                        ↺
                      </button>
                    )}
                  </td>
                  {reason ? (
                    <td colSpan={3} className="muted small">
                      {t(reason === 'noCostPerLead' ? 'planning.mix.noCost' : 'planning.mix.noRevenue')}
                    </td>
                  ) : (
                    <>
                      <td className="num">{a ? format.count(a.leads) : '0'}</td>
                      <td className="num">{a ? format.money(a.cost) : t('kpi.none')}</td>
                      <td className="num">{a ? format.money(a.revenue) : t('kpi.none')}</td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small">{t('planning.mix.note')}</p>
    </section>
  );
}

interface CapFieldProps {
  readonly medium: string;
  readonly cap: number | undefined;
  readonly label: string;
  readonly onCap: (value: number | null) => void;
}

/**
 * A medium's cap on extra leads. It keeps what is typed until the field is left: the panel shows the
 * plan a moment after the inputs (a deferred render), so a field bound to the plan alone would drop keystrokes.
 */
function CapField({ medium, cap, label, onCap }: CapFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      type="number"
      className="cap-input"
      min={0}
      step={1}
      value={draft ?? (cap === undefined ? '' : Math.round(cap))}
      aria-label={label}
      onChange={(event) => {
        const text = event.target.value;
        setDraft(text);
        const value = text.trim() === '' ? null : Number(text);
        onCap(value === null || Number.isFinite(value) ? value : null);
      }}
      onBlur={() => setDraft(null)}
      data-testid="plan-cap"
      data-medium={medium}
    />
  );
}
