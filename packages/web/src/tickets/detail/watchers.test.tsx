import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../api/types';
import type { SignedIn } from '../../auth/auth-context';
import { renderUi, stubFetch } from '../../test/render';
import { Watchers } from './related-panels';

// A ticket nobody watches says so in words, not with an empty picture.

const me = { id: '0190a0a0-0000-7000-8000-00000000000a', name: '王芳', role: 'agent', teamIds: [] } as unknown as SignedIn;
const ticket = { id: '0190a0a0-0000-7000-8000-000000010001', number: 10001 } as unknown as Ticket;

describe('the watchers section', () => {
  it('says there are no watchers yet', async () => {
    stubFetch({ 'GET /api/v1/tickets/0190a0a0-0000-7000-8000-000000010001/watchers': () => ({ status: 200, body: { items: [] } }) });
    renderUi(<Watchers ticket={ticket} me={me} />);
    expect((await screen.findByTestId('watchers-empty')).textContent).toBe('还没有关注人');
    expect(screen.getByTestId('watchers').querySelector('.ant-empty')).toBeNull();
  });

  it('lists the watchers instead once there are some', async () => {
    stubFetch({ 'GET /api/v1/tickets/0190a0a0-0000-7000-8000-000000010001/watchers': () => ({ status: 200, body: { items: [{ userId: 'u2', name: '李娜' }] } }) });
    renderUi(<Watchers ticket={ticket} me={me} />);
    await screen.findByText('李娜');
    expect(screen.queryByTestId('watchers-empty')).toBeNull();
  });
});
