/** From the palette's lightest blue (share 0) to its strongest (share 1). */
const LOW = [0xf2, 0xf6, 0xfd] as const;
const HIGH = [0x1f, 0x6f, 0xeb] as const;

/** A heat map cell's colour for a share of 0–1 (clamped). */
export function shareColor(share: number): string {
  const t = Math.min(1, Math.max(0, share));
  return `rgb(${LOW.map((low, i) => Math.round(low + (HIGH[i]! - low) * t)).join(', ')})`;
}

/** Whether text on a cell of this share reads better in white than in the text colour. */
export const isDarkShare = (share: number): boolean => share > 0.75;
