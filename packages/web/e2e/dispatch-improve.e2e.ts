import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { Api } from './api';
import { flow, poll, runStamp, session, shot, useBrowser } from './browser';
import { expectChineseOnly } from './chinese-only';
import type { TicketDispatchRow } from './dispatch-seed';
import { drawn } from './map-clusters';

// 日内优化 on the 派单地图 in Chromium: a job the engine gave (scored) to 李工 in 宝山 while 王工 at 人民广场
// was away is proposed to 王工 once he is back; the dispatcher opens 优化未开工派单, sees exactly that move
// with the km it saves, applies it, and the job is 王工's (mode improve); asked again, there is nothing to do.
// The world is set up through the public API only, in a category, team and rule of its own: the other
// browser tests share this server and tenant (only jobs dispatch decided by itself may move, and the team
// keeps everyone else's engineers off this job and these engineers off theirs).

const env = inject('e2e');
const b = useBrowser(env);

const PASSWORD = 'Engineer-e2e-12345';
const SITE = { lat: 31.2304, lng: 121.4737, address: '上海市黄浦区人民广场' };

interface Person {
  id: string;
  name: string;
  email: string;
}
interface Move {
  ticketId: string;
  ticketNumber: number;
  title: string;
  from: { id: string; name: string };
  to: { id: string; name: string };
  kmSaved: number;
  travelSavedMinutes: number;
  reason: string;
}

let api: Api;
let wang: Person;
let li: Person;
let teamId: string;
let categoryId: string;
let jobId: string | undefined;


const dispatchOf = (id: string) => api.get<TicketDispatchRow>(`/tickets/${id}/dispatch`);
const suggestions = async () => (await api.get<{ moves: Move[] }>('/dispatch/improvements')).moves;

async function engineer(name: string, email: string, home: { lat: number; lng: number }): Promise<Person> {
  const u = await api.post<{ id: string }>('/users', { email, name, password: PASSWORD, role: 'engineer', locale: 'zh-CN' });
  await api.call('PUT', `/dispatch/profiles/${u.id}`, { status: 'available', shift: null, capacity: { field: 5 }, skills: { 管道疏通: 3 }, home });
  return { id: u.id, name, email };
}

beforeAll(async () => {
  const stamp = runStamp();
  api = await Api.signIn(env.serverURL, env.admin.email, env.admin.password);
  wang = await engineer('王工', `wanggong${stamp}@example.com`, { lat: 31.231, lng: 121.474 }); // 人民广场
  li = await engineer('李工', `ligong${stamp}@example.com`, { lat: 31.3956, lng: 121.4459 }); // 宝山
  const team = await api.post<{ id: string }>('/teams', { name: `给排水上门组${stamp}`, memberIds: [wang.id, li.id] });
  const category = await api.post<{ id: string }>('/categories', { nameZh: `给排水报修${stamp}` });
  teamId = team.id;
  categoryId = category.id;
  // the engine decides this category's jobs by itself (scored), so they may move; no automatic 日内优化
  await api.call('PUT', '/dispatch/policies', { scope: 'category', scopeId: category.id, mode: 'scored', autoImprove: false });
  await api.post('/dispatch/rules', { name: `给排水报修须管道疏通 2 级${stamp}`, conditions: { categoryIds: [category.id] }, requirements: { skill: '管道疏通', level: 2, onSite: true, teamId: team.id } });
}, 180_000);

// the browser tests share the tenant: the job is resolved and these engineers leave it afterwards (as the field
// journey's do), so no later test's map or pool sees them (the job's marker at 人民广场 would lie over the
// 派单地图 test's tickets and take its clicks)
afterAll(async () => {
  if (jobId) await api.patch(`/tickets/${jobId}`, { status: 'resolved', resolution: '已上门疏通' });
  for (const p of [wang, li]) if (p?.id) await api.patch(`/users/${p.id}`, { active: false });
});

describe('日内优化', () => {
  flow(b, env, 'I1', '日内优化：优化未开工派单列出把李工的上门单改派给附近的王工及所省公里；应用所选后工单归王工（日内优化），再打开已无可优化的派单', async () => {
    // 王工 says he is away (his own status, as his phone would): the job goes to 李工, far in 宝山
    const wangApi = await Api.signIn(env.serverURL, wang.email, PASSWORD);
    await wangApi.call('PUT', '/me/dispatch-status', { status: 'away' });
    const title = '人民广场地铁站卫生间下水道堵塞';
    const t = await api.post<{ id: string; number: number }>('/tickets', {
      title,
      description: `<p>${title}，请安排工程师上门疏通</p>`,
      requester: { name: '站务张经理', phone: '13800137000' },
      priority: 'normal',
      categoryId,
      teamId,
      site: SITE,
    });
    const job = { id: t.id, number: t.number, title };
    jobId = job.id;
    await poll(async () => (await dispatchOf(job.id)).current).toMatchObject({ userId: li.id, mode: 'scored' });
    // 王工 is back: some 18 km nearer the site
    await wangApi.call('PUT', '/me/dispatch-status', { status: 'available' });

    // what the server proposes for this job: exactly the move to 王工
    await poll(async () => (await suggestions()).filter((m) => m.ticketId === job.id)).toHaveLength(1);
    const proposed = (await suggestions()).find((m) => m.ticketId === job.id)!;
    expect(proposed).toMatchObject({ ticketNumber: job.number, from: { id: li.id, name: '李工' }, to: { id: wang.id, name: '王工' } });
    expect(proposed.kmSaved).toBeGreaterThan(15);

    const { page } = await session(b()!, env, env.admin);
    await page.goto('/tickets');
    await page.getByTestId('nav-dispatch').click();
    await page.waitForURL(/\/dispatch/);
    // on the map: its own marker, or in a cluster (点聚合) with the other tickets around 人民广场
    await drawn(page, 'ticket', job.id).first().waitFor();
    await page.getByTestId('improve-open').getByText('优化未开工派单').click();

    const panel = page.getByTestId('improvements');
    await panel.waitFor();
    const moves = panel.getByTestId('improve-move');
    await moves.first().waitFor();
    // the panel lists exactly that move: the only one in the tenant (the other tests' jobs were chosen by hand)
    expect(await moves.count()).toBe(1);
    const move = moves.first();
    expect(await move.getAttribute('data-ticket-id')).toBe(job.id);
    expect(await move.getByTestId('improve-move-title').innerText()).toBe(`#${job.number} ${job.title}：李工 → 王工`);
    const gains = await move.getByTestId('improve-move-gains').innerText();
    const saved = gains.match(/^省 ([\d.]+) 公里 \/ (\d+) 分钟/);
    expect(saved, gains).not.toBeNull();
    expect(Number(saved![1])).toBeCloseTo(proposed.kmSaved, 1);
    expect(Number(saved![1])).toBeGreaterThan(15);
    expect(await panel.getByTestId('improve-summary').innerText()).toBe(`共 1 项建议，合计省 ${saved![1]} 公里 / ${saved![2]} 分钟`);
    // picked at first
    expect(await move.getByRole('checkbox').isChecked()).toBe(true);
    // asking changed nothing
    expect((await dispatchOf(job.id)).current).toMatchObject({ userId: li.id, mode: 'scored' });
    await shot(env, page, 'dispatch-improve');
    await expectChineseOnly(page);

    // apply the picked move
    await panel.getByTestId('improve-apply').getByText('应用所选').click();
    await panel.getByTestId('improve-applied').getByText('已应用 1 项').waitFor();
    expect(await panel.getByTestId('improve-skipped').count()).toBe(0);
    await poll(async () => (await dispatchOf(job.id)).current).toMatchObject({ userId: wang.id, mode: 'improve' });
    const after = await dispatchOf(job.id);
    expect(after.history.find((a) => a.userId === li.id)).toMatchObject({ state: 'released', endReason: '日内优化' });
    await shot(env, page, 'dispatch-improve-applied');

    // closed and opened again: the proposals are read afresh, and there is nothing left to improve
    await panel.getByTestId('improve-close').click();
    await page.getByTestId('improvement-card').waitFor({ state: 'detached' });
    await page.getByTestId('improve-open').click();
    await page.getByTestId('improvements').getByTestId('improve-empty').getByText('当前没有可优化的派单').waitFor();
    expect(await page.getByTestId('improve-move').count()).toBe(0);
    expect(await suggestions()).toEqual([]);
    await expectChineseOnly(page);
  });
});
