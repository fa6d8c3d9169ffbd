import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { LiveMessage, LiveSocket } from '../api/live';
import { AuthProvider, useAuth } from '../auth/auth-context';
import { LiveProvider } from '../common/live-context';
import { renderUi, stubFetch } from '../test/render';
import JobPage from './job-page';

// the offline queue lives in IndexedDB, which the test DOM has not: nothing waits to be sent
vi.mock('./use-field-queue', () => ({
  useFieldQueue: () => ({ pending: [], failed: [], sending: false, enqueue: async () => undefined, syncNow: async () => undefined, dropFailed: async () => undefined }),
  useOnSent: () => undefined,
}));

const ME = '0190a0a0-0000-7000-8000-00000000000e';
const me = { type: 'user', id: ME, name: '郑浩', role: 'engineer', scope: 'own', teamIds: [], contactId: null, tenantId: 'x' };
const job = {
  ticketId: 't1', number: 10306, title: '电梯困人', status: 'open', priority: 'high', customer: '张三', address: '上海市徐汇区漕溪北路 444 号', site: null,
  window: null, slaDueAt: null, slaState: null, visit: null, device: null, offer: { respondBy: null }, description: '', assigneeId: ME, steps: [],
};

/** A live channel the test speaks into. */
function fakeLive() {
  const listeners = new Set<(m: LiveMessage) => void>();
  const socket = { state: 'open', start() {}, stop() {}, onState: () => () => undefined, subscribe: (fn: (m: LiveMessage) => void) => (listeners.add(fn), () => listeners.delete(fn)) };
  return { socket: socket as unknown as LiveSocket, say: (m: LiveMessage) => act(() => listeners.forEach((l) => l(m))) };
}

function SignedIn() {
  return useAuth().me ? <JobPage /> : null;
}

function renderJob(live: ReturnType<typeof fakeLive>) {
  return renderUi(
    <AuthProvider>
      <LiveProvider socket={live.socket}>
        <MemoryRouter initialEntries={['/field/jobs/t1']}>
          <Routes>
            <Route path="/field/jobs/:ticketId" element={<SignedIn />} />
            <Route path="/field" element={<div data-testid="the-list" />} />
          </Routes>
        </MemoryRouter>
      </LiveProvider>
    </AuthProvider>,
  );
}

const gone = (code: string) => ({ status: 409, body: { error: { code, message: 'This job was given to another engineer; it is no longer yours' } } });

describe('the job page when a dispatcher gives the job to someone else', () => {
  it('learns it from the live notification: says so in words and leads back to the list', async () => {
    let reassigned = false;
    stubFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
      'GET /api/v1/field/jobs/t1': () => (reassigned ? gone('DISPATCH_REASSIGNED') : { status: 200, body: job }),
      'GET /api/v1/tickets/t1/dispatch': () => ({ status: 200, body: { current: { userId: ME, state: 'offered' } } }),
    });
    const live = fakeLive();
    renderJob(live);
    expect(await screen.findByTestId('offer-accept')).toBeTruthy();

    reassigned = true;
    // the server tells the one who lost the job (their ticket events stop reaching them)
    live.say({ type: 'notification', notification: { id: 'n1', kind: 'unassigned', ticketId: 't1', data: {}, readAt: null, createdAt: new Date().toISOString() } as never });
    const page = await screen.findByTestId('field-job-gone');
    expect(page.textContent).toContain('此工单已改派给其他工程师');
    expect(screen.queryByTestId('offer-accept')).toBeNull();
    fireEvent.click(screen.getByTestId('field-job-gone-back'));
    expect(await screen.findByTestId('the-list')).toBeTruthy();
  });

  it('接单 on a job gone back to dispatch: the toast in the interface language, then the page says so', async () => {
    let returned = false;
    stubFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
      'GET /api/v1/field/jobs/t1': () => (returned ? gone('DISPATCH_RETURNED') : { status: 200, body: job }),
      'GET /api/v1/tickets/t1/dispatch': () => ({ status: 200, body: { current: { userId: ME, state: 'offered' } } }),
      'POST /api/v1/tickets/t1/dispatch/accept': () => ((returned = true), gone('DISPATCH_RETURNED')),
    });
    renderJob(fakeLive());
    fireEvent.click(await screen.findByTestId('offer-accept'));
    await waitFor(() => expect(document.body.textContent).toContain('此工单已退回派单'));
    expect(document.body.textContent).not.toContain('no longer yours');
    expect((await screen.findByTestId('field-job-gone')).textContent).toContain('此工单已退回派单');
  });

  it('拒单 with a usual reason in one tap (still editable), the length shown, and back to the list', async () => {
    const calls = stubFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
      'GET /api/v1/field/jobs/t1': () => ({ status: 200, body: job }),
      'GET /api/v1/tickets/t1/dispatch': () => ({ status: 200, body: { current: { userId: ME, state: 'offered' } } }),
      'POST /api/v1/tickets/t1/dispatch/decline': () => ({ status: 204 }),
    });
    renderJob(fakeLive());
    fireEvent.click(await screen.findByTestId('offer-decline'));
    const send = screen.getByTestId('offer-decline-send') as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.click(screen.getByText('距离太远，无法按时到达'));
    const reason = screen.getByTestId('decline-reason') as HTMLTextAreaElement;
    expect(reason.value).toBe('距离太远，无法按时到达');
    fireEvent.change(reason, { target: { value: '距离太远，无法按时到达（在浦东）' } });
    expect(document.body.textContent).toContain('/ 1000');
    fireEvent.click(send);
    expect(await screen.findByTestId('the-list')).toBeTruthy();
    expect(calls.find((c) => c.url.endsWith('/dispatch/decline'))?.body).toEqual({ reason: '距离太远，无法按时到达（在浦东）' });
  });

  it('keeps the job on screen when a recheck fails offline (its steps still queue)', async () => {
    stubFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
      'GET /api/v1/field/jobs/t1': () => ({ status: 200, body: job }),
      'GET /api/v1/tickets/t1/dispatch': () => ({ status: 200, body: { current: { userId: ME, state: 'accepted' } } }),
    });
    const online = globalThis.fetch;
    const live = fakeLive();
    renderJob(live);
    await waitFor(() => expect(document.body.textContent).toContain('上海市徐汇区漕溪北路 444 号'));
    // the network goes; a live word about the job makes the page check it again, which fails
    let rechecks = 0;
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).includes('/field/jobs/t1')) {
        rechecks += 1;
        throw new TypeError('Failed to fetch');
      }
      return online(input, init);
    }) as typeof fetch;
    live.say({ type: 'ticket.event', ticketId: 't1', event: { kind: 'comment.added' } } as never);
    await waitFor(() => expect(rechecks).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 100));
    expect(document.body.textContent).toContain('上海市徐汇区漕溪北路 444 号');
    expect(document.body.textContent).not.toContain('加载失败');
  });
});
