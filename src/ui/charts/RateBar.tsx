/** How a bar stands out: in the selection (or no selection made), lighter, or outside the selection. */
export type BarTone = 'strong' | 'light' | 'faded';

export interface RateBarProps {
  /** The bar's length as a share of the track (clamped to 0–1); null draws none. */
  readonly share: number | null;
  /** An interval drawn as a whisker over the bar, as shares of the track. */
  readonly interval?: { readonly low: number; readonly high: number } | null;
  readonly tone: BarTone;
  /** The pages cross-filter on a click and list the leads behind the bar on a double click. */
  readonly onClick?: (event: { readonly detail: number }) => void;
  readonly onDoubleClick?: () => void;
  /** What a click and a double click do, shown on hover. */
  readonly hint?: string;
  readonly testId?: string;
}

const percentOf = (share: number) => `${(Math.min(1, Math.max(0, share)) * 100).toFixed(2)}%`;

/**
 * A bar drawn in HTML inside a table row, beside the figures it shows. A Funnel page chart of a
 * few bars drawn by ECharts cost ~6 ms per cross-filter, this one a few DOM attributes. It is a
 * pointer target only: the same row's buttons do the same by keyboard, so it stays out of the
 * tab order and hidden from screen readers, which read the figures.
 */
export function RateBar({ share, interval, tone, onClick, onDoubleClick, hint, testId }: RateBarProps) {
  return (
    <span className={`rate-bar ${tone}`} aria-hidden="true" title={hint} onClick={onClick} onDoubleClick={onDoubleClick} data-testid={testId}>
      {share !== null && <span className="rate-bar-fill" style={{ width: percentOf(share) }} />}
      {interval && <span className="rate-bar-interval" style={{ left: percentOf(interval.low), width: percentOf(Math.min(1, interval.high) - Math.max(0, interval.low)) }} />}
    </span>
  );
}
