import { useEffect, useState } from 'react';
import { pageFromHash, unknownPageOf, type PageId } from './pages';

/** The page the location hash names, and the name it asked for if there is no such page. */
export function useHashPage(): { readonly page: PageId; readonly unknown: string | null } {
  const read = () => ({ page: pageFromHash(location.hash), unknown: unknownPageOf(location.hash) });
  const [shown, setShown] = useState(read);
  useEffect(() => {
    const onChange = () => setShown(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return shown;
}
