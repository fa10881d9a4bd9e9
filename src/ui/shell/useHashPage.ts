import { useEffect, useState } from 'react';
import { pageFromHash, type PageId } from './pages';

export function useHashPage(): PageId {
  const [page, setPage] = useState<PageId>(() => pageFromHash(location.hash));
  useEffect(() => {
    const onChange = () => setPage(pageFromHash(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return page;
}
