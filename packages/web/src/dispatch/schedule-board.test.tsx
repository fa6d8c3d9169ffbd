import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { stubFetch } from '../test/render';
import { renderApp } from '../test/render-app';
import { CANDIDATES, me, TICKET, WANG, ZHANG } from './dispatch-fixtures';
import type { Board, DayRoute } from './dispatch-types';
import { TICKET_DRAG_TYPE } from './schedule-drag';

// The 日程 board on the 派单地图 page (?view=schedule): a row per engineer with the stored day plan as bars,
// a late visit in red, a click on a bar selecting its ticket (the recommendations show it), a row without a
// plan offering the team's plan, and a ticket dropped on a row asking to confirm the assignment.

const DAY = '2026-12-07';
/** a wall-clock time of the day in the test's zone; 10.5 is 10:30 */
const at = (h: number) => new Date(2026, 11, 7, Math.floor(h), (h % 1) * 60).toISOString();
const LATE = { id: '0190a0a0-0000-7000-8000-00000000dt02', number: 2052, title: '商场扶梯异响' };
const QUEUED = { id: '0190a0a0-0000-7000-8000-00000000dt03', number: 2053, title: '写字楼门禁故障' };

const engineer = (id: string, name: string, field: number, today: { given: number; limit: number } | null = null) => ({
  id,
  name,
  status: 'available',
  onShift: true,
  position: null,
  home: { lat: 31.2, lng: 121.4 },
  load: { ticket: 0, chat: 0, field },
  capacity: { ticket: 8, chat: 2, field: 5 },
  today,
  currentJob: null,
  outletId: null,
  skills: { 电梯维修: 4 },
});
const ticket = (tk: { id: string; number: number; title: string }, assigneeId: string | null) => ({
  ...tk,
  priority: 'high',
  status: 'open',
  site: { lat: 31.23, lng: 121.47, address: '上海市静安区南京西路 1000 号' },
  skill: '电梯维修',
  level: 3,
  dueAt: null,
  bookedWindow: null,
  onSiteMinutes: 60,
  createdAt: '2026-12-07T00:00:00Z',
  assigneeId,
  assignmentState: assigneeId ? 'accepted' : null,
  queued: !assigneeId,
});
const BOARD: Board = {
  engineers: [engineer(ZHANG, '张伟', 2, { given: 4, limit: 6 }), engineer(WANG, '王磊', 0)],
  tickets: [ticket(TICKET, ZHANG), ticket(LATE, ZHANG), ticket(QUEUED, null)],
  outlets: [],
  map: { tileUrl: null, attribution: null },
};
const stop = (ticketId: string, arrive: number, start: number, end: number, extra: object = {}) => ({ ticketId, arriveAt: at(arrive), startAt: at(start), endAt: at(end), lat: 31.2, lng: 121.4, travelKm: 6.5, ...extra });
const ROUTE: DayRoute = {
  userId: ZHANG,
  date: DAY,
  stops: [stop(TICKET.id, 9, 9, 10), stop(LATE.id, 10.5, 13, 14, { slaDueAt: at(11), late: true })],
  break: { startAt: at(12), endAt: at(13) },
  unplanned: [],
  km: 13,
  reason: 'team',
  planned_at: at(7),
};
const TEAM = { id: '0190a0a0-0000-7000-8000-00000000dm01', name: '电梯现场组', description: '', skills: [], memberIds: [ZHANG, WANG], createdAt: '2026-01-01T00:00:00Z' };

function setup(role = 'supervisor') {
  window.history.pushState({}, '', `/dispatch?view=schedule&date=${DAY}`);
  const calls = stubFetch({
    'GET /api/v1/auth/me': () => ({ status: 200, body: me('0190a0a0-0000-7000-8000-00000000du09', role) }),
    'GET /api/v1/dispatch/board': () => ({ status: 200, body: BOARD }),
    'GET /api/v1/routes/plans': () => ({ status: 200, body: { items: [ROUTE] } }),
    'POST /api/v1/routes/plan-team': () => ({ status: 200, body: { plans: [ROUTE] } }),
    'GET /api/v1/teams': () => ({ status: 200, body: { items: [TEAM] } }),
    [`GET /api/v1/tickets/${TICKET.id}/dispatch/candidates`]: () => ({ status: 200, body: CANDIDATES }),
    'GET /api/v1/notifications': () => ({ status: 200, body: { items: [], unread: 0, nextBefore: null } }),
  });
  renderApp();
  return calls;
}

const row = (userId: string) => screen.getAllByTestId('schedule-row').find((r) => r.dataset.userId === userId)!;

describe('the 日程 board', () => {
  beforeEach(() => {
    (globalThis as { WebSocket?: unknown }).WebSocket = class {
      close() {}
    };
  });

  it('draws a row per engineer with the day plan, the late visit in red', async () => {
    const calls = setup();
    await screen.findAllByTestId('schedule-visit');
    expect(calls.some((c) => c.url.endsWith(`/routes/plans?date=${DAY}`))).toBe(true);
    expect(screen.getAllByTestId('schedule-row').map((r) => r.dataset.userId)).toEqual([ZHANG, WANG]);
    const zhang = row(ZHANG);
    expect(zhang.textContent).toContain('负荷 2/5 · 今日 4/6 · 2 单·13 公里');
    const [first, late] = within(zhang).getAllByTestId('schedule-visit');
    expect(first.textContent).toBe('#2051 3 号楼电梯困人');
    expect(first.getAttribute('aria-label')).toBe('张伟：#2051 3 号楼电梯困人，现场 09:00–10:00，09:00 到达，路上 6.5 公里');
    expect(first.dataset.late).toBe('false');
    expect(late.dataset.late).toBe('true');
    expect(late.className).toContain('gd-late');
    expect(late.getAttribute('aria-label')).toMatch(/^张伟：#2052 商场扶梯异响，现场 13:00–14:00，10:30 到达，路上 6\.5 公里，超时（时限 .*11:00）$/);
    expect(within(zhang).getByTestId('schedule-break').textContent).toBe('午休');
    expect(within(zhang).getAllByTestId('schedule-sla')).toHaveLength(1);
    expect(row(WANG).textContent).toContain('未规划路线');
  });

  it('selects the ticket of a clicked bar: the recommendations show it, the other engineers are offered it', async () => {
    setup();
    const [bar] = await screen.findAllByTestId('schedule-visit');
    fireEvent.click(bar);
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('ticket')).toBe(TICKET.id));
    expect(new URLSearchParams(window.location.search).get('view')).toBe('schedule');
    expect((await screen.findByTestId('dispatch-hint')).textContent).toContain('已选工单 #2051');
    await within(screen.getByTestId('recommendation-card')).findByText('张伟');
    await waitFor(() => expect(bar.getAttribute('aria-pressed')).toBe('true'));
    // picked, it can go to another engineer by his name (not to 张伟, who has it)
    expect(within(row(ZHANG)).queryByTestId('schedule-offer')).toBeNull();
    fireEvent.click(within(row(WANG)).getByRole('button', { name: '把工单 #2051 派给 王磊' }));
    await screen.findByText('把工单 #2051「3 号楼电梯困人」派给 王磊？');
  });

  it('asks to confirm a ticket dropped on a row, and plans the day of a row without a plan', async () => {
    const calls = setup();
    await screen.findAllByTestId('schedule-visit');
    const target = row(WANG);
    const dataTransfer = { types: [TICKET_DRAG_TYPE], getData: (type: string) => (type === TICKET_DRAG_TYPE ? QUEUED.id : ''), setData: () => undefined, dropEffect: 'none' };
    fireEvent.dragOver(target, { dataTransfer });
    fireEvent.drop(target, { dataTransfer });
    expect((await screen.findByText(/把工单 #2053/)).textContent).toContain('派给 王磊');
    fireEvent.click(await within(target).findByText('规划「电梯现场组」的日程'));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST' && c.url.endsWith('/routes/plan-team'))?.body).toEqual({ teamId: TEAM.id, date: DAY }));
  });
});
