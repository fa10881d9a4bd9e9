import type { Rate } from '../../../domain/funnel';

/** A rate over its 95 % interval, in a table cell. */
export function RateCell({ rate, percent }: { rate: Rate; percent: (p: number | null) => string }) {
  if (rate.value === null) return <>–</>;
  return (
    <>
      {percent(rate.value)}
      {rate.interval && <small className="muted block">{`${percent(rate.interval.low)} – ${percent(rate.interval.high)}`}</small>}
    </>
  );
}
