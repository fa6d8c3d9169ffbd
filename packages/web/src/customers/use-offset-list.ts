import { useCallback, useEffect, useRef, useState } from 'react';
import type { OffsetPage } from '../api/types';

// A server list read page by page (offset paging as the customers API offers it), reloaded from the
// start whenever the query changes; older answers to a changed query are dropped.
export function useOffsetList<T>(fetchPage: (offset: number, signal: AbortSignal) => Promise<OffsetPage<T>>, queryKey: string) {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const ctrl = useRef<AbortController | null>(null);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const load = useCallback((offset: number) => {
    ctrl.current?.abort();
    const c = new AbortController();
    ctrl.current = c;
    setLoading(true);
    setError(null);
    fetchRef
      .current(offset, c.signal)
      .then((page) => {
        if (c.signal.aborted) return;
        setItems((prev) => (offset ? [...prev, ...page.items] : page.items));
        setNext(page.nextOffset);
      })
      .catch((err: unknown) => {
        if (!c.signal.aborted) setError(err);
      })
      .finally(() => {
        if (!c.signal.aborted) setLoading(false);
      });
  }, []);

  useEffect(() => {
    load(0);
    return () => ctrl.current?.abort();
  }, [load, queryKey]);

  return { items, loading, error, hasMore: next !== null, loadMore: () => next !== null && load(next), reload: () => load(0) };
}
