import { act, screen } from '@testing-library/react';
import { BrowserRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppRoutes, Providers } from '../app';
import { setLanguage } from '../i18n';
import { renderUi, stubFetch } from '../test/render';

const me = { type: 'user', id: '0190a0a0-0000-7000-8000-00000000000a', name: '管理员', role: 'admin', scope: 'all', teamIds: [], contactId: null, tenantId: 'x' };

describe('ticket types administration', () => {
  beforeEach(() => {
    (globalThis as { WebSocket?: unknown }).WebSocket = class {
      close() {}
    };
  });

  it('lists each type by its name in the interface language only, never with its key', async () => {
    window.history.pushState({}, '', '/admin/ticket-types');
    stubFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
      'GET /api/v1/ticket-types': () => ({
        status: 200,
        body: { items: [{ id: 't1', key: 'complaint', nameZh: '投诉', nameEn: 'Complaint', active: true }, { id: 't2', key: 'repair', nameZh: '维修', nameEn: 'Repair', active: true }] },
      }),
      'GET /api/v1/custom-fields': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/teams': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/notifications': () => ({ status: 200, body: { items: [], unread: 0, nextBefore: null } }),
    });
    renderUi(
      <Providers>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </Providers>,
    );
    expect((await screen.findByTestId('type-complaint')).textContent).toBe('投诉');
    expect(screen.getByTestId('type-repair').textContent).toBe('维修');
    act(() => setLanguage('en'));
    try {
      expect(screen.getByTestId('type-complaint').textContent).toBe('Complaint');
    } finally {
      act(() => setLanguage('zh-CN'));
    }
  });
});
