import { useCallback, useEffect, useRef, useState } from 'react';
import { ticketsApi } from '../../api/endpoints';
import type { Ticket, TicketFilters } from '../../api/types';

// Pages of the ticket list by keyset cursor: the first page on every change of filters or sort,
// the next one when the user scrolls to the end. Never an offset, never everything.

export const PAGE_SIZE = 50;

export function useTicketPages(filters: TicketFilters, sort: string) {
  const [items, setItems] = useState<Ticket[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const inflight = useRef<AbortController | null>(null);
  const key = JSON.stringify([filters, sort]);

  const fetchPage = useCallback(
    async (after: string | null, replace: boolean) => {
      inflight.current?.abort();
      const ctrl = new AbortController();
      inflight.current = ctrl;
      setLoading(true);
      setError(null);
      try {
        const page = await ticketsApi.list({ ...filters, sort, limit: PAGE_SIZE, cursor: after ?? undefined }, ctrl.signal);
        if (ctrl.signal.aborted) return;
        setItems((prev) => (replace ? page.items : [...prev, ...page.items.filter((t) => !prev.some((p) => p.id === t.id))]));
        setCursor(page.nextCursor);
      } catch (err) {
        if ((err as Error)?.name !== 'AbortError') setError(err);
      } finally {
        if (inflight.current === ctrl) {
          inflight.current = null;
          setLoading(false);
        }
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  useEffect(() => {
    void fetchPage(null, true);
    return () => inflight.current?.abort();
  }, [fetchPage, version]);

  const loadMore = useCallback(() => {
    if (cursor && !loading) void fetchPage(cursor, false);
  }, [cursor, loading, fetchPage]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  /** Replaces one row in place (a live update of a ticket already on screen). */
  const replace = useCallback((t: Ticket) => setItems((prev) => prev.map((p) => (p.id === t.id ? t : p))), []);

  return { items, hasMore: cursor !== null, loading, error, loadMore, reload, replace };
}
