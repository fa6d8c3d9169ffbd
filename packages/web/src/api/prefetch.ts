import { authApi, ticketsApi } from './endpoints';
import type { Me, Page, Ticket, TicketEvent } from './types';

// On a cold load the console would ask one thing after another: the session (/auth/me), then — once
// the page's code has arrived and rendered — the ticket, then its timeline. main.tsx starts what the
// address needs before React renders, so those requests travel together with the page's code. The
// first consumer of each takes the answer (once, and only while it is fresh); later loads ask as usual.

/** An answer is taken only this long after it was asked for: a page opened later asks again. */
export const PREFETCH_FRESH_MS = 10_000;

const started = new Map<string, { at: number; answer: Promise<unknown> }>();

function keep<T>(key: string, answer: Promise<T>, at = Date.now()): Promise<T> {
  answer.catch(() => undefined); // taken later, or never: not an unhandled rejection
  started.set(key, { at, answer });
  return answer;
}

/** The answer started for key, at most once and while fresh; undefined otherwise (ask the server). */
export function takePrefetched<T>(key: string, now = Date.now()): Promise<T> | undefined {
  const hit = started.get(key);
  started.delete(key);
  return hit && now - hit.at <= PREFETCH_FRESH_MS ? (hit.answer as Promise<T>) : undefined;
}

export const prefetchKey = {
  me: 'me',
  ticket: (ref: string) => `ticket:${ref}`,
  /** By the ticket's id, known once the ticket has arrived. */
  events: (ticketId: string) => `events:${ticketId}`,
};

/** The first page of a timeline, as useTimeline asks for it. */
export const TIMELINE_PAGE = 100;

const TICKET_PAGE = /^\/tickets\/([^/]+)\/?$/;

/** Starts the requests the page at pathname will make first (none for the sign-in page). */
export function prefetchFor(pathname: string) {
  if (pathname === '/login') return;
  const at = Date.now();
  keep<Me>(prefetchKey.me, authApi.me(), at);
  const m = TICKET_PAGE.exec(pathname);
  if (!m || m[1] === 'new') return;
  const ref = decodeURIComponent(m[1]);
  const ticket = keep<Ticket>(prefetchKey.ticket(ref), ticketsApi.get(ref), at);
  // the timeline by the number in the address, at the same time as the ticket
  const events: Promise<Page<TicketEvent>> = ticketsApi.events(ref, undefined, TIMELINE_PAGE);
  events.catch(() => undefined);
  ticket.then(
    (t) => keep(prefetchKey.events(t.id), events, at),
    () => undefined,
  );
}
