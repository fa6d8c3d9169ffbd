import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderUi, stubFetch } from '../test/render';
import { renderApp } from '../test/render-app';
import { DispatchPreferencesCard } from './dispatch-preferences-card';

// 客户偏好: a customer's preferred engineers (指定工程师) and excluded people (排除人员), saved with one PUT;
// shown to admins and supervisors only.

const ORG = '0190a0a0-0000-7000-8000-0000000000b1';
const GAO = '0190a0a0-0000-7000-8000-000000000001';
const LIN = '0190a0a0-0000-7000-8000-000000000002';
const HE = '0190a0a0-0000-7000-8000-000000000003';
const person = (userId: string, name: string) => ({
  userId, name, email: `${userId}@example.cn`, role: 'engineer', teamIds: [], configured: true, skills: {}, certifications: [], regions: [], area: null,
  languages: ['zh'], productLines: [], shift: null, capacity: {}, home: null, outletId: null, status: 'available', statusAt: null,
});
const staff = { items: [person(GAO, '高峰'), person(LIN, '林涛'), person(HE, '何勇')] };
const prefs = { contactId: null, organizationId: ORG, preferredUserIds: [GAO], excludedUserIds: [], updatedAt: '2026-11-20T08:00:00Z' };

const pick = async (testId: string, name: string) => {
  fireEvent.mouseDown(screen.getByTestId(testId).querySelector('.ant-select-selector, .ant-select-content, input')!);
  const options = await screen.findAllByTitle(name);
  fireEvent.click(options[options.length - 1]);
};

describe('customer preferences card', () => {
  it('shows the preferred engineers and saves both lists with one PUT', async () => {
    const calls = stubFetch({
      'GET /api/v1/dispatch/customer-preferences': () => ({ status: 200, body: prefs }),
      'GET /api/v1/dispatch/profiles': () => ({ status: 200, body: staff }),
      'PUT /api/v1/dispatch/customer-preferences': (body) => ({ status: 200, body: { ...prefs, ...(body as object) } }),
    });
    renderUi(<DispatchPreferencesCard owner={{ organizationId: ORG }} />);
    await waitFor(() => expect(screen.getByTestId('preferences-preferred').textContent).toContain('高峰'));
    expect(calls[0].url).toContain(`organizationId=${ORG}`);

    await pick('preferences-excluded', '何勇');
    await waitFor(() => expect(screen.getByTestId('preferences-excluded').textContent).toContain('何勇'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('preferences-save'));
    });
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ organizationId: ORG, preferredUserIds: [GAO], excludedUserIds: [HE] });
  });

  it("shows the server's error under the list it is about", async () => {
    const message = `excludedUserIds.0: ${LIN} is not active staff`;
    stubFetch({
      'GET /api/v1/dispatch/customer-preferences': () => ({ status: 200, body: { ...prefs, organizationId: null, contactId: ORG } }),
      'GET /api/v1/dispatch/profiles': () => ({ status: 200, body: staff }),
      'PUT /api/v1/dispatch/customer-preferences': () => ({
        status: 400,
        body: { error: { code: 'VALIDATION_FAILED', message, field: 'excludedUserIds.0', details: [{ field: 'excludedUserIds.0', code: 'not_staff', message }] } },
      }),
    });
    renderUi(<DispatchPreferencesCard owner={{ contactId: ORG }} />);
    await waitFor(() => expect(screen.getByTestId('preferences-preferred').textContent).toContain('高峰'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('preferences-save'));
    });
    await waitFor(() => expect(screen.getByTestId('preferences-excluded').closest('.ant-form-item')!.querySelector('.ant-form-item-explain-error')).not.toBeNull());
  });
});

describe('organization page', () => {
  beforeEach(() => {
    (globalThis as { WebSocket?: unknown }).WebSocket = class {
      close() {}
    };
  });
  const open = (role: string) => {
    window.history.pushState({}, '', `/customers/organizations/${ORG}`);
    stubFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: { type: 'user', id: LIN, name: '赵主管', role, scope: 'all', teamIds: [], contactId: null, tenantId: 'x' } }),
      [`GET /api/v1/organizations/${ORG}`]: () => ({ status: 200, body: { id: ORG, name: '上海电梯公司', domain: '', tier: 'vip', notes: '', contactCount: 0, createdAt: '2026-11-20T08:00:00Z' } }),
      'GET /api/v1/contacts': () => ({ status: 200, body: { items: [], total: 0 } }),
      'GET /api/v1/dispatch/customer-preferences': () => ({ status: 200, body: prefs }),
      'GET /api/v1/dispatch/profiles': () => ({ status: 200, body: staff }),
      'GET /api/v1/tickets': () => ({ status: 200, body: { items: [], nextCursor: null } }),
      'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/teams': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/notifications': () => ({ status: 200, body: { items: [], unread: 0, nextBefore: null } }),
    });
    renderApp();
  };

  it('shows 客户偏好 to a supervisor', async () => {
    open('supervisor');
    const card = await screen.findByTestId('dispatch-preferences');
    expect(within(card).getByText('客户偏好')).toBeTruthy();
  });

  it('does not show it to an agent', async () => {
    open('agent');
    await screen.findByTestId('organization-title');
    expect(screen.queryByTestId('dispatch-preferences')).toBeNull();
  });
});
