export const PAGES = ['overview', 'import', 'funnel', 'planning', 'media', 'quality', 'distribution'] as const;
export type PageId = (typeof PAGES)[number];

/** The page named by the location hash ("#/funnel"); unknown hashes fall back to the overview. */
export function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (PAGES as readonly string[]).includes(id) ? (id as PageId) : 'overview';
}
