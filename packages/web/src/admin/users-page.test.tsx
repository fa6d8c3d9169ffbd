import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { stubFetch } from '../test/render';
import { renderApp } from '../test/render-app';

const TEAM_A = '0190a0a0-0000-7000-8000-0000000000f1';
const TEAM_B = '0190a0a0-0000-7000-8000-0000000000f2';
const me = { type: 'user', id: '0190a0a0-0000-7000-8000-00000000000a', name: '管理员', role: 'admin', scope: 'all', teamIds: [], contactId: null, tenantId: 'x' };
const agent = { id: '0190a0a0-0000-7000-8000-00000000000b', email: 'lisi@acme.cn', name: '李四', phone: null, role: 'agent', scope: 'team', locale: 'zh-CN', active: true, teamIds: [TEAM_A, TEAM_B] };

describe('users administration', () => {
  beforeEach(() => {
    (globalThis as { WebSocket?: unknown }).WebSocket = class {
      close() {}
    };
  });

  it("changes a user's teams with the user, in one PATCH, never through the teams", async () => {
    window.history.pushState({}, '', '/admin/users');
    const calls = stubFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
      'GET /api/v1/users': () => ({ status: 200, body: { items: [agent] } }),
      'GET /api/v1/teams': () => ({
        status: 200,
        body: { items: [{ id: TEAM_A, name: '网络运维组', description: '', skills: [], memberIds: [agent.id] }, { id: TEAM_B, name: '桌面支持组', description: '', skills: [], memberIds: [agent.id] }] },
      }),
      [`PATCH /api/v1/users/${agent.id}`]: (b) => ({ status: 200, body: { ...agent, ...(b as object) } }),
      'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/notifications': () => ({ status: 200, body: { items: [], unread: 0, nextBefore: null } }),
    });
    renderApp();
    fireEvent.click(await screen.findByTestId(`user-edit-${agent.email}`));
    const teams = await screen.findByTestId('user-teams');
    await waitFor(() => expect(teams.textContent).toContain('桌面支持组'));
    // take 桌面支持组 away
    const removes = teams.parentElement!.parentElement!.querySelectorAll('.ant-select-selection-item-remove');
    expect(removes.length).toBe(2);
    await act(async () => {
      fireEvent.click(removes[1]);
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId('user-form-ok'));
    });
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patches = calls.filter((c) => c.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0].url).toBe(`/api/v1/users/${agent.id}`);
    expect(patches[0].body).toMatchObject({ name: '李四', role: 'agent', teamIds: [TEAM_A] });
  });

  it('shows why a new password is refused, in the interface language, next to the field', async () => {
    window.history.pushState({}, '', '/admin/users');
    stubFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
      'GET /api/v1/users': () => ({ status: 200, body: { items: [agent] } }),
      'GET /api/v1/teams': () => ({ status: 200, body: { items: [] } }),
      [`PATCH /api/v1/users/${agent.id}`]: () => ({
        status: 400,
        body: { error: { code: 'VALIDATION_FAILED', message: 'Password is one of the most common passwords', field: 'password', details: [{ field: 'password', code: 'password_too_common', message: 'Password is one of the most common passwords' }] } },
      }),
      'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/notifications': () => ({ status: 200, body: { items: [], unread: 0, nextBefore: null } }),
    });
    renderApp();
    fireEvent.click(await screen.findByTestId(`user-password-${agent.email}`));
    fireEvent.change(await screen.findByTestId('password-new'), { target: { value: 'P@ssw0rd!' } });
    fireEvent.change(screen.getByTestId('password-confirm'), { target: { value: 'P@ssw0rd!' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('password-ok'));
    });
    expect(await screen.findByText(/这是最常见的密码之一/)).toBeTruthy();
  });
});
