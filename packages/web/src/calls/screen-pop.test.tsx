import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CallInfo } from '../api/live';
import { stubFetch } from '../test/render';
import { renderApp } from '../test/render-app';
import { nextCall } from './screen-pop';

const ME = '0190a0a0-0000-7000-8000-00000000000a';
const me = { type: 'user', id: ME, name: '李娜', role: 'agent', scope: 'all', teamIds: [], contactId: null, tenantId: 'x' };
const CONTACT = '0190a0a0-0000-7000-8000-0000000000c7';

/** The console's live socket, driven by the test: every socket the app opens, and a way to push a message. */
class TestSocket {
  static all: TestSocket[] = [];
  readyState = 1;
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    TestSocket.all.push(this);
    setTimeout(() => this.onopen?.(), 0);
  }
  send() {}
  close() {
    this.readyState = 3;
  }
}
const push = (msg: unknown) => act(async () => TestSocket.all.forEach((s) => s.onmessage?.({ data: JSON.stringify(msg) })));

function app() {
  const calls = stubFetch({
    'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
    'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/teams': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/custom-fields': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/notifications': () => ({ status: 200, body: { items: [], unread: 0, nextBefore: null } }),
    'GET /api/v1/tickets': () => ({ status: 200, body: { items: [], nextCursor: null } }),
    'GET /api/v1/tickets/count': () => ({ status: 200, body: { count: 0 } }),
    'GET /api/v1/views': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/contacts/lookup': () => ({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'Contact not found' } } }),
  });
  window.history.pushState({}, '', '/tickets');
  renderApp();
  return calls;
}

const ringing = (over: Partial<CallInfo> = {}): CallInfo => ({ callId: 'call-1', state: 'ringing', caller: '13812345678', agentId: null, contact: null, openTickets: [], ...over });

describe('incoming call screen pop', () => {
  beforeEach(() => {
    TestSocket.all = [];
    (globalThis as { WebSocket?: unknown }).WebSocket = TestSocket;
  });

  it('shows a known caller with their open tickets', async () => {
    app();
    await screen.findByTestId('ticket-table');
    await waitFor(() => expect(TestSocket.all.length).toBeGreaterThan(0));
    expect(screen.queryByTestId('screen-pop-caller')).toBeNull();
    await push({
      type: 'call',
      call: ringing({
        contact: { id: CONTACT, name: '张三丰', tier: 'vip', organizationName: '华东电力' },
        openTickets: [{ id: 't1', number: 1042, title: '会议室投影仪无法显示画面', status: 'open' }],
        recordingUrl: 'https://cti.example.cn/r/1', // fields the console does not know yet are fine
      }),
    });
    expect((await screen.findByTestId('screen-pop-caller')).textContent).toContain('13812345678');
    expect(screen.getByTestId('screen-pop-state').textContent).toBe('来电振铃');
    const contact = screen.getByTestId('screen-pop-contact');
    expect(contact.textContent).toBe('张三丰');
    expect(contact.getAttribute('href')).toBe(`/customers/contacts/${CONTACT}`);
    expect(screen.getByTestId('screen-pop').textContent).toContain('华东电力');
    const tickets = screen.getByTestId('screen-pop-tickets');
    expect(within(tickets).getByText('#1042').getAttribute('href')).toBe('/tickets/1042');
    expect(within(tickets).getByText('会议室投影仪无法显示画面')).toBeTruthy();
    await push({ type: 'call', call: { ...ringing(), state: 'answered', agentId: ME } });
    expect(screen.getByTestId('screen-pop-state').textContent).toBe('通话中');
    expect(screen.getByTestId('screen-pop-contact').textContent).toBe('张三丰');
  });

  it('an unknown caller: 未知来电, and a new ticket with the number filled in', async () => {
    const calls = app();
    await screen.findByTestId('ticket-table');
    await waitFor(() => expect(TestSocket.all.length).toBeGreaterThan(0));
    await push({ type: 'call', call: ringing({ caller: '02168881234' }) });
    expect((await screen.findByTestId('screen-pop-unknown')).textContent).toBe('未知来电');
    fireEvent.click(screen.getByTestId('screen-pop-create'));
    await screen.findByTestId('create-form');
    expect(window.location.pathname + window.location.search).toBe('/tickets/new?phone=02168881234');
    // the caller was looked up, not found, and the number is the new requester's phone
    await waitFor(() => expect((screen.getByTestId('requester-phone') as HTMLInputElement).value).toBe('02168881234'));
    expect(calls.some((c) => c.url === '/api/v1/contacts/lookup?phone=02168881234')).toBe(true);
  });

  it('ignores calls ringing for another agent and closes when a colleague answers', () => {
    const shown = ringing();
    expect(nextCall(null, ringing({ agentId: 'someone-else' }), ME)).toBeNull();
    expect(nextCall(null, shown, ME)).toEqual(shown);
    expect(nextCall(shown, { ...shown, state: 'answered', agentId: 'someone-else' }, ME)).toBeNull();
    expect(nextCall(shown, { ...shown, callId: 'call-2', state: 'ended' }, ME)).toBe(shown);
    expect(nextCall(shown, { ...shown, state: 'ended' }, ME)?.state).toBe('ended');
  });
});
