export const PAGES = ['overview', 'import', 'funnel', 'planning', 'media', 'quality', 'distribution'] as const;
export type PageId = (typeof PAGES)[number];

/** The page named by the location hash ("#/funnel"); unknown hashes fall back to the overview. */
export function pageFromHash(hash: string): PageId {
  const id = pageNameOf(hash);
  return (PAGES as readonly string[]).includes(id) ? (id as PageId) : 'overview';
}

/** The page name a hash asks for when no such page exists (for a notice); null for a known page or none. */
export function unknownPageOf(hash: string): string | null {
  const id = pageNameOf(hash);
  return id === '' || (PAGES as readonly string[]).includes(id) ? null : decodeURIComponentSafe(id);
}

const pageNameOf = (hash: string) => hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
