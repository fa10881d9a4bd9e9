import { useTranslation } from 'react-i18next';
import type { MediaFigures } from '../../../domain/media';
import type { Pipeline } from '../../../domain/pipeline';
import type { MediaGrouping } from '../../../sql/media';
import { RateBar } from '../../charts/RateBar';
import { useFilterLabels } from '../../filters/useFilterLabels';
import { formatPercent } from '../../i18n/format';

/**
 * The funnel of each medium as small multiples: the share of its leads that reached each later
 * stage, on one scale for all (the first stage's highest share), so a steep or a flat funnel shows.
 */
export function FunnelShapes({ rows, grouping, pipeline }: { rows: readonly MediaFigures[]; grouping: MediaGrouping; pipeline: Pipeline }) {
  const { t, i18n } = useTranslation();
  const { valueLabel, stageLabel } = useFilterLabels();
  const stages = pipeline.stages.slice(1);
  const scale = Math.max(0.01, ...rows.flatMap((r) => r.reached.map((x) => x.interval?.high ?? x.value ?? 0)));
  return (
    <section className="panel wide" aria-labelledby="media-shapes-title" data-testid="media-shapes">
      <h2 id="media-shapes-title">{t('mediaPage.shapes.title')}</h2>
      <div className="funnel-shapes">
        {rows
          .filter((r) => r.leads > 0)
          .map((row) => (
            <figure key={row.value ?? ''} className="funnel-shape" data-value={row.value ?? ''}>
              <figcaption>{valueLabel(grouping, row.value)}</figcaption>
              <dl>
                {row.reached.map((reached, k) => (
                  <div key={stages[k]} className="funnel-shape-row">
                    <dt>{stageLabel(stages[k]!)}</dt>
                    <dd>
                      <RateBar
                        share={reached.value === null ? null : reached.value / scale}
                        interval={reached.interval && { low: reached.interval.low / scale, high: reached.interval.high / scale }}
                        tone="strong"
                      />
                      <span className="funnel-shape-value">{formatPercent(i18n.language, reached.value, 1)}</span>
                    </dd>
                  </div>
                ))}
              </dl>
            </figure>
          ))}
      </div>
      <p className="muted small">{t('mediaPage.shapes.note')}</p>
    </section>
  );
}
