import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { Api } from './api';
import { flow, poll, runStamp, session, settled, shot, useBrowser } from './browser';
import { expectChineseOnly } from './chinese-only';
import type { TicketDispatchRow } from './dispatch-seed';

// 日程 (调度看板) beside the 派单地图 in Chromium: an engineer whose two jobs are booked for tomorrow and planned
// by a team plan (POST /routes/plan-team) shows them as bars on his row of tomorrow's board; a click on a
// bar selects its ticket (the recommendations show who has it); a waiting ticket dragged from the list onto
// his row asks to confirm, and 派单 gives it to him. The world is set up through the public API in a
// category, team and rule of its own (the other browser tests share this server and tenant), on tomorrow
// so the plan has a whole working day whatever the hour the suite runs.

const env = inject('e2e');
const b = useBrowser(env);

const PASSWORD = 'Engineer-e2e-12345';
const ZONE_OFFSET = '+08:00'; // the tenant's zone (Asia/Shanghai) and the browser's
/** tomorrow in Shanghai, YYYY-MM-DD */
const TOMORROW = new Date(Date.now() + 8 * 3600_000 + 24 * 3600_000).toISOString().slice(0, 10);

interface Job {
  id: string;
  number: number;
  title: string;
}
interface Plan {
  userId: string;
  stops: { ticketId: string }[];
}

let api: Api;
let zhao: { id: string; name: string };
const jobs: Job[] = [];

const dispatchOf = (id: string) => api.get<TicketDispatchRow>(`/tickets/${id}/dispatch`);

beforeAll(async () => {
  const stamp = runStamp();
  api = await Api.signIn(env.serverURL, env.admin.email, env.admin.password);
  const u = await api.post<{ id: string }>('/users', { email: `zhaogong${stamp}@example.com`, name: '赵工', password: PASSWORD, role: 'engineer', locale: 'zh-CN' });
  await api.call('PUT', `/dispatch/profiles/${u.id}`, { status: 'available', shift: null, capacity: { field: 5 }, skills: { 空调维修: 3 }, home: { lat: 31.2, lng: 121.45 } });
  zhao = { id: u.id, name: '赵工' };
  const team = await api.post<{ id: string }>('/teams', { name: `空调上门组${stamp}`, memberIds: [zhao.id] });
  const category = await api.post<{ id: string }>('/categories', { nameZh: `空调报修${stamp}` });
  // tickets wait for a dispatcher (manual); the rule keeps them on site, with this team
  await api.call('PUT', '/dispatch/policies', { scope: 'category', scopeId: category.id, mode: 'manual', acceptTimeoutS: 3600 });
  await api.post('/dispatch/rules', { name: `空调报修须空调维修 2 级${stamp}`, conditions: { categoryIds: [category.id] }, requirements: { skill: '空调维修', level: 2, onSite: true, teamId: team.id } });
  const ticket = async (title: string, lat: number, lng: number, address: string): Promise<Job> => {
    const t = await api.post<{ id: string; number: number }>('/tickets', { title, description: `<p>${title}，请安排上门</p>`, requester: { name: '物业孙经理', phone: '13800136000' }, priority: 'normal', categoryId: category.id, teamId: team.id, site: { lat, lng, address } });
    return { id: t.id, number: t.number, title };
  };
  jobs.push(await ticket('长宁办公楼空调不制冷', 31.22, 121.42, '上海市长宁区延安西路 500 号'));
  jobs.push(await ticket('普陀商场空调漏水', 31.25, 121.4, '上海市普陀区中山北路 800 号'));
  jobs.push(await ticket('闸北酒店空调异响', 31.26, 121.46, '上海市静安区天目西路 100 号'));
  // the first two: 赵工's, booked with the customer for tomorrow morning and afternoon, then his team's day planned
  const windows = [
    ['09:00', '10:00'],
    ['14:00', '15:00'],
  ];
  for (const [i, [from, to]] of windows.entries()) {
    await api.post(`/tickets/${jobs[i].id}/dispatch`, { userId: zhao.id });
    await api.call('PUT', `/field/jobs/${jobs[i].id}/visit`, { windowStart: `${TOMORROW}T${from}:00${ZONE_OFFSET}`, windowEnd: `${TOMORROW}T${to}:00${ZONE_OFFSET}` });
  }
  const { plans } = await api.post<{ plans: Plan[] }>('/routes/plan-team', { teamId: team.id, date: TOMORROW });
  expect(plans.find((p) => p.userId === zhao.id)?.stops.map((s) => s.ticketId)).toEqual([jobs[0].id, jobs[1].id]);
}, 180_000);

// the browser tests share the tenant: the jobs are resolved and the engineer leaves, so no later map or pool sees them
afterAll(async () => {
  for (const j of jobs) await api.patch(`/tickets/${j.id}`, { status: 'resolved', resolution: '已上门处理' }).catch(() => undefined);
  if (zhao?.id) await api.patch(`/users/${zhao.id}`, { active: false });
});

describe('日程', () => {
  flow(b, env, 'S1', '日程：切换到日程，看到赵工明天已规划的两单；点击日程条选中工单；把待派工单拖到赵工那一行，确认派单', async () => {
    const { page } = await session(b()!, env, env.admin);
    await page.goto('/dispatch');
    await page.getByTestId('dispatch-map').waitFor();
    await page.getByTestId('dispatch-view').getByText('日程', { exact: true }).click();
    await page.waitForURL(/view=schedule/);
    const board = page.getByTestId('schedule-board');
    await board.waitFor();
    // tomorrow, picked in the date picker
    const picker = board.locator('.ant-picker input');
    await picker.click();
    await picker.fill(TOMORROW);
    await picker.press('Enter');
    await page.waitForURL(new RegExp(`date=${TOMORROW}`));

    const row = page.locator(`[data-testid="schedule-row"][data-user-id="${zhao.id}"]`);
    const bar = (j: Job) => row.locator(`[data-testid="schedule-visit"][data-ticket-id="${j.id}"]`);
    await bar(jobs[0]).waitFor();
    await bar(jobs[1]).waitFor();
    expect(await row.getAttribute('data-planned')).toBe('true');
    expect(await bar(jobs[0]).innerText()).toBe(`#${jobs[0].number} ${jobs[0].title}`);
    expect(await bar(jobs[0]).getAttribute('aria-label')).toMatch(new RegExp(`^赵工：#${jobs[0].number} ${jobs[0].title}，现场 09:00–10:00，`));
    expect(await bar(jobs[1]).getAttribute('aria-label')).toContain('现场 14:00–15:00');
    expect(await row.innerText()).toContain('2 单·');
    // the way between the two visits, and the break between them
    expect(await row.locator('.gd-sched-travel').count()).toBe(1);
    await row.getByTestId('schedule-break').getByText('午休').waitFor();
    // the bars sit in time order on the track
    const [a, z] = [(await bar(jobs[0]).boundingBox())!, (await bar(jobs[1]).boundingBox())!];
    expect(a.x + a.width).toBeLessThan(z.x);
    await shot(env, page, 'dispatch-schedule');
    await expectChineseOnly(page);

    // a click on a bar selects its ticket: the hint and the recommendations are about it
    await bar(jobs[1]).click();
    await page.waitForURL(new RegExp(`ticket=${jobs[1].id}`));
    await page.getByTestId('dispatch-hint').getByText(`已选工单 #${jobs[1].number}`).waitFor();
    await page.getByTestId('recommendations').getByTestId('rec-current').getByText('当前由 赵工 处理').waitFor();
    expect(await bar(jobs[1]).getAttribute('aria-pressed')).toBe('true');

    // drag the waiting ticket from the list onto 赵工's row: confirm, 派单
    const waiting = jobs[2];
    const item = page.locator(`[data-testid="dispatch-ticket"][data-ticket-id="${waiting.id}"]`);
    await item.scrollIntoViewIfNeeded();
    await item.dragTo(row.locator('.gd-sched-track'));
    const dialog = page.getByTestId('assign-dialog');
    await dialog.getByText(`把工单 #${waiting.number}「${waiting.title}」派给 赵工？`).waitFor();
    await settled(page);
    await page.getByTestId('assign-confirm').click();
    await page.getByText('已派单给 赵工').waitFor();
    await poll(async () => (await dispatchOf(waiting.id)).current).toMatchObject({ userId: zhao.id, state: 'offered', mode: 'manual' });
    await poll(() => item.innerText()).toContain('已派单待接单');
  });
});
