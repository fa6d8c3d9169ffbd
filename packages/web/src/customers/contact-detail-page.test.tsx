import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { stubFetch } from '../test/render';
import { renderApp } from '../test/render-app';

const me = { type: 'user', id: '0190a0a0-0000-7000-8000-00000000000a', name: '赵主管', role: 'supervisor', scope: 'all', teamIds: [], contactId: null, tenantId: 'x' };
const HERE = '0190a0a0-0000-7000-8000-0000000000c1';
const OWNER = '0190a0a0-0000-7000-8000-0000000000c2';
const contact = (id: string, name: string, phone: string) => ({
  id,
  name,
  organizationId: null,
  organization: null,
  tier: null,
  effectiveTier: 'standard',
  notes: '',
  identities: [{ kind: 'phone', value: phone }],
  createdAt: '2026-11-20T08:00:00Z',
});

describe('contact page', () => {
  beforeEach(() => {
    (globalThis as { WebSocket?: unknown }).WebSocket = class {
      close() {}
    };
  });

  it('offers to merge the contact that already has an identity, with that contact chosen', async () => {
    window.history.pushState({}, '', `/customers/contacts/${HERE}`);
    const message = `phone 13912345678 already belongs to another contact (李四, ${OWNER}); merge the contacts instead`;
    stubFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
      [`GET /api/v1/contacts/${HERE}`]: () => ({ status: 200, body: contact(HERE, '李四（新）', '13800000000') }),
      [`GET /api/v1/contacts/${OWNER}`]: () => ({ status: 200, body: contact(OWNER, '李四', '13912345678') }),
      [`POST /api/v1/contacts/${HERE}/identities`]: () => ({
        status: 409,
        body: { error: { code: 'CONFLICT', message, field: 'value', details: [{ field: 'value', code: 'identity_taken', message, ownerId: OWNER, ownerName: '李四' }] } },
      }),
      'GET /api/v1/tickets': () => ({ status: 200, body: { items: [], nextCursor: null } }),
      'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/teams': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/notifications': () => ({ status: 200, body: { items: [], unread: 0, nextBefore: null } }),
    });
    renderApp();
    fireEvent.change(await screen.findByTestId('identity-value'), { target: { value: '13912345678' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('identity-add'));
    });
    fireEvent.click(await screen.findByTestId('identity-owner-merge'));
    const preview = await screen.findByTestId('merge-preview');
    await waitFor(() => expect(preview.textContent).toContain('13912345678'));
    expect(preview.textContent).toContain('李四');
    expect(screen.getByTestId('merge-ok').closest('button')?.disabled ?? false).toBe(false);
  });
});
