/** From the palette's lightest blue (share 0) to its strongest (share 1). */
const LOW = [0xf2, 0xf6, 0xfd] as const;
const HIGH = [0x1f, 0x6f, 0xeb] as const;
/** How far an immature month's cell is washed towards white: its rates are still rising. */
const IMMATURE_WASH = 0.55;

const channels = (share: number): number[] => {
  const t = Math.min(1, Math.max(0, share));
  return LOW.map((low, i) => Math.round(low + (HIGH[i]! - low) * t));
};
const rgb = (c: readonly number[]) => `rgb(${c.join(', ')})`;

/** A heat map cell's colour for a share of 0–1 (clamped). */
export function shareColor(share: number): string {
  return rgb(channels(share));
}

/** WCAG 2's relative luminance of an sRGB colour. */
function luminance(c: readonly number[]): number {
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * A cell's background and the text on it. The text is white or black, whichever contrasts more:
 * one of the two always reaches at least 4.58:1 (WCAG AA asks 4.5:1), while the page's text
 * colour and white both fell short on the mid blues (3.2:1 at share 0.75 and above, washed cells worse).
 */
export function cellColours(share: number, immature: boolean): { readonly background: string; readonly text: string } {
  const base = channels(share);
  const shown = immature ? base.map((v) => Math.round(v + (255 - v) * IMMATURE_WASH)) : base;
  const l = luminance(shown);
  const onWhite = 1.05 / (l + 0.05);
  const onBlack = (l + 0.05) / 0.05;
  return { background: rgb(shown), text: onWhite >= onBlack ? '#fff' : '#000' };
}
