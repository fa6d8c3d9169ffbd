import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PREFETCH_FRESH_MS, prefetchFor, prefetchKey, takePrefetched } from './prefetch';

// A cold load asks for the session, the ticket and its timeline at once, not one after the other.

const TICKET = { id: '019ae74a-c925-769a-a16a-401cb11aab4f', number: 10042, title: '打印机卡纸' };
const EVENTS = { items: [{ id: 'e1', kind: 'ticket.created' }], nextCursor: null };

describe('prefetch of a cold load', () => {
  let asked: string[];
  let answer: Record<string, () => void>;
  beforeEach(() => {
    asked = [];
    answer = {};
    // every request stays unanswered until the test answers it: what is asked before any answer is in parallel
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => {
        const path = url.replace('/api/v1', '');
        asked.push(path);
        return new Promise((resolve) => {
          const body = path === '/auth/me' ? { id: 'u1', name: '王芳' } : path.startsWith('/tickets/10042/events') ? EVENTS : TICKET;
          answer[path.split('?')[0]] = () => resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
        });
      }),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('asks for the session, the ticket and its first timeline page before any of them answers', async () => {
    prefetchFor('/tickets/10042');
    expect(asked).toEqual(['/auth/me', '/tickets/10042', '/tickets/10042/events?limit=100']);
    Object.values(answer).forEach((a) => a());
    await expect(takePrefetched(prefetchKey.me)).resolves.toMatchObject({ name: '王芳' });
    await expect(takePrefetched(prefetchKey.ticket('10042'))).resolves.toMatchObject({ number: 10042 });
    // the timeline is found by the ticket's id, as the page asks for it
    await expect(takePrefetched(prefetchKey.events(TICKET.id))).resolves.toEqual(EVENTS);
    // each answer is taken once: a later load asks the server
    expect(takePrefetched(prefetchKey.ticket('10042'))).toBeUndefined();
    expect(takePrefetched(prefetchKey.me)).toBeUndefined();
  });

  it('asks for nothing on the sign-in page, and only the session elsewhere', () => {
    prefetchFor('/login');
    expect(asked).toEqual([]);
    prefetchFor('/tickets/new');
    prefetchFor('/tickets');
    expect(asked).toEqual(['/auth/me', '/auth/me']);
    expect(takePrefetched(prefetchKey.ticket('new'))).toBeUndefined();
  });

  it('leaves an old answer alone: a page opened later asks again', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-04T10:00:00Z'), toFake: ['Date'] });
    prefetchFor('/tickets/10042');
    answer['/tickets/10042']();
    vi.setSystemTime(Date.now() + PREFETCH_FRESH_MS + 1);
    expect(takePrefetched(prefetchKey.ticket('10042'))).toBeUndefined();
    expect(takePrefetched(prefetchKey.me)).toBeUndefined();
  });
});
