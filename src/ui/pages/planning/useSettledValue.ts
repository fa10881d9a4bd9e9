import { useEffect, useState } from 'react';

/** How long an input must rest before the charts follow it. */
export const SETTLE_MS = 120;

/**
 * The value once it has stopped changing for `ms`: the Planning page's charts follow a dragged slider
 * when it rests, not at every step (each chart's redraw is 10–30 ms; together they made a step's
 * task over 50 ms). The figures in words and tables follow every step. The first value is at once.
 */
export function useSettledValue<T>(value: T, ms = SETTLE_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, settled, ms]);
  return settled;
}
