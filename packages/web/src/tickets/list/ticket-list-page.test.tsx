import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { stubFetch } from '../../test/render';
import { renderApp } from '../../test/render-app';

const me = { type: 'user', id: '0190a0a0-0000-7000-8000-00000000000a', name: '王芳', role: 'agent', scope: 'all', teamIds: ['0190a0a0-0000-7000-8000-0000000000f1'], contactId: null, tenantId: 'x' };
const ticket = (n: number) => ({
  id: `0190a0a0-0000-7000-8000-0000000${n}`,
  number: n,
  title: `打印机故障 ${n}`,
  status: 'open',
  priority: 'normal',
  channel: 'phone',
  requesterName: '张三',
  assigneeName: null,
  teamName: null,
  tags: [],
  customFields: {},
  createdAt: '2026-11-22T08:00:00Z',
  updatedAt: '2026-11-22T08:00:00Z',
});

function start(path: string, countBody: { count: number; capped?: boolean } = { count: 1234 }) {
  window.history.pushState({}, '', path);
  const calls = stubFetch({
    'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
    'GET /api/v1/tickets': () => ({ status: 200, body: { items: [ticket(10001), ticket(10002)], nextCursor: 'c2' } }),
    'GET /api/v1/tickets/count': () => ({ status: 200, body: countBody }),
    'GET /api/v1/views': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/teams': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/users': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/notifications': () => ({ status: 200, body: { items: [], unread: 0, nextBefore: null } }),
  });
  renderApp();
  return calls;
}

const listCalls = (calls: { method: string; url: string }[]) => calls.filter((c) => c.method === 'GET' && c.url.startsWith('/api/v1/tickets?')).map((c) => new URLSearchParams(c.url.split('?')[1]));

describe('ticket list ↔ URL', () => {
  beforeEach(() => {
    (globalThis as { WebSocket?: unknown }).WebSocket = class {
      close() {}
    };
  });

  it('asks the API for the filters written in the URL, with a keyset page size', async () => {
    const calls = start('/tickets?view=custom&status=open,pending&priority=urgent&q=打印机&assignee=none&sort=-priority');
    await waitFor(() => expect(listCalls(calls).length).toBeGreaterThan(0));
    const q = listCalls(calls)[0];
    expect(q.get('status')).toBe('open,pending');
    expect(q.get('priority')).toBe('urgent');
    expect(q.get('q')).toBe('打印机');
    expect(q.get('assignee')).toBe('none');
    expect(q.get('sort')).toBe('-priority');
    expect(q.get('limit')).toBe('50');
    expect(q.has('offset')).toBe(false);
    expect(q.has('cursor')).toBe(false);
  });

  it('counts views up to 10,000 and shows a bigger queue as 10,000+', async () => {
    const calls = start('/tickets', { count: 10000, capped: true });
    await waitFor(() => expect(screen.getByTestId('view-count-all').textContent).toBe('10,000+'));
    const counts = calls.filter((c) => c.url.startsWith('/api/v1/tickets/count'));
    expect(counts.every((c) => new URLSearchParams(c.url.split('?')[1]).get('upTo') === '10000')).toBe(true);
  });

  it('writes a chosen view and a search into the URL, and counts each view', async () => {
    const calls = start('/tickets');
    await screen.findByTestId('views-panel');
    // the default view is "my open tickets"
    await waitFor(() => expect(listCalls(calls)[0]?.get('assignee')).toBe('me'));
    await waitFor(() => expect(screen.getByTestId('view-count-mine').textContent).toBe('1,234'));
    // 全部 and 最近更新 have the same filters: one count request serves both
    await waitFor(() => expect(screen.getByTestId('view-count-recent').textContent).toBe('1,234'));
    const countQueries = calls.filter((c) => c.url.startsWith('/api/v1/tickets/count')).map((c) => c.url);
    expect(new Set(countQueries).size).toBe(countQueries.length);
    fireEvent.click(screen.getByTestId('view-unassigned'));
    await waitFor(() => expect(window.location.search).toContain('view=unassigned'));
    await waitFor(() => expect(listCalls(calls).at(-1)?.get('assignee')).toBe('none'));
    const input = screen.getByTestId('filter-q').querySelector('input')!;
    fireEvent.change(input, { target: { value: '无法打印' } });
    await act(async () => {
      fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
    });
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('q')).toBe('无法打印'));
    await waitFor(() => expect(listCalls(calls).at(-1)?.get('q')).toBe('无法打印'));
    // the view's filters stay, now as a custom list
    expect(new URLSearchParams(window.location.search).get('assignee')).toBe('none');
  });

  it('asks for the next page by cursor', async () => {
    const calls = start('/tickets?view=all');
    fireEvent.click(await screen.findByTestId('load-more'));
    await waitFor(() => expect(listCalls(calls).some((q) => q.get('cursor') === 'c2')).toBe(true));
  });
});
