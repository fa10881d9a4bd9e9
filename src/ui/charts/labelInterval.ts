/**
 * The interval of labels along a category axis (0: every label; n: every (n+1)-th) that shows at
 * most `most` of `count` labels. Given rather than left to ECharts' 'auto' estimate, which measures
 * the labels on every redraw.
 */
export function labelInterval(count: number, most: number): number {
  return Math.max(0, Math.ceil(count / most) - 1);
}
