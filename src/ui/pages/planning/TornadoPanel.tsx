import { useMemo } from 'react';
import { useSettledValue } from './useSettledValue';
import { useTranslation } from 'react-i18next';
import type { SensitivityInput } from '../../../domain/planning';
import { Chart } from '../../charts/Chart';
import { tornadoOption } from '../../charts/planning/tornadoOption';
import { useFilterLabels } from '../../filters/useFilterLabels';
import { useMediumLabel } from '../../i18n/useMediumLabel';
import { usePlanning } from './planningState';
import type { PlanFormat } from './usePlanFormat';

/** The inputs shown: the largest swings (every step rate and the deal size tie: each scales revenue alike). */
const MOST_BARS = 10;

/** Which input moves expected revenue most, each set 10 % lower and higher with the rest fixed. */
export function TornadoPanel({ format }: { format: PlanFormat }) {
  const { t } = useTranslation();
  const mediumLabel = useMediumLabel();
  const { stageLabel } = useFilterLabels();
  // Redrawn after the inputs and tables have answered a slider step, in a render of its own.
  const figures = useSettledValue(usePlanning().figures);
  const { sensitivity } = figures;
  const labelOf = (input: SensitivityInput) =>
    input.kind === 'volume'
      ? t('planning.tornado.volume', { medium: mediumLabel(input.medium) })
      : input.kind === 'rate'
        ? `${stageLabel(input.from)} → ${stageLabel(input.to)}`
        : t('planning.inputs.dealSize');
  const bars = sensitivity.bars.slice(0, MOST_BARS).map((b) => ({ label: labelOf(b.input), low: b.low - sensitivity.base, high: b.high - sensitivity.base }));
  const key = JSON.stringify(bars);
  const option = useMemo(
    () =>
      tornadoOption(bars, {
        money: format.money,
        axisMoney: format.compact,
        lower: t('planning.tornado.lower', { delta: format.percent(sensitivity.delta, 0) }),
        higher: t('planning.tornado.higher', { delta: format.percent(sensitivity.delta, 0) }),
      }),
    // The bars' content, not their identity, decides a redraw.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, format, t, sensitivity.delta],
  );
  const top = bars[0];
  return (
    <section className="panel" aria-labelledby="plan-tornado-title" data-testid="plan-tornado">
      <h2 id="plan-tornado-title">{t('planning.tornado.title')}</h2>
      {top && <p>{t('planning.tornado.sentence', { input: top.label, swing: format.money(top.high - top.low), delta: format.percent(sensitivity.delta, 0) })}</p>}
      <Chart option={option} label={t('planning.tornado.label')} height={Math.max(200, 40 + bars.length * 26)} testId="plan-tornado-chart" ownTask />
      <p className="muted small">{t('planning.tornado.note')}</p>
    </section>
  );
}
