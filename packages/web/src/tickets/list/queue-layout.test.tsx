import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { stubFetch } from '../../test/render';
import { renderApp } from '../../test/render-app';
import { DEFAULT_COLUMNS, landingView } from './list-state';
import { tableMinWidth } from './ticket-table';

// Where the queue opens, how it says why a view is unavailable, its width at 1440 px and its phone layout.

const TEAM = '0190a0a0-0000-7000-8000-0000000000f1';
const person = (role: Me['role'], teamIds: string[] = []) => ({ type: 'user', id: '0190a0a0-0000-7000-8000-00000000000a', name: '王芳', role, scope: 'all', teamIds, contactId: null, tenantId: 'x' });
const ticket = (n: number) => ({
  id: `0190a0a0-0000-7000-8000-0000000${n}`,
  number: n,
  title: `打印机卡纸，三楼财务室无法打印报表 ${n}`,
  status: 'pending',
  priority: 'urgent',
  channel: 'phone',
  requesterName: '张三',
  assigneeName: null,
  teamName: '硬件维修组',
  tags: [],
  customFields: {},
  createdAt: '2026-11-22T08:00:00Z',
  updatedAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
});

function start(path: string, me: ReturnType<typeof person>, mine: number) {
  window.history.pushState({}, '', path);
  const calls = stubFetch({
    'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
    // 我的待办 (assignee=me) holds `mine` tickets; every other list two
    'GET /api/v1/tickets': () => ({ status: 200, body: { items: [] as unknown[], nextCursor: null } }),
    'GET /api/v1/tickets/count': () => ({ status: 200, body: { count: 2 } }),
    'GET /api/v1/views': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/teams': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/users': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/notifications': () => ({ status: 200, body: { items: [], unread: 0, nextBefore: null } }),
  });
  // the list answer depends on the query
  const base = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.startsWith('/api/v1/tickets?')) {
      calls.push({ method: 'GET', url, body: undefined });
      const q = new URLSearchParams(url.split('?')[1]);
      const n = q.get('assignee') === 'me' ? mine : 2;
      return new Response(JSON.stringify({ items: Array.from({ length: n }, (_, i) => ticket(10001 + i)), nextCursor: null }), { status: 200, headers: { 'content-type': 'application/json' } });
    }
    return base(input, init);
  }) as typeof fetch;
  renderApp();
  return calls;
}

const listCalls = (calls: { url: string }[]) => calls.filter((c) => c.url.startsWith('/api/v1/tickets?')).map((c) => new URLSearchParams(c.url.split('?')[1]));
const view = () => new URLSearchParams(window.location.search).get('view');

beforeEach(() => {
  (globalThis as { WebSocket?: unknown }).WebSocket = class {
    close() {}
  };
});

describe('where the queue opens', () => {
  it('picks a view with work in it by role when 我的待办 is empty', () => {
    expect(landingView({ role: 'admin', teamIds: [] })).toBe('unassigned');
    expect(landingView({ role: 'supervisor', teamIds: [TEAM] })).toBe('unassigned');
    expect(landingView({ role: 'agent', teamIds: [TEAM] })).toBe('myTeam');
    expect(landingView({ role: 'engineer', teamIds: [] })).toBe('unassigned');
  });

  it('takes an admin with nothing assigned from an empty 我的待办 to 未分配, and says so', async () => {
    const calls = start('/tickets', person('admin'), 0);
    await waitFor(() => expect(view()).toBe('unassigned'));
    await waitFor(() => expect(listCalls(calls).at(-1)?.get('assignee')).toBe('none'));
    expect(listCalls(calls)[0].get('assignee')).toBe('me');
    expect((await screen.findByTestId('landed-notice')).textContent).toContain('「我的待办」暂无工单，已为你打开「未分配」');
    await screen.findByTestId('ticket-row-10001');
  });

  it('stays on 我的待办 when it holds tickets, and never moves a list the address asked for', async () => {
    const calls = start('/tickets', person('admin'), 1);
    await screen.findByTestId('ticket-row-10001');
    await new Promise((r) => setTimeout(r, 50));
    expect(listCalls(calls).every((q) => q.get('assignee') === 'me')).toBe(true);
    expect(screen.queryByTestId('landed-notice')).toBeNull();
  });

  it('leaves an explicit 我的待办 alone even when it is empty', async () => {
    const calls = start('/tickets?view=mine', person('admin'), 0);
    await screen.findByText('没有符合条件的工单');
    await new Promise((r) => setTimeout(r, 50));
    expect(view()).toBe('mine');
    expect(listCalls(calls).every((q) => q.get('assignee') === 'me')).toBe(true);
  });

  it('says on the item why 我的团队 is unavailable to someone in no team', async () => {
    start('/tickets?view=all', person('agent'), 0);
    const item = await screen.findByTestId('view-myTeam-disabled');
    expect(item.textContent).toContain('我的团队');
    expect(item.textContent).toContain('未加入技能组');
  });
});

describe('the queue at 1440 px', () => {
  it('fits the default columns into the table beside the views panel', () => {
    // 1440 − navigation 180 − padding 32 − views panel 220 − gap 16, less a vertical scroll bar each for page and table
    expect(tableMinWidth(DEFAULT_COLUMNS)).toBeLessThanOrEqual(1440 - 180 - 32 - 220 - 16 - 2 * 15);
  });
});

describe('the queue on a phone', () => {
  const happy = (window as unknown as { happyDOM: { setViewport: (v: { width: number; height: number }) => void } }).happyDOM;
  beforeEach(() => happy.setViewport({ width: 390, height: 844 }));
  afterEach(() => happy.setViewport({ width: 1024, height: 768 }));

  it('shows tickets as cards with number, title, status, priority, requester and update time', async () => {
    start('/tickets?view=all', person('agent', [TEAM]), 0);
    const card = await screen.findByTestId('ticket-card-10001');
    const text = card.textContent ?? '';
    for (const part of ['#10001', '打印机卡纸，三楼财务室无法打印报表 10001', '待客户反馈', '紧急', '张三', '3 小时前更新']) expect(text).toContain(part);
    expect(screen.queryByTestId('ticket-table')).toBeNull();
    expect(screen.queryByTestId('views-panel')).toBeNull();
    // navigation behind the menu button, the whole name in the header
    expect(screen.getByTestId('app-name').textContent).toBe('工单');
    expect(screen.queryByTestId('main-nav')).toBeNull();
  });

  it('keeps the filters in a drawer opened from the 筛选 button', async () => {
    start('/tickets?view=all', person('agent', [TEAM]), 0);
    await screen.findByTestId('ticket-card-10001');
    expect(screen.queryByTestId('filter-bar')).toBeNull();
    fireEvent.click(screen.getByTestId('filters-button'));
    const drawer = await screen.findByTestId('filters-drawer');
    const bar = await within(drawer.ownerDocument.body).findByTestId('filter-bar');
    expect(within(bar).getByTestId('filter-q')).toBeTruthy();
    // cards have no columns to choose
    expect(within(bar).queryByTestId('columns-button')).toBeNull();
  });
});
