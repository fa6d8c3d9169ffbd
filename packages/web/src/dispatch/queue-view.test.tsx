import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderUi, stubFetch } from '../test/render';
import { renderApp } from '../test/render-app';
import { CANDIDATES, me, WithMe } from './dispatch-fixtures';
import { QueueView } from './queue-view';
import type { DispatchQueue, QueueItem } from './use-queue';

// 待派单: the queue in dispatch's order, its reasons in words, the team filter, the empty state, and 派单
// opening the recommendations for the ticket picked.

const NOW = Date.parse('2026-12-07T10:00:00Z');
const NETWORK = '0190a0a0-0000-7000-8000-00000000dq01';
const LIFT = '0190a0a0-0000-7000-8000-00000000dq02';

const item = (n: number, o: Partial<QueueItem>): QueueItem => ({
  ticketId: `0190a0a0-0000-7000-8000-00000000dt${String(n).padStart(2, '0')}`,
  number: 3000 + n,
  title: `工单 ${n}`,
  priority: 'normal',
  status: 'new',
  teamId: NETWORK,
  teamName: '网络组',
  categoryId: null,
  categoryName: null,
  kind: 'desk',
  reason: 'no_capacity',
  enqueuedAt: new Date(NOW - 25 * 60_000).toISOString(),
  batchUntil: null,
  attempts: 0,
  dueAt: null,
  position: 1,
  ...o,
});

const URGENT = item(1, { title: '机房断网', priority: 'urgent', enqueuedAt: new Date(NOW - 5 * 60_000).toISOString(), dueAt: new Date(NOW - 10 * 60_000).toISOString() });
const OLDER = item(2, { title: '网络断了', position: 2, enqueuedAt: new Date(NOW - 125 * 60_000).toISOString(), dueAt: new Date(NOW + 60 * 60_000).toISOString() });
const VISIT = item(3, { title: '3 号梯异响', teamId: LIFT, teamName: '电梯组', kind: 'field', reason: 'manual', enqueuedAt: new Date(NOW - 20_000).toISOString() });
const TEAMS = [
  { teamId: NETWORK, teamName: '网络组', waiting: 2 },
  { teamId: LIFT, teamName: '电梯组', waiting: 1 },
];
const QUEUE: DispatchQueue = { items: [URGENT, OLDER, VISIT], truncated: false, teams: TEAMS };

function routes(queue: (teamId: string | null) => DispatchQueue) {
  return stubFetch({
    'GET /api/v1/auth/me': () => ({ status: 200, body: me('0190a0a0-0000-7000-8000-00000000du09', 'supervisor', '主管老陈') }),
    'GET /api/v1/dispatch/queue': () => ({ status: 200, body: queue(null) }),
    [`GET /api/v1/tickets/${VISIT.ticketId}/dispatch/candidates`]: () => ({ status: 200, body: CANDIDATES }),
  });
}

const teamOf = (url: string) => new URL(url, 'http://x').searchParams.get('teamId');

function renderQueue() {
  return renderUi(
    <MemoryRouter>
      <WithMe>
        <QueueView now={NOW} />
      </WithMe>
    </MemoryRouter>,
  );
}

const cells = (testId: string) => screen.getAllByTestId(testId).map((e) => e.textContent);

describe('the 待派单 view', () => {
  beforeEach(() => {
    (globalThis as { WebSocket?: unknown }).WebSocket = class {
      close() {}
    };
  });

  it('lists the waiting tickets in the order dispatch takes them, with their reasons, waits and deadlines in words', async () => {
    routes(() => QUEUE);
    renderQueue();
    await waitFor(() => expect(screen.getAllByTestId('queue-row')).toHaveLength(3));
    expect(cells('queue-title')).toEqual(['机房断网', '网络断了', '3 号梯异响']);
    expect(cells('queue-position')).toEqual(['1', '2', '1']);
    expect(cells('queue-reason')).toEqual(['合格的人手上都已满负荷或不在班', '合格的人手上都已满负荷或不在班', '人工派单模式，等待调度员派单']);
    expect(cells('queue-kind')).toEqual(['坐席', '坐席', '上门']);
    expect(cells('queue-waited')).toEqual(['5 分钟', '2 小时 5 分钟', '不到 1 分钟']);
    // past its due time: red; the others not
    expect(screen.getAllByTestId('queue-overdue')).toHaveLength(1);
    const first = screen.getAllByTestId('queue-row')[0];
    expect(within(first).getByTestId('queue-overdue')).toBeTruthy();
    expect(within(first).getByText('紧急')).toBeTruthy();
    expect(within(first).getByRole('link', { name: '#3001' }).getAttribute('href')).toBe('/tickets/3001');
    expect(screen.getByTestId('queue-summary').textContent).toBe('共 3 张工单等待派单');
  });

  it('is a table on a wide screen (1440 px), in the same order', async () => {
    const happy = (window as unknown as { happyDOM?: { setWindowSize(s: { width: number; height: number }): void } }).happyDOM;
    const before = { width: window.innerWidth, height: window.innerHeight };
    happy?.setWindowSize({ width: 1440, height: 900 });
    try {
      routes(() => QUEUE);
      renderQueue();
      await waitFor(() => expect(screen.getAllByTestId('queue-row')).toHaveLength(3));
      expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['顺序', '工单号', '标题', '优先级', '团队', '类型', '等待原因', '已等待', '截止', '操作']);
      expect(cells('queue-title')).toEqual(['机房断网', '网络断了', '3 号梯异响']);
    } finally {
      happy?.setWindowSize(before);
    }
  });

  it('filters by team, offering the teams with how many wait', async () => {
    const calls = stubFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: me('0190a0a0-0000-7000-8000-00000000du09', 'agent') }),
      'GET /api/v1/dispatch/queue': () => ({ status: 200, body: QUEUE }),
    });
    // the stub answers by path: answer the lift team's query with its own ticket
    const fetchAll = globalThis.fetch;
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (teamOf(String(input)) === LIFT) {
        calls.push({ method: 'GET', url: String(input), body: undefined });
        return new Response(JSON.stringify({ ...QUEUE, items: [VISIT] }), { status: 200, headers: { 'content-type': 'application/json' } });
      }
      return fetchAll(input, init);
    }) as typeof fetch;
    renderQueue();
    await waitFor(() => expect(screen.getAllByTestId('queue-row')).toHaveLength(3));
    fireEvent.mouseDown(within(screen.getByTestId('queue-team')).getByRole('combobox'));
    fireEvent.click(await screen.findByText('电梯组（1）'));
    await waitFor(() => expect(cells('queue-title')).toEqual(['3 号梯异响']));
    expect(calls.some((c) => teamOf(c.url) === LIFT)).toBe(true);
    expect(screen.getByText('网络组（2）', { exact: false })).toBeTruthy();
  });

  it('says when nothing waits', async () => {
    routes(() => ({ items: [], truncated: false, teams: [] }));
    renderQueue();
    expect(await screen.findByText('没有待派单的工单')).toBeTruthy();
    expect(screen.queryAllByTestId('queue-row')).toHaveLength(0);
  });

  it('派单 opens the recommendations for that ticket, and their confirmation', async () => {
    routes(() => QUEUE);
    renderQueue();
    await waitFor(() => expect(screen.getAllByTestId('queue-row')).toHaveLength(3));
    fireEvent.click(within(screen.getAllByTestId('queue-row')[2]).getByTestId('queue-assign'));
    const drawer = await screen.findByTestId('queue-assign-drawer');
    expect(drawer.textContent).toContain('派单：#3003 3 号梯异响');
    fireEvent.click(await within(drawer).findByTestId('candidate-assign'));
    expect((await screen.findByTestId('assign-dialog')).textContent).toContain('把工单 #3003「3 号梯异响」派给 张伟？');
  });

  it('is the third view of the dispatch page, counted on its switch', async () => {
    window.history.pushState({}, '', '/dispatch?view=queue');
    stubFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: me('0190a0a0-0000-7000-8000-00000000du09', 'agent') }),
      'GET /api/v1/dispatch/board': () => ({ status: 200, body: { engineers: [], tickets: [], outlets: [], map: { tileUrl: null, attribution: null } } }),
      'GET /api/v1/dispatch/queue': () => ({ status: 200, body: QUEUE }),
      'GET /api/v1/notifications': () => ({ status: 200, body: { items: [], unread: 0, nextBefore: null } }),
    });
    renderApp();
    expect(await screen.findByTestId('queue-view')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('queue-count').textContent).toBe('3'));
    expect(screen.getByTestId('dispatch-view').textContent).toContain('待派单');
    fireEvent.click(screen.getByText('地图'));
    await waitFor(() => expect(screen.queryByTestId('queue-view')).toBeNull());
    expect(window.location.search).toBe('');
  });
});
