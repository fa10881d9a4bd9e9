/** How long after a click its double click may follow (the platforms' defaults are 500 ms or less). */
const DOUBLE_CLICK_MS = 800;

/**
 * A click on a figure filters the other views; a double click lists the leads behind it. The first
 * click of a double click already filters, and the views above may then grow or shrink, so the
 * second click and the double click can land on another figure. They count for the figure clicked
 * first: the second click does not filter again, and the double click lists that figure's leads.
 * One per page, as the layout can move the pointer from one view into another.
 */
export interface ClickIntent {
  /** A click (`detail`: the click count the browser reports) on a figure that can `choose` and `explore`. */
  click(detail: number, choose: () => void, explore: () => void): void;
  /** A double click on a figure that can `explore`: lists the leads of the figure clicked first. */
  doubleClick(explore: () => void): void;
}

export function createClickIntent(now: () => number = () => performance.now()): ClickIntent {
  let first: { readonly at: number; readonly explore: () => void } | null = null;
  return {
    click(detail, choose, explore) {
      if (detail >= 2 && first && now() - first.at < DOUBLE_CLICK_MS) return;
      first = { at: now(), explore };
      choose();
    },
    doubleClick(explore) {
      const target = first && now() - first.at < DOUBLE_CLICK_MS ? first.explore : explore;
      first = null;
      target();
    },
  };
}

/** The mouse handlers of a figure that filters on a click and lists its leads on a double click. */
export function figureHandlers(clicks: ClickIntent, choose: () => void, explore: () => void) {
  return {
    onClick: (event: { readonly detail: number }) => clicks.click(event.detail, choose, explore),
    onDoubleClick: () => clicks.doubleClick(explore),
  };
}
