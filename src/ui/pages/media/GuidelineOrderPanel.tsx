import { useTranslation } from 'react-i18next';
import { guidelineComparison, type GuidelineComparison, type MediaFigures, type OrderRate } from '../../../domain/media';
import type { Pipeline } from '../../../domain/pipeline';
import { useFilterLabels } from '../../filters/useFilterLabels';
import { useMediumLabel } from '../../i18n/useMediumLabel';

/**
 * The guideline's ranking of media by qualification depth beside the rankings the data shows (lead →
 * won and lead → SQL), the media that break the expected order marked, and one sentence per rate
 * reading the largest break: a direct answer to "does this hold for our product?".
 */
export function GuidelineOrderPanel({ rows, pipeline }: { rows: readonly MediaFigures[]; pipeline: Pipeline }) {
  const { t } = useTranslation();
  const mediumLabel = useMediumLabel();
  const { stageLabel } = useFilterLabels();
  const rates: readonly OrderRate[] = ['won', 'sql'];
  const comparisons = rates.map((rate) => ({ rate, comparison: guidelineComparison(rows, rate, pipeline) }));
  const expected = comparisons[0]!.comparison.expected;
  const rateName = (rate: OrderRate) => stageLabel(rate === 'won' ? pipeline.stages[pipeline.stages.length - 1]! : 'sql');

  const sentence = (rate: OrderRate, comparison: GuidelineComparison) => {
    const [first, ...rest] = comparison.breaks;
    if (!first) return t('mediaPage.order.follows', { rate: rateName(rate) });
    const main = t('mediaPage.order.breaks', {
      rate: rateName(rate),
      higher: mediumLabel(first.higher),
      lower: mediumLabel(first.expectedHigher),
      significance: t(first.significant ? 'mediaPage.order.significant' : 'mediaPage.order.notSignificant'),
    });
    return rest.length ? `${main} ${t('mediaPage.order.more', { count: rest.length })}` : main;
  };

  return (
    <section className="panel wide" aria-labelledby="media-order-title" data-testid="media-order">
      <h2 id="media-order-title">{t('mediaPage.order.title')}</h2>
      <p className="muted small">{t('mediaPage.order.intro')}</p>
      {expected.length < 2 ? (
        <p className="empty">{t('mediaPage.order.none')}</p>
      ) : (
        <>
          {comparisons.map(({ rate, comparison }) => (
            <p key={rate} data-testid={`media-order-sentence-${rate}`} data-breaks={comparison.breaks.length} data-significant={comparison.breaks.filter((b) => b.significant).length}>
              {sentence(rate, comparison)}
            </p>
          ))}
          <div className="order-lists">
            <OrderList title={t('mediaPage.order.expected')} media={expected} broken={new Map()} label={mediumLabel} testId="media-order-expected" />
            {comparisons.map(({ rate, comparison }) => (
              <OrderList
                key={rate}
                title={t('mediaPage.order.yours', { rate: rateName(rate) })}
                media={comparison.actual}
                broken={brokenMedia(comparison)}
                label={mediumLabel}
                outOfOrder={t('mediaPage.order.outOfOrder')}
                testId={`media-order-${rate}`}
              />
            ))}
          </div>
          <p className="muted small">{t('mediaPage.order.legend')}</p>
        </>
      )}
    </section>
  );
}

/** The media in a pair out of order, and whether any of their pairs is significantly so. */
function brokenMedia(comparison: GuidelineComparison): ReadonlyMap<string, boolean> {
  const broken = new Map<string, boolean>();
  for (const b of comparison.breaks) for (const medium of [b.higher, b.expectedHigher]) broken.set(medium, (broken.get(medium) ?? false) || b.significant);
  return broken;
}

interface OrderListProps {
  readonly title: string;
  readonly media: readonly string[];
  readonly broken: ReadonlyMap<string, boolean>;
  readonly label: (medium: string) => string;
  readonly outOfOrder?: string;
  readonly testId: string;
}

function OrderList({ title, media, broken, label, outOfOrder, testId }: OrderListProps) {
  return (
    <div>
      <h3>{title}</h3>
      <ol data-testid={testId}>
        {media.map((medium) => (
          <li key={medium} data-medium={medium} data-out-of-order={broken.has(medium) ? (broken.get(medium) ? 'significant' : 'within-noise') : undefined} className={broken.has(medium) ? (broken.get(medium) ? 'out-of-order' : 'out-of-order weak') : undefined}>
            {label(medium)}
            {broken.has(medium) && outOfOrder && <span className="visually-hidden"> ({outOfOrder})</span>}
            {broken.has(medium) && <span aria-hidden="true"> ⚠</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}
