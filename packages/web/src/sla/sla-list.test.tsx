import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { stubFetch } from '../test/render';
import { renderApp } from '../test/render-app';
import { choose } from '../test/select';

// The ticket list's SLA: the filter (正常 / 即将超时 / 已超时 / 暂停) and the 最先到期 sort from and into the
// URL and on to the API, and the countdown column from the ticket view's `sla`.

const me = { type: 'user', id: '0190a0a0-0000-7000-8000-00000000000a', name: '王芳', role: 'agent', scope: 'all', teamIds: [], contactId: null, tenantId: 'x' };
const ticket = (n: number, sla: { dueAt: string | null; state: string } | null) => ({
  id: `0190a0a0-0000-7000-8000-0000000${n}`,
  number: n,
  title: `空调不制冷 ${n}`,
  status: 'open',
  priority: 'high',
  channel: 'phone',
  requesterName: '张三',
  assigneeName: null,
  teamName: null,
  tags: [],
  customFields: {},
  createdAt: '2026-11-22T08:00:00Z',
  updatedAt: '2026-11-22T08:00:00Z',
  sla,
});

function start(path: string) {
  window.history.pushState({}, '', path);
  const now = Date.now();
  const calls = stubFetch({
    'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
    'GET /api/v1/tickets': () => ({
      status: 200,
      body: {
        items: [
          ticket(10001, { dueAt: new Date(now + 135 * 60_000 - 1000).toISOString(), state: 'ok' }),
          ticket(10002, { dueAt: new Date(now - 35 * 60_000 - 10_000).toISOString(), state: 'breached' }),
          ticket(10003, { dueAt: null, state: 'paused' }),
          ticket(10004, null),
        ],
        nextCursor: null,
      },
    }),
    'GET /api/v1/tickets/count': () => ({ status: 200, body: { count: 4 } }),
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

describe('the ticket list’s SLA', () => {
  beforeEach(() => {
    (globalThis as { WebSocket?: unknown }).WebSocket = class {
      close() {}
    };
  });

  it('asks the API for the SLA filter and the 最先到期 sort written in the URL, and shows each countdown', async () => {
    const calls = start('/tickets?view=custom&sla=warning,breached&sort=sla_due_at&cols=number,title,sla');
    await waitFor(() => expect(listCalls(calls).length).toBeGreaterThan(0));
    expect(listCalls(calls)[0].get('sla')).toBe('warning,breached');
    expect(listCalls(calls)[0].get('sort')).toBe('sla_due_at');
    expect((await screen.findByTestId('sla-cell-10001')).textContent).toBe('剩余 2小时15分');
    expect(screen.getByTestId('sla-cell-10001').dataset.tone).toBe('ok');
    expect(screen.getByTestId('sla-cell-10002').textContent).toBe('已超时 35分');
    expect(screen.getByTestId('sla-cell-10002').dataset.tone).toBe('breached');
    expect(screen.getByTestId('sla-cell-10003').textContent).toBe('暂停计时');
    expect(screen.queryByTestId('sla-cell-10004')).toBeNull();
    expect(screen.getByTestId('sort').textContent).toContain('最先到期');
  });

  it('writes the 最先到期 sort into the URL and keeps the SLA filter', async () => {
    const calls = start('/tickets?view=custom&sla=breached');
    await screen.findByTestId('filter-sla');
    await choose('sort', '最先到期');
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('sort')).toBe('sla_due_at'));
    expect(new URLSearchParams(window.location.search).get('sla')).toBe('breached');
    await waitFor(() => expect(listCalls(calls).at(-1)?.get('sort')).toBe('sla_due_at'));
    expect(listCalls(calls).at(-1)?.get('sla')).toBe('breached');
  });
});
