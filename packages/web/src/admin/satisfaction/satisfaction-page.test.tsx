import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render-app';
import { stubFetch } from '../../test/render';

// 管理 › 满意度: the report of a period and the survey settings.

const me = { type: 'user', id: '0190a0a0-0000-7000-8000-00000000000a', name: '管理员', role: 'admin', scope: 'all', teamIds: [], contactId: null, tenantId: 'x' };
const TEAM = '0190a0a0-0000-7000-8000-0000000000c1';
const summary = (count: number, average: number | null) => ({ count, average, distribution: [1, 0, 0, 1, 2], satisfiedPercent: 75 });
const report = {
  from: '2026-02-01T00:00:00Z',
  to: '2026-03-03T00:00:00Z',
  ...summary(4, 3.75),
  nps: { answers: 2, promoters: 1, passives: 1, detractors: 0, score: 50 },
  byVia: { survey: 3, wecom: 1 },
  surveys: { sent: 8, answered: 4, responseRate: 50 },
  byTeam: [{ id: TEAM, name: '售后一组', ...summary(4, 3.75) }],
  byAgent: [],
  byCategory: [],
};
const settings = { enabled: true, npsEnabled: false, lowScoreThreshold: 2, expiryDays: 30, updatedAt: null };

describe('satisfaction administration', () => {
  beforeEach(() => {
    (globalThis as { WebSocket?: unknown }).WebSocket = class {
      close() {}
    };
  });

  it('shows the report and saves the settings', async () => {
    window.history.pushState({}, '', '/admin/satisfaction');
    const calls = stubFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
      'GET /api/v1/csat/report': () => ({ status: 200, body: report }),
      'GET /api/v1/csat/settings': () => ({ status: 200, body: settings }),
      'PUT /api/v1/csat/settings': (b) => ({ status: 200, body: { ...(b as object), updatedAt: '2026-03-02T01:00:00Z' } }),
      'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/teams': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/users': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/notifications': () => ({ status: 200, body: { items: [], unread: 0, nextBefore: null } }),
    });
    renderApp();
    expect((await screen.findByTestId('csat-count')).textContent).toContain('4');
    expect(screen.getByTestId('csat-response-rate').textContent).toContain('50');
    expect(screen.getByTestId('csat-by-team').textContent).toContain('售后一组');
    const threshold = await screen.findByTestId('csat-threshold');
    fireEvent.change(threshold, { target: { value: '1' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('csat-nps-enabled'));
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId('csat-settings-save'));
    });
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ enabled: true, npsEnabled: true, lowScoreThreshold: 1, expiryDays: 30 }));
    expect(calls.find((c) => c.url.includes('/csat/report'))?.url).toMatch(/from=.*&to=/);
  });
});
