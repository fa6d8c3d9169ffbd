import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MemoryRouter, Route, Routes } from 'react-router';
import { AuthProvider, useAuth } from '../auth/auth-context';
import { renderUi, stubFetch } from '../test/render';
import { ArticleFromTicketButton } from './article-from-ticket';

// 转为知识文章 on the ticket page: only on a resolved ticket; opens the new draft, or the article the ticket already has.

const TICKET = '0190a0a0-0000-7000-8000-0000000000b1';
const EXISTING = '0190a0a0-0000-7000-8000-0000000000a9';
const me = { type: 'user', id: '0190a0a0-0000-7000-8000-00000000000a', name: '坐席小王', role: 'agent', scope: 'all', teamIds: [], contactId: null, tenantId: 'x' };

function Page({ status }: { status: string }) {
  const { me } = useAuth();
  return me ? <ArticleFromTicketButton ticket={{ id: TICKET, status }} /> : null;
}

function start(status: string, answer: { status: number; body?: unknown }) {
  const calls = stubFetch({ 'GET /api/v1/auth/me': () => ({ status: 200, body: me }), [`POST /api/v1/tickets/${TICKET}/article-draft`]: () => answer });
  renderUi(
    <AuthProvider>
      <MemoryRouter initialEntries={['/tickets/1']}>
        <Routes>
          <Route path="/tickets/1" element={<Page status={status} />} />
          <Route path="/knowledge/:id" element={<div data-testid="opened">opened</div>} />
        </Routes>
      </MemoryRouter>
    </AuthProvider>,
  );
  return calls;
}

describe('turning a ticket into an article', () => {
  it('is offered on a resolved ticket and opens the draft it made', async () => {
    const calls = start('resolved', { status: 201, body: { id: '0190a0a0-0000-7000-8000-0000000000a1' } });
    const button = await screen.findByTestId('ticket-to-article');
    expect(button.textContent).toContain('转为知识文章');
    await act(async () => {
      fireEvent.click(button);
    });
    await screen.findByTestId('opened');
    expect(calls.some((c) => c.method === 'POST')).toBe(true);
  });

  it('opens the article the ticket already has', async () => {
    start('closed', { status: 409, body: { error: { code: 'CONFLICT', message: 'exists', field: 'ticketId', details: [{ field: 'ticketId', code: 'duplicate', message: 'exists', value: EXISTING }] } } });
    fireEvent.click(await screen.findByTestId('ticket-to-article'));
    await screen.findByTestId('opened');
  });

  it('is not offered on an open ticket', async () => {
    const calls = start('open', { status: 500 });
    await waitFor(() => expect(calls.some((c) => c.url === '/api/v1/auth/me')).toBe(true));
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(document.querySelector('[data-testid="ticket-to-article"]')).toBeNull();
  });
});
