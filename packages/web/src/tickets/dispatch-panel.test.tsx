import { fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../api/types';
import { ASSIGNMENT, CANDIDATES, me, TICKET, WithMe, ZHANG } from '../dispatch/dispatch-fixtures';
import { renderUi, stubFetch } from '../test/render';
import { DispatchPanel } from './dispatch-panel';

const ticket = { ...TICKET, status: 'open', priority: 'high', site: { lat: 31.2, lng: 121.5, address: '上海市浦东新区世纪大道 100 号' } } as unknown as Ticket;
const dispatch = { current: ASSIGNMENT, history: [ASSIGNMENT], need: CANDIDATES.need, queued: null };

// the ticket page, and the ticket list a decline goes to
const onTicketPage = (ui: React.ReactNode) => (
  <MemoryRouter initialEntries={[`/tickets/${TICKET.id}`]}>
    <Routes>
      <Route path="/tickets/:ref" element={ui} />
      <Route path="/tickets" element={<div data-testid="ticket-list-page" />} />
    </Routes>
  </MemoryRouter>
);

function stub(userId: string, role: string, decline: (body: unknown) => { status: number; body?: unknown } = () => ({ status: 204 })) {
  return stubFetch({
    'GET /api/v1/auth/me': () => ({ status: 200, body: me(userId, role, '张伟') }),
    [`GET /api/v1/tickets/${TICKET.id}/dispatch`]: () => ({ status: 200, body: dispatch }),
    [`GET /api/v1/tickets/${TICKET.id}/dispatch/candidates`]: () => ({ status: 200, body: CANDIDATES }),
    [`POST /api/v1/tickets/${TICKET.id}/dispatch/accept`]: () => ({ status: 200, body: { ...ASSIGNMENT, state: 'accepted' } }),
    [`POST /api/v1/tickets/${TICKET.id}/dispatch/decline`]: decline,
  });
}

describe('the ticket dispatch panel', () => {
  it('shows the state, the site and why in words; the offered engineer accepts', async () => {
    const calls = stub(ZHANG, 'engineer');
    renderUi(
      onTicketPage(
        <WithMe>
          <DispatchPanel ticket={ticket} version={0} />
        </WithMe>,
      ),
    );
    expect((await screen.findByTestId('dispatch-state')).textContent).toBe('已派单待接单');
    expect(screen.getByTestId('dispatch-site').textContent).toBe('服务地点：上海市浦东新区世纪大道 100 号');
    expect(screen.getByTestId('dispatch-why').textContent).toMatch(/^系统按综合评分派给 张伟：距离 3.2 公里·约 6 分钟/);
    // an engineer does not dispatch: no recommendations
    expect(screen.queryByTestId('dispatch-recommendations')).toBeNull();
    fireEvent.click(screen.getByTestId('dispatch-accept'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/dispatch/accept'))).toBe(true));
  });

  it('declines only with a reason', async () => {
    const calls = stub(ZHANG, 'engineer');
    renderUi(
      onTicketPage(
        <WithMe>
          <DispatchPanel ticket={ticket} version={0} />
        </WithMe>,
      ),
    );
    fireEvent.click(await screen.findByTestId('dispatch-decline'));
    fireEvent.click(await screen.findByTestId('decline-confirm'));
    expect(await screen.findByText('请填写拒单原因')).toBeTruthy();
    fireEvent.change(screen.getByTestId('decline-reason'), { target: { value: '手上有急修单，今天去不了' } });
    fireEvent.click(screen.getByTestId('decline-confirm'));
    await waitFor(() => expect(calls.find((c) => c.url.endsWith('/dispatch/decline'))?.body).toEqual({ reason: '手上有急修单，今天去不了' }));
    // the ticket is no longer theirs: off to the ticket list with the toast, not a half-empty page
    expect(await screen.findByTestId('ticket-list-page')).toBeTruthy();
    expect(await screen.findByText('已拒单，工单退回派单')).toBeTruthy();
    expect(screen.queryByTestId('dispatch-panel')).toBeNull();
  });

  it('says the limit of a reason up front, and puts the server\'s refusal of it under the reason', async () => {
    const message = 'reason: Too big: expected string to have <=1000 characters';
    stub(ZHANG, 'engineer', () => ({ status: 400, body: { error: { code: 'VALIDATION_FAILED', message, field: 'reason', details: [{ field: 'reason', code: 'too_big', message }] } } }));
    renderUi(
      onTicketPage(
        <WithMe>
          <DispatchPanel ticket={ticket} version={0} />
        </WithMe>,
      ),
    );
    fireEvent.click(await screen.findByTestId('dispatch-decline'));
    const reason = (await screen.findByTestId('decline-reason')) as HTMLTextAreaElement;
    expect(reason.maxLength).toBe(1000);
    fireEvent.change(reason, { target: { value: '客户改约' } });
    // the counter
    expect(await screen.findByText('4 / 1000')).toBeTruthy();
    fireEvent.click(screen.getByTestId('decline-confirm'));
    await waitFor(() => expect(reason.closest('.ant-form-item')!.querySelector('.ant-form-item-explain-error')?.textContent).toBe('内容太长'));
    expect(screen.queryByTestId('ticket-list-page')).toBeNull();
  });

  it('offers nothing to answer to others, and the recommendations to staff', async () => {
    stub('0190a0a0-0000-7000-8000-00000000du09', 'supervisor');
    renderUi(
      onTicketPage(
        <WithMe>
          <DispatchPanel ticket={ticket} version={0} />
        </WithMe>,
      ),
    );
    await screen.findByTestId('dispatch-state');
    expect(screen.queryByTestId('dispatch-accept')).toBeNull();
    expect(screen.getByTestId('dispatch-recommendations').textContent).toContain('推荐工程师');
    fireEvent.click(screen.getByTestId('dispatch-history-toggle'));
    expect((await screen.findByTestId('dispatch-history')).textContent).toContain('张伟 · 综合评分 · 已派单待接单');
  });
});
