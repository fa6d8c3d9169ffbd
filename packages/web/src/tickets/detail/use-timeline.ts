import { useCallback, useEffect, useRef, useState } from 'react';
import { ticketsApi } from '../../api/endpoints';
import { prefetchKey, takePrefetched, TIMELINE_PAGE } from '../../api/prefetch';
import type { Page, TicketEvent } from '../../api/types';

// The timeline of a ticket, oldest first, a page of 100 at a time (cursor = last event id). New
// events (live) are fetched after the last one already loaded once every page is in.

const PAGE = TIMELINE_PAGE;

export function useTimeline(ticketId: string | undefined) {
  const [events, setEvents] = useState<TicketEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const busy = useRef(false);
  const state = useRef({ events, cursor, done });
  state.current = { events, cursor, done };

  const load = useCallback(
    async (after: string | undefined) => {
      if (!ticketId || busy.current) return;
      busy.current = true;
      setLoading(true);
      setError(null);
      try {
        // the first page may have been asked for with the page's code (a cold load of its address)
        const page = await ((after === undefined && takePrefetched<Page<TicketEvent>>(prefetchKey.events(ticketId))) || ticketsApi.events(ticketId, after, PAGE));
        setEvents((prev) => {
          const seen = new Set(prev.map((e) => e.id));
          return [...prev, ...page.items.filter((e) => !seen.has(e.id))];
        });
        const last = page.items[page.items.length - 1]?.id;
        setCursor(page.nextCursor ?? last ?? after ?? null);
        setDone(page.nextCursor === null);
      } catch (err) {
        setError(err);
      } finally {
        busy.current = false;
        setLoading(false);
      }
    },
    [ticketId],
  );

  useEffect(() => {
    setEvents([]);
    setCursor(null);
    setDone(false);
    void load(undefined);
  }, [load]);

  /** The next page while there is one. */
  const loadMore = useCallback(() => {
    if (!state.current.done) void load(state.current.cursor ?? undefined);
  }, [load]);

  /** Something happened on the ticket: fetch what follows the last loaded event (if all are loaded). */
  const refresh = useCallback(() => {
    const { events: ev, done: d } = state.current;
    if (d) void load(ev[ev.length - 1]?.id);
  }, [load]);

  return { events, hasMore: !done, loading, error, loadMore, refresh };
}
