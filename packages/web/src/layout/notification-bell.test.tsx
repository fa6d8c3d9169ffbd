import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { LiveSocket } from '../api/live';
import { LiveProvider } from '../common/live-context';
import { renderUi, stubFetch } from '../test/render';
import { NotificationBell } from './notification-bell';

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

const n = (id: string, number: number, readAt: string | null) => ({
  id,
  kind: 'assigned',
  ticketId: `t-${number}`,
  data: { number, title: `打印机故障 ${number}`, by: '王芳' },
  readAt,
  createdAt: '2026-11-22T09:00:00Z',
});

describe('notification bell', () => {
  it('shows the unread count, asks the server again on a live notification, and after marking all read', async () => {
    // the server's list: what the bell shows is what it says, a notification delivered twice included
    let items = [n('n1', 10001, null)];
    let unread = 1;
    const calls = stubFetch({
      'GET /api/v1/notifications': () => ({ status: 200, body: { items, unread, nextBefore: null } }),
      'POST /api/v1/notifications/read-all': () => {
        items = items.map((x) => ({ ...x, readAt: '2026-11-22T10:00:00Z' }));
        unread = 0;
        return { status: 200, body: { updated: 2 } };
      },
    });
    const socket = new LiveSocket({ url: 'ws://x/api/v1/live', createSocket: () => new FakeSocket() as unknown as WebSocket });
    renderUi(
      <MemoryRouter>
        <LiveProvider socket={socket}>
          <NotificationBell />
        </LiveProvider>
      </MemoryRouter>,
    );
    const bell = screen.getByTestId('notification-bell');
    await waitFor(() => expect(bell.querySelector('.ant-badge-count')?.getAttribute('title')).toBe('1'));
    const asked = () => calls.filter((c) => c.method === 'GET').length;
    const before = asked();

    items = [n('n2', 10002, null), ...items];
    unread = 2;
    act(() => FakeSocket.last!.push({ type: 'notification', notification: items[0] }));
    await waitFor(() => expect(bell.querySelector('.ant-badge-count')?.getAttribute('title')).toBe('2'));
    expect(asked()).toBeGreaterThan(before);

    fireEvent.click(bell);
    expect((await screen.findAllByTestId('notification-item')).length).toBe(2);
    fireEvent.click(screen.getByTestId('notifications-read-all'));
    await waitFor(() => expect(bell.querySelector('.ant-badge-count')).toBeNull());
    expect(calls.some((c) => c.url === '/api/v1/notifications/read-all')).toBe(true);
  });
});
