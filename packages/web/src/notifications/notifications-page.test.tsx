import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { LiveSocket } from '../api/live';
import { LiveProvider } from '../common/live-context';
import { renderUi, stubFetch } from '../test/render';
import NotificationsPage from './notifications-page';

class FakeSocket {
  static last: FakeSocket | null = null;
  readyState = 0;
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  constructor() {
    FakeSocket.last = this;
  }
  send() {}
  close() {
    this.readyState = 3;
  }
  push(m: unknown) {
    this.onmessage?.({ data: JSON.stringify(m) });
  }
}

const n = (id: string, kind: string, number: number, readAt: string | null, createdAt: string) => ({
  id,
  kind,
  ticketId: `t-${number}`,
  data: { number, title: `打印机故障 ${number}`, by: '王芳' },
  readAt,
  createdAt,
});

function start(path = '/notifications') {
  const socket = new LiveSocket({ url: 'ws://x/api/v1/live', createSocket: () => new FakeSocket() as unknown as WebSocket });
  const calls = stubFetch({
    'GET /api/v1/notifications': () => ({
      status: 200,
      body: { items: [n('n2', 'assigned', 10002, null, '2026-11-22T09:00:00Z'), n('n1', 'mention', 10001, '2026-11-22T08:30:00Z', '2026-11-22T08:00:00Z')], unread: 1, nextBefore: null },
    }),
    'POST /api/v1/notifications/read': () => ({ status: 200, body: { updated: 1 } }),
    'POST /api/v1/notifications/read-all': () => ({ status: 200, body: { updated: 2 } }),
  });
  renderUi(
    <MemoryRouter initialEntries={[path]}>
      <LiveProvider socket={socket}>
        <NotificationsPage />
      </LiveProvider>
    </MemoryRouter>,
  );
  return calls;
}

describe('notification center', () => {
  it('lists notifications in words and puts a live one on top, once', async () => {
    start();
    await screen.findByText('王芳 把工单 #10002「打印机故障 10002」分配给了你');
    expect(screen.getByText('王芳 在工单 #10001「打印机故障 10001」中提到了你')).toBeTruthy();
    const live = n('n3', 'mention', 10003, null, '2026-11-22T10:00:00Z');
    act(() => {
      FakeSocket.last!.push({ type: 'notification', notification: live });
      FakeSocket.last!.push({ type: 'notification', notification: live }); // delivered twice: shown once
    });
    await waitFor(() => expect(screen.getAllByTestId('notification-item')).toHaveLength(3));
    expect(screen.getAllByTestId('notification-item')[0].textContent).toContain('#10003');
    expect(screen.getAllByTestId('notification-item')[0].getAttribute('data-unread')).toBe('true');
    expect(screen.getByTestId('notifications-filter').textContent).toContain('未读 (2)');
    expect(screen.getAllByText(/#10003/)).toHaveLength(1);
  });

  it('marks one read, then all read', async () => {
    const calls = start();
    await screen.findByText('王芳 把工单 #10002「打印机故障 10002」分配给了你');
    await act(async () => {
      fireEvent.click(screen.getByTestId('notification-mark-read'));
    });
    expect(calls.find((c) => c.url === '/api/v1/notifications/read')?.body).toEqual({ ids: ['n2'] });
    await waitFor(() => expect(screen.queryAllByTestId('notification-mark-read')).toHaveLength(0));
    act(() => FakeSocket.last!.push({ type: 'notification', notification: n('n4', 'watcher_added', 10004, null, '2026-11-22T11:00:00Z') }));
    await waitFor(() => expect(screen.queryAllByTestId('notification-mark-read')).toHaveLength(1));
    await act(async () => {
      fireEvent.click(screen.getByTestId('notifications-page-read-all'));
    });
    expect(calls.some((c) => c.url === '/api/v1/notifications/read-all')).toBe(true);
    await waitFor(() => expect(screen.queryAllByTestId('notification-mark-read')).toHaveLength(0));
  });

  it('asks the server only for unread ones with the filter', async () => {
    const calls = start('/notifications?unread=1');
    await waitFor(() => expect(calls.some((c) => c.url.startsWith('/api/v1/notifications?') && c.url.includes('unread=true'))).toBe(true));
  });
});
