import { memo, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { useFilterLabels } from '../../filters/useFilterLabels';
import { useMediumLabel } from '../../i18n/useMediumLabel';
import type { EditAction } from './editsModel';
import type { InputRow, RateInput } from './inputRows';
import { NumberSlider } from './NumberSlider';
import { amountScale, LAG_SHIFT_SCALE, RATE_SCALE } from './sliderScale';
import type { PlanFormat } from './usePlanFormat';

interface RowInputsProps {
  readonly row: InputRow;
  readonly stages: readonly string[];
  /** Sets the row's planned leads (a total over its segments, see leadsTotals). Stable across renders. */
  readonly onLeads: (keys: readonly string[], total: number) => void;
  readonly year: number;
  readonly format: PlanFormat;
  readonly dispatch: Dispatch<EditAction>;
  readonly open: boolean;
}

/**
 * The inputs of one medium (in one sales unit, or over all units) with what each default rests on.
 * Memoised on the row's content: a slider step re-renders the row it moved, not the panel's other
 * rows (whose row objects are new but equal).
 */
export const RowInputs = memo(function RowInputs({ row, stages, onLeads, year, format, dispatch, open }: RowInputsProps) {
  const { t } = useTranslation();
  const mediumLabel = useMediumLabel();
  const { stageLabel } = useFilterLabels();
  const title = row.unit === null ? mediumLabel(row.medium) : `${mediumLabel(row.medium)} · ${row.unit}`;
  const name = (input: string) => t('planning.inputs.named', { row: title, input });
  const keys = row.keys;
  const data = (field: string, step?: number) => ({ medium: row.medium, unit: row.unit ?? '', field, ...(step === undefined ? {} : { step }) });
  const reset = (field: Extract<EditAction, { type: 'reset' }>['field'], step?: number) => () => dispatch({ type: 'reset', keys, field, step });

  const rateNote = (rate: RateInput) => {
    const basis = t('planning.inputs.rateBasis', { successes: format.count(rate.successes), trials: format.count(rate.trials) });
    const note =
      rate.note === 'shrunk'
        ? t('planning.inputs.shrunk', { share: format.percent(rate.priorWeight, 0) })
        : rate.note === 'fromMedium'
          ? t('planning.inputs.fromMedium')
          : rate.note === 'fromOverall'
            ? t('planning.inputs.fromOverall')
            : rate.note === 'noData'
              ? t('planning.inputs.noData')
              : null;
    return (
      <>
        {basis}
        {note && (
          <>
            {' · '}
            <span className="shrunk-note" data-note={rate.note ?? ''}>
              {note}
            </span>
          </>
        )}
      </>
    );
  };

  const dealScale = amountScale(row.dealSize.defaultValue, row.dealSize.value, 1000, 10);
  const leadsScale = amountScale(row.leadsTotal.defaultValue, row.leadsTotal.value, 100);
  const costScale = amountScale(row.costPerLead.defaultValue, row.costPerLead.value, 100, 0.5);
  const summary = t('planning.inputs.summary', {
    leads: format.count(row.leadsTotal.value),
    rate: format.percent(row.rates.reduce((p, r) => p * r.value, 1), 2),
    deal: format.compact(row.dealSize.value),
  });
  const edited = row.rates.some((r) => r.edited) || row.dealSize.edited || row.leadsTotal.edited || row.costPerLead.edited || row.lagShift.edited;

  return (
    <details className="row-inputs" open={open} data-testid="plan-row" data-medium={row.medium} data-unit={row.unit ?? ''}>
      <summary>
        <strong>{title}</strong>
        {edited && <span className="edited-mark">{t('planning.inputs.edited')}</span>}
        <span className="muted small">{summary}</span>
      </summary>
      <p className="muted small basis">{t('planning.inputs.restsOn', { leads: format.count(row.basisLeads) })}</p>
      <div className="row-inputs-grid">
        {row.rates.map((rate, step) => {
          const label = `${stageLabel(stages[step]!)} → ${stageLabel(stages[step + 1]!)}`;
          return (
            <NumberSlider
              key={step}
              label={label}
              name={name(label)}
              value={rate.value * 100}
              {...RATE_SCALE}
              decimals={2}
              suffix="%"
              onChange={(value) => dispatch({ type: 'set', keys, field: 'rate', step, value: value / 100 })}
              onReset={rate.edited ? reset('rate', step) : undefined}
              defaultText={format.percent(rate.defaultValue, 2)}
              note={rateNote(rate)}
              data={data('rate', step)}
            />
          );
        })}
        <NumberSlider
          label={t('planning.inputs.dealSize')}
          name={name(t('planning.inputs.dealSize'))}
          value={row.dealSize.value}
          {...dealScale}
          decimals={0}
          onChange={(value) => dispatch({ type: 'set', keys, field: 'dealSize', value })}
          onReset={row.dealSize.edited ? reset('dealSize') : undefined}
          defaultText={format.money(row.dealSize.defaultValue)}
          note={row.dealSize.wins > 0 ? t('planning.inputs.dealBasis', { count: row.dealSize.wins, wins: format.count(row.dealSize.wins) }) : t('planning.inputs.dealFromMedium')}
          data={data('dealSize')}
        />
        <NumberSlider
          label={t('planning.inputs.plannedLeads', { year })}
          name={name(t('planning.inputs.plannedLeads', { year }))}
          value={row.leadsTotal.value}
          {...leadsScale}
          decimals={0}
          onChange={(value) => onLeads(keys, value)}
          onReset={row.leadsTotal.edited ? reset('leadsTotal') : undefined}
          defaultText={format.count(row.leadsTotal.defaultValue)}
          note={t(`planning.plannedFrom.${row.leadsTotal.source}`)}
          data={data('leadsTotal')}
        />
        <NumberSlider
          label={t('planning.inputs.costPerLead')}
          name={name(t('planning.inputs.costPerLead'))}
          value={row.costPerLead.value}
          {...costScale}
          decimals={2}
          onChange={(value) => dispatch({ type: 'set', keys, field: 'costPerLead', value })}
          onReset={row.costPerLead.edited ? reset('costPerLead') : undefined}
          defaultText={row.costPerLead.defaultValue === null ? t('planning.inputs.unknown') : format.money(row.costPerLead.defaultValue)}
          note={
            row.costPerLead.fromCampaigns ? (
              t('planning.inputs.costFromCampaigns')
            ) : (
              <span className={row.costPerLead.value === null ? 'missing-note' : undefined} data-note="no-cost">
                {t('planning.inputs.noCost')}
              </span>
            )
          }
          data={data('costPerLead')}
        />
        <NumberSlider
          label={t('planning.inputs.lagShift')}
          name={name(t('planning.inputs.lagShift'))}
          value={row.lagShift.value}
          {...LAG_SHIFT_SCALE}
          decimals={0}
          onChange={(value) => dispatch({ type: 'set', keys, field: 'lagShiftMonths', value: Math.round(value) })}
          onReset={row.lagShift.edited ? reset('lagShiftMonths') : undefined}
          defaultText="0"
          note={t(row.lagShift.source === 'medium' ? 'planning.inputs.lagBasis' : 'planning.inputs.lagOverall', {
            wins: format.count(row.lagShift.wins),
            months: format.number(row.lagMeanMonths, 1),
          })}
          data={data('lagShiftMonths')}
        />
      </div>
    </details>
  );
}, sameRow);

function sameRow(a: RowInputsProps, b: RowInputsProps): boolean {
  return (
    a.stages === b.stages &&
    a.onLeads === b.onLeads &&
    a.year === b.year &&
    a.format === b.format &&
    a.dispatch === b.dispatch &&
    a.open === b.open &&
    (a.row === b.row || JSON.stringify(a.row) === JSON.stringify(b.row))
  );
}
